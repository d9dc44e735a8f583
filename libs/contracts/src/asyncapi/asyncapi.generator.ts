import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, MetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { EVENT_CATALOGUE } from '../catalogue';
import { EventEnvelopeSchema, HEADERS, type EventEnvelope } from '../envelope';
import type { EventContract } from '../event-contract';
import { STREAMS } from '../streams';

/** The headers a dead letter carries, in the order the document lists them. */
const DLQ_HEADERS = [
  HEADERS.dlqReason,
  HEADERS.dlqSubject,
  HEADERS.dlqStream,
  HEADERS.dlqStreamSeq,
  HEADERS.dlqConsumer,
  HEADERS.dlqDeliveryCount,
  HEADERS.dlqFailedAt,
] as const;

/**
 * Builds the AsyncAPI 3.0 document of every event in EVENT_CATALOGUE. The JSON Schemas come from the
 * class-validator decorators of the payload classes, so the document cannot describe a payload the
 * validator would not accept. `npm run asyncapi` writes it to docs/asyncapi.yaml; a unit test fails when the
 * committed file differs from what this produces.
 *
 * The output is deterministic (no timestamps, map keys sorted where their order carries no meaning), so
 * the staleness test compares text.
 */

type Schema = Record<string, any>;

const SCHEMA_REF = '#/components/schemas/';
const ENVELOPE_SCHEMA = 'EventEnvelope';
const EVENT_HEADERS_SCHEMA = 'EventHeaders';
const DEAD_LETTER_HEADERS_SCHEMA = 'DeadLetterHeaders';
const DEAD_LETTER_ID = 'deadLetter';

/** What the catalogue does not say about a contract: who sends it and what its subject's `*` tokens mean. */
interface ContractDocs {
  /** Who publishes it (the `producer` of the envelope). */
  readonly producer: string;
  /** The producer named in the example envelope. */
  readonly exampleProducer: string;
  /** One entry per `*` token of the subject pattern, in order: name, payload field it comes from, meaning. */
  readonly parameters?: readonly { name: string; field: string; description: string }[];
  /** What the `Nats-Msg-Id` (the envelope id) is, when it is not a random uuid. */
  readonly dedupe?: string;
}

/**
 * Kept explicit on purpose: parameter names are part of the published document, so they are chosen, not
 * guessed from the pattern. A contract added to the catalogue without an entry here fails generation.
 */
