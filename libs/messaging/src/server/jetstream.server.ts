import { Inject, Injectable, Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { ServiceConfig } from '@marketpulse/config';
import {
  STREAMS,
  contractForType,
  patternCovers,
  subjectMatches,
  validateEnvelope,
  validatePayload,
  type EventEnvelope,
  type StreamName,
} from '@marketpulse/contracts';
import { MetricsService, traceContext } from '@marketpulse/observability';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { Gauge } from 'prom-client';
import { isObservable, lastValueFrom } from 'rxjs';
import { JetStreamConnection } from '../connection/jetstream.connection';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { ConsumerProvisioner } from '../provisioning/consumer-provisioner';
import { StreamProvisioner } from '../provisioning/stream-provisioner';
import { readConsumerOptions, defaultDurableName } from './consumer-options';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { PermanentError } from './handler-errors';
import { JetStreamContext } from './jetstream.context';
import { retryDelayMs } from './retry-policy';

interface Binding {
  pattern: string;
  stream: string;
  durable: string;
  handler: MessageHandler;
  concurrency: number;
  maxDeliver: number;
  ackWaitMs: number;
  /** Messages whose handler is running, kept alive together by one timer instead of one each. */
  running: Set<JsMsg>;
  keepAlive?: NodeJS.Timeout;
}

const decoder = new TextDecoder();
/** Lifetime of one pull request on the server. */
const PULL_EXPIRES_MS = 10_000;

/**
 * A NestJS transport over JetStream durable pull consumers. Handlers are plain
 * `@EventPattern('price.updated.*')` methods receiving the validated envelope; this class owns delivery:
 * ack after the handler (and so its transaction) finished, nak with a growing delay on failure, the DLQ
 * for invalid payloads and exhausted retries, and a drain of in-flight work on shutdown.
 */
@Injectable()
export class JetStreamServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('JetStreamServer');
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loops: Promise<void>[] = [];
  private readonly bindings: Binding[] = [];
  private closing = false;

  constructor(
    private readonly connection: JetStreamConnection,
    private readonly streams: StreamProvisioner,
    private readonly consumers: ConsumerProvisioner,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: MetricsService,
    private readonly config: ServiceConfig,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    super();
    const bindings = this.bindings;
    const jsm = () => this.connection.jsm;
    new Gauge({
      name: 'marketpulse_consumer_pending_messages',
      help: 'Messages in the stream not yet delivered to this durable consumer (its backlog)',
      labelNames: ['consumer'],
      registers: [metrics.registry],
      async collect() {
        await Promise.all(
          bindings.map(async (binding) => {
            const info = await jsm()
              .consumers.info(binding.stream, binding.durable)
              .catch(() => undefined);
            if (info) this.set({ consumer: binding.durable }, info.num_pending);
          }),
        );
      },
    });
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const bindings = await Promise.all(
        [...this.messageHandlers].map(([pattern, handler]) => this.bind(pattern, handler)),
      );
      for (const binding of bindings) {
        // Long handlers must not outlive ack_wait: tell the server they are still working on it.
        binding.keepAlive = setInterval(
          () => binding.running.forEach((message) => message.working()),
          // A quarter of ack_wait: a busy event loop can delay a tick by a good part of the next one.
          Math.max(250, binding.ackWaitMs / 4),
        );
        this.bindings.push(binding);
        this.loops.push(this.consumeLoop(binding));
      }
      this.logger.log({ msg: 'consuming', durables: bindings.map((binding) => binding.durable) });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops pulling, waits for in-flight handlers (bounded), then lets the connection drain. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const subscription of this.subscriptions) subscription.stop();
    const pending = Promise.all([...this.inFlight, ...this.loops]);
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), this.config.SHUTDOWN_TIMEOUT_MS).unref(),
    );
    const outcome = await Promise.race([pending, timeout]);
    for (const binding of this.bindings) clearInterval(binding.keepAlive);
    if (outcome === 'timeout') {
      this.logger.warn({
        msg: 'in-flight handlers still running at shutdown timeout; JetStream will redeliver them',
      });
    }
  }

  on(): never {
    throw new Error('JetStreamServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.connection.nc as T;
  }

  private async bind(pattern: string, handler: MessageHandler): Promise<Binding> {
    if (!handler.isEventHandler) {
      throw new Error(`@MessagePattern('${pattern}') is not supported over JetStream: use @EventPattern`);
    }
    const streamName = (Object.keys(STREAMS) as StreamName[]).find((name) =>
      STREAMS[name].subjects.some((subject) => patternCovers(subject, pattern)),
    );
    if (!streamName) {
      throw new Error(
        `no stream in the catalogue carries '${pattern}'; add its subjects to libs/contracts/src/streams.ts`,
      );
    }
    const options = readConsumerOptions(handler.extras);
    const binding: Binding = {
      pattern,
      stream: this.connection.namespace.stream(streamName),
      durable: options.durable ?? defaultDurableName(this.options.service, pattern),
      handler,
      concurrency: Math.max(1, options.concurrency ?? 1),
      maxDeliver: options.maxDeliver ?? this.config.MESSAGING_MAX_DELIVER,
      ackWaitMs: options.ackWaitMs ?? this.config.MESSAGING_ACK_WAIT_MS,
      running: new Set(),
    };
    await this.streams.ensure(streamName);
    await this.streams.ensure('DLQ');
    await this.consumers.ensure({
      stream: binding.stream,
      durable: binding.durable,
      filterSubject: this.connection.namespace.subject(pattern),
      ackWaitMs: binding.ackWaitMs,
      maxDeliver: binding.maxDeliver + 1,
      maxAckPending: Math.max(1000, binding.concurrency * 10),
      deliverPolicy: options.deliverPolicy ?? 'all',
      description: `${this.options.service} handler for ${pattern}`,
    });
    return binding;
  }

  private async consumeLoop(binding: Binding): Promise<void> {
    while (!this.closing) {
      try {
        await this.consumeUntilStopped(binding);
      } catch (error) {
        if (this.closing) break;
        this.logger.error({ msg: 'consumer loop failed; restarting', durable: binding.durable, err: error });
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async consumeUntilStopped(binding: Binding): Promise<void> {
    const consumer = await this.connection.js.consumers.get(binding.stream, binding.durable);
    const messages = await consumer.consume({
      // Enough buffered to keep every handler slot busy, small enough that nothing waits past ack_wait.
      max_messages: Math.max(binding.concurrency * 4, 16),
      expires: PULL_EXPIRES_MS,
    });
    this.subscriptions.push(messages);
    if (this.closing) messages.stop();
    let active = 0;
    let slotFreed: (() => void) | undefined;
    const finished = new Set<Promise<void>>();
    for await (const message of messages) {
      if (this.closing) {
        // Pulled but not started: hand it back. The delay outlives our pull request on the server, which
        // would otherwise receive the redelivery and hold it until ack_wait.
        message.nak(PULL_EXPIRES_MS + 1000);
        continue;
      }
      while (active >= binding.concurrency) await new Promise<void>((resolve) => (slotFreed = resolve));
      if (this.closing) {
        message.nak(PULL_EXPIRES_MS + 1000);
        continue;
      }
      active++;
      const work = this.process(binding, message).finally(() => {
        active--;
        finished.delete(work);
        this.inFlight.delete(work);
        const wake = slotFreed;
        slotFreed = undefined;
        wake?.();
      });
      finished.add(work);
      this.inFlight.add(work);
    }
    await Promise.all(finished);
  }

  private async process(binding: Binding, message: JsMsg): Promise<void> {
    const subject = this.connection.namespace.strip(message.subject);
    const started = performance.now();
    try {
      let envelope: EventEnvelope;
      try {
        envelope = this.decode(subject, message);
      } catch (error) {
        await this.deadLetters.park(message, subject, binding.durable, 'invalid', (error as Error).message);
        message.ack();
        this.metrics.eventsConsumed.inc({ subject, consumer: binding.durable, outcome: 'dead_lettered' });
        return;
      }
      if (message.info.deliveryCount > binding.maxDeliver) {
        const reason = `not acknowledged after ${binding.maxDeliver} deliveries (handler crashed or timed out)`;
        await this.deadLetters.park(message, subject, binding.durable, 'max_deliver', reason);
        message.ack();
        this.metrics.eventsConsumed.inc({ subject, consumer: binding.durable, outcome: 'dead_lettered' });
        return;
      }
      await this.handle(binding, subject, message, envelope);
    } catch (error) {
      // Parking in the DLQ failed (NATS trouble): leave the message for a later delivery.
      this.logger.error({ msg: 'could not settle message; it will be redelivered', subject, err: error });
      message.nak(
        retryDelayMs(
          message.info.deliveryCount,
          this.config.MESSAGING_RETRY_BASE_MS,
          this.config.MESSAGING_RETRY_MAX_MS,
        ),
      );
    } finally {
      this.metrics.handlerDuration.observe(
        { consumer: binding.durable },
        (performance.now() - started) / 1000,
      );
    }
  }

  private async handle(
    binding: Binding,
    subject: string,
    message: JsMsg,
    envelope: EventEnvelope,
  ): Promise<void> {
    const context = new JetStreamContext([subject, message, envelope, binding.durable]);
    binding.running.add(message);
    try {
      await traceContext.run(
        { correlationId: envelope.correlationId, causationId: envelope.id },
        async () => {
          const result = await binding.handler(envelope, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        },
      );
      message.ack();
      const outcome = context.duplicate ? 'duplicate' : 'ok';
      this.metrics.eventsConsumed.inc({ subject, consumer: binding.durable, outcome });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.metrics.eventsFailed.inc({ subject, consumer: binding.durable });
      const attempts = message.info.deliveryCount;
      if (error instanceof PermanentError || attempts >= binding.maxDeliver) {
        const kind = error instanceof PermanentError ? 'permanent' : 'max_deliver';
        const why = kind === 'permanent' ? reason : `failed ${attempts} times; last error: ${reason}`;
        await this.deadLetters.park(message, subject, binding.durable, kind, why);
        message.ack();
        this.metrics.eventsConsumed.inc({ subject, consumer: binding.durable, outcome: 'dead_lettered' });
        return;
      }
      const delay = retryDelayMs(
        attempts,
        this.config.MESSAGING_RETRY_BASE_MS,
        this.config.MESSAGING_RETRY_MAX_MS,
      );
      this.logger.warn({
        msg: 'handler failed; will retry',
        subject,
        consumer: binding.durable,
        attempts,
        delay,
        err: reason,
      });
      message.nak(delay);
      this.metrics.eventsConsumed.inc({ subject, consumer: binding.durable, outcome: 'retry' });
    } finally {
      binding.running.delete(message);
    }
  }

  /** Body → validated envelope with a validated payload, or an error that says what is wrong. */
  private decode(subject: string, message: JsMsg): EventEnvelope {
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(message.data));
    } catch {
      throw new Error('body is not JSON');
    }
    const envelope = validateEnvelope(raw);
    const contract = contractForType(envelope.type, envelope.version);
    if (!contract) throw new Error(`unknown event type ${envelope.type} v${envelope.version}`);
    if (!subjectMatches(contract.subjectPattern, subject)) {
      throw new Error(`subject ${subject} does not match ${contract.type} (${contract.subjectPattern})`);
    }
    const data = validatePayload(contract, envelope.data);
    if (contract.subject(data) !== subject) {
      throw new Error(`subject ${subject} disagrees with its payload (expected ${contract.subject(data)})`);
    }
    return { ...envelope, data };
  }
}
