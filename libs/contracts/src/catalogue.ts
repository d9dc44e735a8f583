import type { EventContract } from './event-contract';
import { JobCompleted } from './events/job-completed.event';
import { JobFailed } from './events/job-failed.event';
import { JobFailing } from './events/job-failing.event';
import { PriceUpdated } from './events/price-updated.event';
import { Tick } from './events/tick.event';
import { subjectMatches } from './subject-pattern';

/** Every event of the platform. A new contract is added here, and the AsyncAPI document follows. */
export const EVENT_CATALOGUE: readonly EventContract<any>[] = [
  Tick,
  JobCompleted,
  JobFailed,
  JobFailing,
  PriceUpdated,
];

/** The contract a concrete subject belongs to, if any. */
export function contractForSubject(subject: string): EventContract<any> | undefined {
  return EVENT_CATALOGUE.find((contract) => subjectMatches(contract.subjectPattern, subject));
}

export function contractForType(type: string, version: number): EventContract<any> | undefined {
  return EVENT_CATALOGUE.find((contract) => contract.type === type && contract.version === version);
}
