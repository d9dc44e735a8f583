export interface MessagingModuleOptions {
  /** The producing service's name: `producer` of its events and the prefix of its durable consumers. */
  service: string;
  /** The service's database schema, where its `outbox` and `inbox` tables live. */
  schema: string;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
