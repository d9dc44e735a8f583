import { HEADERS, validatePayload, type EventContract, type EventEnvelope } from '@marketpulse/contracts';
import { traceContext } from '@marketpulse/observability';
import { newEventId } from './event-id';

export interface PublishOptions {
  /** Fixed event id (also the dedupe id); random by default. */
  id?: string;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

export interface OutgoingEvent<P = unknown> {
  subject: string;
  envelope: EventEnvelope<P>;
  headers: Record<string, string>;
}

/**
 * Validates the payload and wraps it in an envelope. Correlation and causation default to the work in
 * progress (the event being handled or the HTTP request), so a chain of events can be followed.
 */
export function buildEvent<P extends object>(
  contract: EventContract<P>,
  payload: P,
  producer: string,
  options: PublishOptions = {},
): OutgoingEvent<P> {
  validatePayload(contract, payload);
  const trace = traceContext.current();
  const id = options.id ?? newEventId();
  const envelope: EventEnvelope<P> = {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer,
    correlationId: options.correlationId ?? trace?.correlationId ?? id,
    causationId: options.causationId !== undefined ? options.causationId : (trace?.causationId ?? null),
    data: payload,
  };
  const headers: Record<string, string> = {
    [HEADERS.type]: envelope.type,
    [HEADERS.version]: String(envelope.version),
    [HEADERS.producer]: producer,
    [HEADERS.correlationId]: envelope.correlationId,
    [HEADERS.occurredAt]: envelope.occurredAt,
  };
  if (envelope.causationId) headers[HEADERS.causationId] = envelope.causationId;
  return { subject: contract.subject(payload), envelope, headers };
}
