/**
 * Polls `check` until it stops throwing or the deadline passes, then rethrows its last error. Asynchronous
 * effects are asserted this way, never by sleeping a fixed time.
 */
export async function expectEventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
