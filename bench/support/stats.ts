export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function format(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Calls `tick(count)` so that `perSecond` items go out each second, in 10 ms slices, for `seconds`. */
export async function paced(
  perSecond: number,
  seconds: number,
  tick: (count: number) => Promise<void>,
): Promise<void> {
  const sliceMs = 10;
  const perSlice = Math.max(1, Math.round((perSecond * sliceMs) / 1000));
  const start = performance.now();
  const slices = Math.round((seconds * 1000) / sliceMs);
  const pending: Promise<void>[] = [];
  for (let slice = 0; slice < slices; slice++) {
    const due = start + slice * sliceMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(tick(perSlice));
  }
  await Promise.all(pending);
}
