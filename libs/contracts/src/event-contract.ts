import type { ClassConstructor } from 'class-transformer';
import type { StreamName } from './streams';

/**
 * One event type of the catalogue: its subject, its stream, its payload class and a valid example.
 * Handlers and publishers refer to these objects, so the compiler checks payloads against subjects.
 */
export interface EventContract<P extends object = object> {
  /** Stable type name, the subject without its key tokens, e.g. `price.updated`. */
  readonly type: string;
  readonly version: number;
  readonly stream: StreamName;
  /** Wildcard pattern of every subject of this type, e.g. `price.updated.*`. */
  readonly subjectPattern: string;
  /** The concrete subject of one event, e.g. `price.updated.XAUUSD`. */
  subject(payload: P): string;
  readonly payload: ClassConstructor<P>;
  readonly summary: string;
  readonly example: P;
}

export function defineEvent<P extends object>(contract: EventContract<P>): EventContract<P> {
  return Object.freeze(contract);
}

export type PayloadOf<C> = C extends EventContract<infer P> ? P : never;
