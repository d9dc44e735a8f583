import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EventEnvelopeSchema, type EventEnvelope } from './envelope';
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

/** Validates the envelope fields (not the payload). */
export function validateEnvelope(raw: unknown): EventEnvelope {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ContractViolationError('envelope', ['message body must be a JSON object']);
  }
  const errors = validateSync(plainToInstance(EventEnvelopeSchema, raw), { forbidUnknownValues: true });
  if (errors.length > 0) throw new ContractViolationError('envelope', describe(errors));
  return raw as EventEnvelope;
}
