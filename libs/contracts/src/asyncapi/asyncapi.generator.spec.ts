import { IsString } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EVENT_CATALOGUE } from '../catalogue';
import { subjectMatches } from '../subject-pattern';
import { validateEnvelope, validatePayload } from '../validation';
import { contractId, exampleEnvelope, generateAsyncApi } from './asyncapi.generator';

const DOC_PATH = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

/** Every `$ref` value in the document, with where it was found. */
function collectRefs(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectRefs(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : collectRefs(value, `${at}/${key}`),
  );
}

/** Resolves a local JSON pointer (`#/components/schemas/X`), or undefined. */
function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

describe(generateAsyncApi.name, () => {
  const text = generateAsyncApi();
  const doc = parse(text);

  it('matches the committed docs/asyncapi.yaml', () => {
    const committed = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8').replace(/\r\n/g, '\n') : '';
    if (committed !== text) {
      const committedLines = committed.split('\n');
      const line = text.split('\n').findIndex((l, i) => l !== committedLines[i]);
      throw new Error(
        `docs/asyncapi.yaml is stale: run npm run asyncapi` +
          (committed ? ` (first difference at line ${line + 1})` : ' (the file is missing)'),
      );
    }
  });

  it('is deterministic', () => {
    expect(generateAsyncApi()).toBe(text);
  });

  it('does not depend on other classes registered with class-validator', () => {
    // A class loaded elsewhere in the process (a service DTO), even one named like a payload class.
    class PriceUpdatedV1 {
      @IsString()
      unrelated: string;
    }
    expect(PriceUpdatedV1).toBeDefined();
    expect(generateAsyncApi()).toBe(text);
  });

  it('is an AsyncAPI 3.0.0 document', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc.info.title).toBe('Marketpulse events');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const words of [
      'Nats-Msg-Id',
      'Mp-Correlation-Id',
      'Mp-Dlq-Reason',
      'MESSAGING_NAMESPACE',
      'At-least-once',
    ]) {
      expect(doc.info.description).toContain(words);
    }
    expect(doc.servers.local.protocol).toBe('nats');
  });

  describe.each(EVENT_CATALOGUE.map((contract) => [contract.type, contract] as const))(
    '%s',
    (_type, contract) => {
      const id = contractId(contract);

      it('has a channel whose address is its subject pattern, with a parameter per key token', () => {
        const channel = doc.channels[id];
        expect(channel).toBeDefined();
        expect(channel.address.replace(/\{[^}]+\}/g, '*')).toBe(contract.subjectPattern);
        const names = [...channel.address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        expect(Object.keys(channel.parameters ?? {}).sort()).toEqual([...names].sort());
        expect(channel.messages[id].$ref).toBe(`#/components/messages/${id}`);
        // The example's parameters rebuild the example's subject.
        const exampleAddress = channel.address.replace(
          /\{([^}]+)\}/g,
          (_m: string, name: string) => channel.parameters[name].examples[0],
        );
        expect(exampleAddress).toBe(contract.subject(contract.example));
      });

      it('has a send operation naming its stream and producer', () => {
        const operations = Object.values<any>(doc.operations).filter(
          (op) => op.channel.$ref === `#/channels/${id}`,
        );
        expect(operations).toHaveLength(1);
        const [operation] = operations;
        expect(operation.action).toBe('send');
        expect(operation['x-stream']).toBe(contract.stream);
        expect(operation['x-producer']).toEqual(expect.any(String));
        expect(operation.messages).toEqual([{ $ref: `#/channels/${id}/messages/${id}` }]);
      });

      it('has a message whose payload is the envelope with its payload schema under data', () => {
        const message = doc.components.messages[id];
        expect(message.payload.allOf[0]).toEqual({ $ref: '#/components/schemas/EventEnvelope' });
        expect(message.payload.allOf[1].properties.data).toEqual({
          $ref: `#/components/schemas/${contract.payload.name}`,
        });
        expect(message.payload.allOf[1].properties.type).toEqual({ const: contract.type });
        expect(message.headers.allOf[0]).toEqual({ $ref: '#/components/schemas/EventHeaders' });
        expect(message.examples[0].payload.data).toEqual(contract.example);
      });

      it('has an example that its payload class accepts', () => {
        expect(() => validatePayload(contract, contract.example)).not.toThrow();
        expect(subjectMatches(contract.subjectPattern, contract.subject(contract.example))).toBe(true);
      });

      it('has an example envelope that the envelope validation accepts', () => {
        const envelope = exampleEnvelope(contract);
        expect(() => validateEnvelope(envelope)).not.toThrow();
        expect(envelope).toMatchObject({
          type: contract.type,
          version: contract.version,
          data: contract.example,
        });
      });
    },
  );

  it('has no channel or operation beyond the catalogue and the dead letters', () => {
    const ids = EVENT_CATALOGUE.map(contractId);
    expect(Object.keys(doc.channels).sort()).toEqual([...ids, 'deadLetter'].sort());
    expect(Object.keys(doc.operations)).toHaveLength(ids.length + 1);
  });

  it('resolves every $ref inside the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('gives a subclass the properties of its base class (JobFailedV1 extends JobOutcomeBase)', () => {
    const schemas = doc.components.schemas;
    const base = [
      'runId',
      'service',
      'job',
      'scheduledFor',
      'startedAt',
      'finishedAt',
      'durationMs',
      'instance',
    ];
    expect(Object.keys(schemas.JobFailedV1.properties)).toEqual([...base, 'error']);
    expect(schemas.JobFailedV1.required).toEqual([...base, 'error']);
    expect(Object.keys(schemas.JobCompletedV1.properties)).toEqual([...base, 'counts', 'skipped']);
    expect(schemas.JobCompletedV1.required).toEqual([...base, 'counts']);
    expect(schemas.JobOutcomeBase).toBeUndefined();
  });

  it('documents the envelope with a nullable causationId', () => {
    const envelope = doc.components.schemas.EventEnvelope;
    expect(envelope.required).toEqual([
      'id',
      'type',
      'version',
      'occurredAt',
      'producer',
      'correlationId',
      'data',
    ]);
    expect(envelope.properties.causationId.type).toEqual(['string', 'null']);
  });
});
