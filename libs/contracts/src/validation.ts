import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ISO_INSTANT, type EventEnvelope } from './envelope';
import type { EventContract } from './event-contract';

export class ContractViolationError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`${eventType} violates its contract: ${problems.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      prefix ? `${path}: ${message}` : message,
    );
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** Validates a payload against its contract; returns the typed instance or throws with every problem named. */
export function validatePayload<P extends object>(contract: EventContract<P>, payload: unknown): P {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ContractViolationError(contract.type, ['payload must be an object']);
  }
  const instance = plainToInstance(contract.payload, payload);
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) throw new ContractViolationError(contract.type, describe(errors));
  return instance;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Validates the envelope fields (not the payload). Hand-written rather than class-validator because it
 * runs for every consumed message and was a tenth of a consumer's CPU; `EventEnvelopeSchema` says the
 * same rules for the documents, and a test holds the two together.
 */
export function validateEnvelope(raw: unknown): EventEnvelope {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ContractViolationError('envelope', ['message body must be a JSON object']);
  }
  const envelope = raw as Record<string, unknown>;
  const problems: string[] = [];
  const nonEmpty = (field: string) =>
    typeof envelope[field] === 'string' && (envelope[field] as string).length > 0;
  if (typeof envelope.id !== 'string' || !UUID.test(envelope.id)) problems.push('id must be a UUID');
  if (!nonEmpty('type')) problems.push('type must be a non-empty string');
  if (!Number.isInteger(envelope.version) || (envelope.version as number) < 1) {
    problems.push('version must be an integer not less than 1');
  }
  if (
    typeof envelope.occurredAt !== 'string' ||
    !ISO_INSTANT.test(envelope.occurredAt) ||
    Number.isNaN(Date.parse(envelope.occurredAt))
  ) {
    problems.push('occurredAt must be an ISO-8601 date-time');
  }
  if (!nonEmpty('producer')) problems.push('producer must be a non-empty string');
  if (!nonEmpty('correlationId')) problems.push('correlationId must be a non-empty string');
  if (
    envelope.causationId !== undefined &&
    envelope.causationId !== null &&
    typeof envelope.causationId !== 'string'
  ) {
    problems.push('causationId must be a string or null');
  }
  if (envelope.data === null || typeof envelope.data !== 'object' || Array.isArray(envelope.data)) {
    problems.push('data must be an object');
  }
  if (problems.length > 0) throw new ContractViolationError('envelope', problems);
  return raw as EventEnvelope;
}
