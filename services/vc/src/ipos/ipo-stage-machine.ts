import type { IpoStage } from '@marketpulse/contracts';

/** The moves one step at a time: `rumoured → filed → priced → listed`, or `withdrawn` before listing. */
export const IPO_TRANSITIONS: Readonly<Record<IpoStage, readonly IpoStage[]>> = {
  rumoured: ['filed', 'withdrawn'],
  filed: ['priced', 'withdrawn'],
  priced: ['listed', 'withdrawn'],
  listed: [],
  withdrawn: [],
};

export function allowedTransitions(from: IpoStage): readonly IpoStage[] {
  return IPO_TRANSITIONS[from];
}

export function canTransition(from: IpoStage, to: IpoStage): boolean {
  return IPO_TRANSITIONS[from].includes(to);
}

/**
 * Whether `to` lies ahead of `from` through one or more allowed moves. A data feed may skip the stages it
 * missed (a company seen as rumoured, then already priced); it may never go back.
 */
export function isReachable(from: IpoStage, to: IpoStage): boolean {
  const seen = new Set<IpoStage>();
  const queue: IpoStage[] = [...IPO_TRANSITIONS[from]];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...IPO_TRANSITIONS[next]);
  }
  return false;
}

export function describeRefusal(from: IpoStage, to: IpoStage): string {
  const allowed = allowedTransitions(from);
  return allowed.length === 0
    ? `An IPO cannot move from ${from} to ${to}: ${from} is final, no transition is allowed`
    : `An IPO cannot move from ${from} to ${to}; allowed from ${from}: ${allowed.join(', ')}`;
}