const CONTRACT_DOCS: Readonly<Record<string, ContractDocs>> = {
  tick: {
    producer: 'scheduler',
    exampleProducer: 'scheduler',
    parameters: [
      {
        name: 'service',
        field: 'service',
        description: 'The service that runs the job, e.g. `market-data`.',
      },
      { name: 'job', field: 'job', description: 'The job name within that service, e.g. `refresh-prices`.' },
    ],
    dedupe:
      'Name-based (v5) uuid of job + scheduled slot, so scheduler replicas firing the same slot are deduplicated by JetStream.',
  },
  'job.completed': {
    producer: 'any service that runs scheduled jobs (libs/messaging job runner)',
    exampleProducer: 'market-data',
  },
  'job.failed': {
    producer: 'any service that runs scheduled jobs (libs/messaging job runner)',
    exampleProducer: 'market-data',
  },
  'job.failing': { producer: 'scheduler', exampleProducer: 'scheduler' },
  'price.updated': {
    producer: 'market-data',
    exampleProducer: 'market-data',
    parameters: [
      { name: 'symbol', field: 'symbol', description: 'The catalogue symbol, e.g. `XAUUSD` or `BRK-B`.' },
    ],
  },
  'candle.closed': {
    producer: 'market-data',
    exampleProducer: 'market-data',
    parameters: [{ name: 'symbol', field: 'symbol', description: 'The catalogue symbol, e.g. `XAUUSD`.' }],
    dedupe: 'Name-based (v5) uuid of symbol + interval + date: a candle closes once.',
  },
  'signal.detected': {
    producer: 'market-data',
    exampleProducer: 'market-data',
    parameters: [{ name: 'symbol', field: 'symbol', description: 'The catalogue symbol, e.g. `XAUUSD`.' }],
    dedupe: 'Name-based (v5) uuid of symbol + date + type: a signal is published once.',
  },
  'fx.rate.updated': {
    producer: 'market-data',
    exampleProducer: 'market-data',
    parameters: [
      { name: 'pair', field: 'pair', description: 'The currency pair, base then quote, e.g. `EURUSD`.' },
    ],
  },
  'news.published': {
    producer: 'news',
    exampleProducer: 'news',
    parameters: [
      {
        name: 'category',
        field: 'category',
        description:
          'The primary category: gold, silver, forex, crypto, commodities, equities, venture or macro.',
      },
    ],
    dedupe:
      'Name-based (v5) uuid of the story id: a story is published once, however many copies of it are fetched.',
  },
  'prediction.created': { producer: 'predictions', exampleProducer: 'predictions' },
  'vote.cast': { producer: 'predictions', exampleProducer: 'predictions' },
  'prediction.due': {
    producer: 'predictions',
    exampleProducer: 'predictions',
    dedupe:
      'Name-based (v5) uuid of prediction id + attempt, so replicas sweeping at once publish each attempt once.',
  },
  'prediction.verified': {
    producer: 'predictions',
    exampleProducer: 'predictions',
    dedupe: 'Name-based (v5) uuid of the prediction id: a prediction is verified once.',
  },
  'prediction.voided': { producer: 'predictions', exampleProducer: 'predictions' },
  'leaderboard.updated': {
    producer: 'predictions',
    exampleProducer: 'predictions',
    parameters: [
      { name: 'period', field: 'period', description: '`all-time`, `monthly` or `weekly`.' },
      { name: 'metric', field: 'metric', description: '`accuracy`, `correct` or `streak`.' },
    ],
  },
  'user.milestone.reached': {
    producer: 'predictions',
    exampleProducer: 'predictions',
    dedupe: 'Name-based (v5) uuid of user + milestone: each milestone is published once per user.',
  },
  'portfolio.valued': { producer: 'portfolio', exampleProducer: 'portfolio' },
  'portfolio.snapshot.created': {
    producer: 'portfolio',
    exampleProducer: 'portfolio',
    dedupe: 'Name-based (v5) uuid of portfolio id + day + run: each run publishes a snapshot once.',
  },
  'portfolio.alert.triggered': {
    producer: 'portfolio',
    exampleProducer: 'portfolio',
    dedupe: 'The firing id (a uuid stored with the firing).',
  },
  'vc.round.recorded': { producer: 'vc', exampleProducer: 'vc' },
  'vc.acquisition.recorded': { producer: 'vc', exampleProducer: 'vc' },
  'vc.ipo.updated': { producer: 'vc', exampleProducer: 'vc' },
  'vc.investors.ranked': {
    producer: 'vc',
    exampleProducer: 'vc',
    parameters: [{ name: 'metric', field: 'metric', description: '`deals`, `leads` or `capital`.' }],
  },
};

const ENVELOPE_FIELD_DESCRIPTIONS: Readonly<Record<string, string>> = {
  id: 'Event id (uuid); also the `Nats-Msg-Id` header, so JetStream drops a re-publish inside its duplicate window.',
  type: 'Event type, e.g. `price.updated`.',
  version: 'Contract version of `data`.',
  occurredAt: 'When the event happened (ISO-8601, UTC).',
  producer: 'The service that published the event.',
  correlationId: 'Shared by every event of one chain of work (the first event id or the HTTP request id).',
  causationId: 'The id of the event (or request) that caused this one; null for a root event.',
  data: 'The payload; its schema depends on `type` and `version`.',
};

// ---------------------------------------------------------------------------------------------------------
// JSON Schemas from class-validator metadata
// ---------------------------------------------------------------------------------------------------------

type ClassType = abstract new (...args: any[]) => unknown;
type ConstraintClass = Parameters<MetadataStorage['getTargetValidatorConstraints']>[0];

