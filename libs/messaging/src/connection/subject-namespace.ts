import type { StreamDefinition } from '@marketpulse/contracts';

/**
 * Maps catalogue subjects and stream names onto the wire. With no namespace (production) the mapping is
 * the identity; with one, e.g. `t42`, `price.updated.X` becomes `t42.price.updated.X` and `MARKET`
 * becomes `T42_MARKET`, so test runs and side-by-side environments share one NATS without meeting.
 */
export class SubjectNamespace {
  private readonly prefix: string;

  constructor(readonly namespace?: string) {
    this.prefix = namespace ? `${namespace}.` : '';
  }

  subject(subject: string): string {
    return this.prefix + subject;
  }

  /** The catalogue subject of a wire subject. */
  strip(wireSubject: string): string {
    return this.prefix && wireSubject.startsWith(this.prefix)
      ? wireSubject.slice(this.prefix.length)
      : wireSubject;
  }

  stream(name: string): string {
    return this.namespace ? `${this.namespace.toUpperCase()}_${name}` : name;
  }

  streamDefinition(definition: StreamDefinition): StreamDefinition {
    return {
      ...definition,
      name: this.stream(definition.name),
      subjects: definition.subjects.map((subject) => this.subject(subject)),
    };
  }
}
