/**
 * Per-handler settings, passed as the extras of `@EventPattern(pattern, consumerOptions({...}))`.
 */
export interface ConsumerOptions {
  /** Durable name; default `<service>__<pattern>`. Give a new name to change immutable settings. */
  durable?: string;
  /** Handlers run at once on this replica. 1 keeps per-consumer order. */
  concurrency?: number;
  /** Where a brand-new durable starts: the whole stream (default) or only new messages. */
  deliverPolicy?: 'all' | 'new';
  /** Attempts before the DLQ; default MESSAGING_MAX_DELIVER. */
  maxDeliver?: number;
  /** Default MESSAGING_ACK_WAIT_MS; long handlers are kept alive with `working()` anyway. */
  ackWaitMs?: number;
}

export function consumerOptions(options: ConsumerOptions): Record<string, unknown> {
  return { jetstream: options };
}

export function readConsumerOptions(extras: Record<string, any> | undefined): ConsumerOptions {
  return (extras?.jetstream as ConsumerOptions | undefined) ?? {};
}

/** Durable names cannot contain `.`, `*`, `>` or whitespace. */
export function defaultDurableName(service: string, pattern: string): string {
  const token = pattern
    .replace(/\*/g, 'any')
    .replace(/>/g, 'all')
    .replace(/[^A-Za-z0-9_-]+/g, '_');
  return `${service}__${token}`;
}