/** The class and its ancestors, root first (`JobOutcomeBase`, then `JobFailedV1`). */
function classChain(target: ClassType): ClassType[] {
  const chain: ClassType[] = [];
  for (let c: any = target; c && c !== Function.prototype && c !== Object; c = Object.getPrototypeOf(c)) {
    chain.unshift(c);
  }
  return chain;
}

/**
 * JSON Schemas of the given classes, inherited properties included.
 *
 * `validationMetadatasToSchemas` reads every class registered with class-validator in the process, and
 * merges inherited properties only from ancestors that are in the metadata it is given. So it is fed an
 * isolated storage holding exactly these classes and all their ancestors: the result does not depend on
 * what else happens to be loaded (a jest worker, a service's DTOs), and `JobFailedV1` gets the properties
 * of `JobOutcomeBase`. Properties are listed base class first, in declaration order.
 */
function classSchemas(targets: readonly ClassType[]): Map<ClassType, Schema> {
  const registry = getMetadataStorage();
  const isolated = new MetadataStorage();
  const seen = new Set<ClassType>();
  const constraintClasses = new Set<ConstraintClass>();
  for (const target of targets) {
    for (const cls of classChain(target)) {
      if (seen.has(cls)) continue;
      seen.add(cls);
      for (const meta of registry.getTargetValidationMetadatas(cls, '', true, false)) {
        if (meta.target !== cls) continue;
        isolated.addValidationMetadata(meta);
        if (meta.constraintCls) constraintClasses.add(meta.constraintCls);
      }
    }
  }
  for (const constraintCls of constraintClasses) {
    for (const constraint of registry.getTargetValidatorConstraints(constraintCls)) {
      isolated.addConstraintMetadata(constraint);
    }
  }
  const byName = validationMetadatasToSchemas({
    classValidatorMetadataStorage: isolated,
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMA_REF,
  }) as Record<string, Schema>;

  const result = new Map<ClassType, Schema>();
  for (const target of targets) {
    // A class without decorators of its own is not in the output; its nearest decorated ancestor has the
    // same properties.
    const chain = classChain(target);
    const found = [...chain].reverse().find((cls) => byName[cls.name]);
    if (!found) throw new Error(`${target.name} has no class-validator decorators: cannot derive its schema`);
    result.set(target, orderProperties(byName[found.name], chain, registry));
  }
  return result;
}

/**
 * Classes that payloads nest through `@ValidateNested` + `@Type` (an option of a prediction, an entry of a
 * leaderboard), found recursively, so their schemas can sit beside the payloads' in `components`.
 */
function nestedClasses(targets: readonly ClassType[]): ClassType[] {
  const found: ClassType[] = [];
  const visit = (target: ClassType) => {
    for (const cls of classChain(target)) {
      for (const meta of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
        const typeMeta = defaultMetadataStorage.findTypeMetadata(cls, meta.propertyName);
        const nested = typeMeta?.typeFunction() as ClassType | undefined;
        if (nested && !found.includes(nested) && !targets.includes(nested)) {
          found.push(nested);
          visit(nested);
        }
      }
    }
  };
  targets.forEach(visit);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Base-class properties first, each class in declaration order; `required` in the same order. */
function orderProperties(schema: Schema, chain: ClassType[], storage: MetadataStorage): Schema {
  const order: string[] = [];
  for (const cls of chain) {
    for (const meta of storage.getTargetValidationMetadatas(cls, '', true, false)) {
      if (meta.target === cls && !order.includes(meta.propertyName)) order.push(meta.propertyName);
    }
  }
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const byRank = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
  const properties: Schema = {};
  for (const name of Object.keys(schema.properties ?? {}).sort(byRank)) {
    properties[name] = sortKeys(schema.properties[name]);
  }
  const ordered: Schema = { type: 'object', properties };
  if (schema.required?.length) ordered.required = [...schema.required].sort(byRank);
  ordered.additionalProperties = true;
  return ordered;
}

/** Recursively sorts object keys: schema keywords have no meaningful order. */
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out as T;
}

// ---------------------------------------------------------------------------------------------------------
// Document parts
// ---------------------------------------------------------------------------------------------------------

