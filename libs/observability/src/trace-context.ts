import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation of the work in progress: an HTTP request or a consumed event. Events published while it
 * is active inherit its correlation id and take the consumed event as their cause; log lines carry both.
 */
export interface TraceContext {
  correlationId: string;
  /** Id of the event being handled, if the work was caused by one. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export const traceContext = {
  run<T>(context: TraceContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): TraceContext | undefined {
    return storage.getStore();
  },
};