/** `price.updated` v1 -> `priceUpdatedV1`: the id of its channel, message and (prefixed) operation. */
export function contractId(contract: EventContract<any>): string {
  const camel = contract.type
    .split(/[.\-_]/)
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return `${camel}V${contract.version}`;
}

function docsFor(contract: EventContract<any>): ContractDocs {
  const docs = CONTRACT_DOCS[contract.type];
  if (!docs) {
    throw new Error(
      `AsyncAPI: no CONTRACT_DOCS entry for '${contract.type}' (add one in asyncapi.generator.ts)`,
    );
  }
  return docs;
}

/** `tick.*.*` with parameters service, job -> `tick.{service}.{job}`. */
function channelAddress(contract: EventContract<any>, docs: ContractDocs): string {
  const tokens = contract.subjectPattern.split('.');
  if (tokens.includes('>')) {
    throw new Error(
      `AsyncAPI: '${contract.subjectPattern}' ends in '>', which a channel address cannot express`,
    );
  }
  const params = docs.parameters ?? [];
  const wildcards = tokens.filter((token) => token === '*').length;
  if (wildcards !== params.length) {
    throw new Error(
      `AsyncAPI: '${contract.subjectPattern}' has ${wildcards} '*' token(s) but CONTRACT_DOCS names ${params.length} parameter(s)`,
    );
  }
  let next = 0;
  return tokens.map((token) => (token === '*' ? `{${params[next++].name}}` : token)).join('.');
}

function channelParameters(contract: EventContract<any>, docs: ContractDocs): Schema | undefined {
  const params = docs.parameters ?? [];
  if (params.length === 0) return undefined;
  const patternTokens = contract.subjectPattern.split('.');
  const exampleTokens = contract.subject(contract.example).split('.');
  const exampleValues = patternTokens.flatMap((token, i) => (token === '*' ? [exampleTokens[i]] : []));
  const out: Schema = {};
  params.forEach((param, i) => {
    // Keys sorted; parameters in subject order.
    out[param.name] = {
      description: param.description,
      examples: [exampleValues[i]],
      location: `$message.payload#/data/${param.field}`,
    };
  });
  return out;
}

const EXAMPLE_OCCURRED_AT = '2026-11-23T09:00:05.100Z';

/** A name-based (version 5) uuid, so example ids are valid uuids and the same on every run. */
function exampleUuid(name: string): string {
  const hash = createHash('sha1').update('marketpulse-asyncapi-example:').update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The example envelope of a contract (as a producer would publish it, a root event). */
export function exampleEnvelope(contract: EventContract<any>): EventEnvelope {
  const id = exampleUuid(`${contract.type}@${contract.version}`);
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: EXAMPLE_OCCURRED_AT,
    producer: docsFor(contract).exampleProducer,
    correlationId: id,
    causationId: null,
    data: contract.example,
  };
}

function exampleHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    [HEADERS.msgId]: envelope.id,
    [HEADERS.type]: envelope.type,
    [HEADERS.version]: String(envelope.version),
    [HEADERS.producer]: envelope.producer,
    [HEADERS.correlationId]: envelope.correlationId,
    [HEADERS.occurredAt]: envelope.occurredAt,
  };
}

function eventHeadersSchema(): Schema {
  return {
    type: 'object',
    description:
      'NATS headers mirroring the envelope, so tools can route and trace without parsing bodies. Header values are strings.',
    properties: {
      [HEADERS.msgId]: {
        type: 'string',
        format: 'uuid',
        description: 'The envelope `id`: JetStream dedupe id.',
      },
      [HEADERS.type]: { type: 'string', minLength: 1, description: 'The envelope `type`.' },
      [HEADERS.version]: { type: 'string', pattern: '^[1-9][0-9]*$', description: 'The envelope `version`.' },
      [HEADERS.producer]: { type: 'string', minLength: 1, description: 'The envelope `producer`.' },
      [HEADERS.correlationId]: { type: 'string', minLength: 1, description: 'The envelope `correlationId`.' },
      [HEADERS.causationId]: {
        type: 'string',
        minLength: 1,
        description: 'The envelope `causationId`; absent for a root event.',
      },
      [HEADERS.occurredAt]: {
        type: 'string',
        format: 'date-time',
        description: 'The envelope `occurredAt`.',
      },
    },
    required: [
      HEADERS.msgId,
      HEADERS.type,
      HEADERS.version,
      HEADERS.producer,
      HEADERS.correlationId,
      HEADERS.occurredAt,
    ],
  };
}

function deadLetterHeadersSchema(): Schema {
  return {
    type: 'object',
    description:
      'The original message headers (all but `Nats-Msg-Id`, which becomes `dlq:<stream>:<seq>:<consumer>`), plus why and where the message failed.',
    properties: {
      [HEADERS.dlqReason]: {
        type: 'string',
        pattern: '^(invalid|max_deliver|permanent): ',
        description:
          '`<kind>: <reason>`; kind `invalid` (failed validation), `max_deliver` (delivery limit reached) or `permanent` (a handler refused it for good).',
      },
      [HEADERS.dlqSubject]: { type: 'string', description: 'The subject the message was published on.' },
      [HEADERS.dlqStream]: { type: 'string', description: 'The stream it was read from.' },
      [HEADERS.dlqStreamSeq]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'Its sequence in that stream.',
      },
      [HEADERS.dlqConsumer]: { type: 'string', description: 'The durable consumer that gave up on it.' },
      [HEADERS.dlqDeliveryCount]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'How many times it was delivered.',
      },
      [HEADERS.dlqFailedAt]: { type: 'string', format: 'date-time', description: 'When it was parked.' },
    },
    required: [...DLQ_HEADERS],
  };
}

function infoDescription(): string {
  const streams = Object.values(STREAMS)
    .map((stream) => {
      const days = stream.maxAgeMs / (24 * 60 * 60 * 1000);
      const dedupe = stream.duplicateWindowMs / 1000;
      const subjects = stream.subjects.map((s) => `\`${s}\``).join(', ');
      return `| \`${stream.name}\` | ${subjects} | ${stream.description} | ${days} d | ${dedupe} s |`;
    })
    .join('\n');
  const dlqHeaders = DLQ_HEADERS.map((h) => `\`${h}\``).join(', ');
  return `Every event of the Marketpulse platform, generated from \`libs/contracts\` (\`npm run asyncapi\`); do not edit by hand.

## Envelope
Every message body is a JSON event envelope: \`id\` (uuid), \`type\`, \`version\`, \`occurredAt\` (ISO-8601 UTC),
\`producer\`, \`correlationId\`, \`causationId\` (null for a root event) and the payload under \`data\`. The payload
schema is chosen by \`type\` and \`version\`; contracts evolve by adding optional fields, and a breaking change
is a new version on a new subject token.

## Headers
- \`${HEADERS.msgId}\`: the event id. JetStream drops a second publish with the same id inside the stream's
  duplicate window, so a retried publish (or a second scheduler replica) does not duplicate an event.
- \`${HEADERS.type}\`, \`${HEADERS.version}\`, \`${HEADERS.producer}\`, \`${HEADERS.correlationId}\`, \`${HEADERS.occurredAt}\` and, when
  there is a cause, \`${HEADERS.causationId}\`: copies of the envelope fields, for routing and tracing without parsing bodies.

## Delivery
At-least-once. Producers write events to an outbox in the same database transaction as the state change
they describe; a relay publishes them afterwards, so nothing is published for work that rolled back.
Consumers use durable pull consumers with explicit acks, ack after their own transaction commits, and
record handled event ids (an inbox), so a redelivery is a no-op. A transient failure is retried with a
growing delay.

## Dead letters
A message that fails validation, that a handler rejects for good, or that reaches its consumer's delivery
limit is copied to the \`${STREAMS.DLQ.name}\` stream on \`dlq.<consumer>\` (the durable's name) and acked. The copy keeps
the original body and headers and adds ${dlqHeaders}.

## Streams
| stream | subjects | content | kept | dedupe window |
| --- | --- | --- | --- | --- |
${streams}

## Namespaces
Subjects and stream names here are the production ones. A deployment (or a test run) with
\`MESSAGING_NAMESPACE\` set, e.g. \`t42\`, prefixes every subject with \`t42.\` (\`t42.price.updated.XAUUSD\`)
and every stream name with \`T42_\` (\`T42_MARKET\`), so several environments can share one NATS server.
`;
}

function readVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'marketpulse' && pkg.version) return pkg.version;
      } catch {
        // not a readable package.json: keep looking
      }
    }
    if (dirname(dir) === dir) return '1.0.0';
  }
}

// ---------------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------------

/** The AsyncAPI document as a plain object (what `generateAsyncApi` serialises). */
export function buildAsyncApiDocument(): Schema {
  const contracts = [...EVENT_CATALOGUE].sort((a, b) => contractId(a).localeCompare(contractId(b)));
  const ids = new Set<string>();
  for (const contract of contracts) {
    const id = contractId(contract);
    if (ids.has(id) || id === DEAD_LETTER_ID)
      throw new Error(`AsyncAPI: two contracts map to the id '${id}'`);
    ids.add(id);
  }

  const payloadClasses = contracts.map((c) => c.payload);
  const nested = nestedClasses(payloadClasses);
  const schemasByClass = classSchemas([EventEnvelopeSchema, ...payloadClasses, ...nested]);

  const envelope = schemasByClass.get(EventEnvelopeSchema)!;
  envelope.description = 'What travels on the wire: the envelope fields and the payload under `data`.';
  envelope.properties.causationId = { type: ['string', 'null'] };
  for (const [name, description] of Object.entries(ENVELOPE_FIELD_DESCRIPTIONS)) {
    if (envelope.properties[name])
      envelope.properties[name] = sortKeys({ ...envelope.properties[name], description });
  }

  const schemas: Schema = {
    [ENVELOPE_SCHEMA]: envelope,
    [EVENT_HEADERS_SCHEMA]: eventHeadersSchema(),
    [DEAD_LETTER_HEADERS_SCHEMA]: deadLetterHeadersSchema(),
  };
  for (const cls of nested) schemas[cls.name] = schemasByClass.get(cls)!;
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};

  for (const contract of contracts) {
    const id = contractId(contract);
    const docs = docsFor(contract);
    const payloadName = contract.payload.name;
    if (schemas[payloadName]) throw new Error(`AsyncAPI: two schemas named '${payloadName}'`);
    schemas[payloadName] = { ...schemasByClass.get(contract.payload)!, description: contract.summary };

    const stream = STREAMS[contract.stream];
    const envelopeExample = exampleEnvelope(contract);
    messages[id] = {
      name: id,
      title: `${contract.type} v${contract.version}`,
      summary: contract.summary,
      contentType: 'application/json',
      correlationId: {
        description: 'Shared by every event of one chain of work.',
        location: '$message.payload#/correlationId',
      },
      headers: {
        type: 'object',
        allOf: [
          { $ref: `${SCHEMA_REF}${EVENT_HEADERS_SCHEMA}` },
          {
            type: 'object',
            properties: {
              [HEADERS.type]: { const: contract.type },
              [HEADERS.version]: { const: String(contract.version) },
            },
          },
        ],
      },
      payload: {
        type: 'object',
        allOf: [
          { $ref: `${SCHEMA_REF}${ENVELOPE_SCHEMA}` },
          {
            type: 'object',
            properties: {
              type: { const: contract.type },
              version: { const: contract.version },
              data: { $ref: `${SCHEMA_REF}${payloadName}` },
            },
          },
        ],
      },
      examples: [
        {
          name: 'example',
          summary: `A ${contract.type} event`,
          headers: exampleHeaders(envelopeExample),
          payload: envelopeExample,
        },
      ],
    };

    const parameters = channelParameters(contract, docs);
    channels[id] = {
      address: channelAddress(contract, docs),
      title: contract.type,
      summary: contract.summary,
      description: `Subjects matching \`${contract.subjectPattern}\`, stored in the \`${stream.name}\` stream.`,
      servers: [{ $ref: '#/servers/local' }],
      ...(parameters ? { parameters } : {}),
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      'x-subject-pattern': contract.subjectPattern,
      'x-stream': stream.name,
    };

    const dedupe = docs.dedupe ?? 'The event id (the outbox row id): a random uuid.';
    operations[`send${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `Publish ${contract.type} v${contract.version}`,
      summary: contract.summary,
      description: [
        `Producer: ${docs.producer}.`,
        `Stream: \`${stream.name}\` (subjects ${stream.subjects.map((s) => `\`${s}\``).join(', ')}).`,
        `Nats-Msg-Id: ${dedupe}`,
      ].join('\n'),
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      'x-producer': docs.producer,
      'x-stream': stream.name,
    };
  }

  // Dead letters: not a contract of the catalogue, but real traffic an operator's tool may subscribe to.
  messages[DEAD_LETTER_ID] = {
    name: DEAD_LETTER_ID,
    title: 'Dead letter',
    summary: 'A message a consumer could not process, parked with the reason.',
    description:
      'The original body, byte for byte: usually an event envelope of one of the other messages, but for an `invalid` dead letter it may be any bytes.',
    headers: {
      type: 'object',
      allOf: [{ $ref: `${SCHEMA_REF}${DEAD_LETTER_HEADERS_SCHEMA}` }],
    },
    payload: {
      description: 'The original message body, unchanged.',
    },
  };
  channels[DEAD_LETTER_ID] = {
    address: 'dlq.{consumer}',
    title: 'dead letters',
    summary: 'Messages a consumer gave up on.',
    description: `Subjects matching \`dlq.*\`, stored in the \`${STREAMS.DLQ.name}\` stream. ${STREAMS.DLQ.description}.`,
    servers: [{ $ref: '#/servers/local' }],
    parameters: {
      consumer: {
        description: 'The durable consumer that parked the message.',
        location: `$message.header#/${HEADERS.dlqConsumer}`,
      },
    },
    messages: { [DEAD_LETTER_ID]: { $ref: `#/components/messages/${DEAD_LETTER_ID}` } },
    'x-subject-pattern': 'dlq.*',
    'x-stream': STREAMS.DLQ.name,
  };
  operations.sendDeadLetter = {
    action: 'send',
    channel: { $ref: `#/channels/${DEAD_LETTER_ID}` },
    title: 'Park a dead letter',
    summary: 'A consumer parks a message it cannot process, then acks the original.',
    description: [
      'Producer: any consuming service (libs/messaging).',
      `Stream: \`${STREAMS.DLQ.name}\` (subjects ${STREAMS.DLQ.subjects.map((s) => `\`${s}\``).join(', ')}).`,
      'Nats-Msg-Id: `dlq:<stream>:<seq>:<consumer>`, so parking the same message twice stores it once.',
    ].join('\n'),
    messages: [{ $ref: `#/channels/${DEAD_LETTER_ID}/messages/${DEAD_LETTER_ID}` }],
    'x-producer': 'any consuming service (libs/messaging)',
    'x-stream': STREAMS.DLQ.name,
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Marketpulse events',
      version: readVersion(),
      description: infoDescription(),
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:4222',
        protocol: 'nats',
        description:
          'The local NATS server with JetStream (docker compose). Other environments differ only in host and credentials.',
      },
    },
    channels: sortTopLevel(channels),
    operations: sortTopLevel(operations),
    components: {
      schemas: sortTopLevel(schemas),
      messages: sortTopLevel(messages),
    },
  };
}

/** Sorts the keys of a map of named components (their order means nothing); leaves the values alone. */
function sortTopLevel(map: Schema): Schema {
  const out: Schema = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key];
  return out;
}

/** The AsyncAPI 3.0 document of the event catalogue, as YAML. */
export function generateAsyncApi(): string {
  return stringify(buildAsyncApiDocument(), {
    aliasDuplicateObjects: false,
    lineWidth: 0,
    sortMapEntries: false,
    // Written so YAML 1.1 readers agree too: strings such as `2026-11-23T09:00:05.000Z` or `yes` get quoted,
    // so no tool turns an example timestamp into a Date or a word into a boolean.
    version: '1.1',
  });
}
