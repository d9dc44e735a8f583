import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ServiceConfig } from '@marketpulse/config';
import { HealthRegistry } from '@marketpulse/observability';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { SubjectNamespace } from './subject-namespace';

/**
 * The service's one NATS connection. Reconnects forever after a NATS restart (the client buffers
 * publishes meanwhile); drained on shutdown after consumers have stopped and in-flight work finished.
 */
@Injectable()
export class JetStreamConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NATS');
  private connection?: NatsConnection;
  private client?: JetStreamClient;
  private manager?: JetStreamManager;
  readonly namespace: SubjectNamespace;

  constructor(
    private readonly config: ServiceConfig,
    private readonly health: HealthRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    this.namespace = new SubjectNamespace(config.MESSAGING_NAMESPACE);
  }

  async onModuleInit(): Promise<void> {
    this.connection = await this.connectWithRetry();
    this.client = jetstream(this.connection, { timeout: 5000 });
    this.manager = await jetstreamManager(this.connection, { timeout: 5000 });
    this.health.register('nats', async () => {
      if (this.nc.isClosed()) throw new Error('connection closed');
      await this.nc.flush();
    });
    void this.watchStatus(this.connection);
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS connection used before the module was initialised');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.client) throw new Error('JetStream used before the module was initialised');
    return this.client;
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('JetStream manager used before the module was initialised');
    return this.manager;
  }

  /** Flushes what the client buffered and closes; subscriptions must have stopped already. */
  async drain(): Promise<void> {
    if (!this.connection || this.connection.isClosed()) return;
    try {
      await this.connection.drain();
    } catch (error) {
      this.logger.warn({ msg: 'drain failed; closing', err: error });
      await this.connection.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private async connectWithRetry(): Promise<NatsConnection> {
    const servers = this.config.NATS_URL.split(',');
    const deadline = Date.now() + 30_000;
    for (let attempt = 1; ; attempt++) {
      try {
        const connection = await connect({
          servers,
          name: `${this.options.service}${this.config.INSTANCE_ID ? `:${this.config.INSTANCE_ID}` : ''}`,
          user: this.config.NATS_USER,
          pass: this.config.NATS_PASSWORD,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: 5000,
          // Otherwise every request (each outbox publish) captures a stack trace up front, in case it fails:
          // a good part of the relay's CPU. Errors still say what failed.
          noAsyncTraces: true,
        });
        this.logger.log({
          msg: 'connected',
          server: connection.getServer(),
          version: connection.info?.version,
        });
        return connection;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`cannot reach NATS at ${this.config.NATS_URL}: ${(error as Error).message}`);
        }
        this.logger.warn({ msg: 'NATS not reachable yet, retrying', attempt, err: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 3000)));
      }
    }
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'error') {
        this.logger.warn({ msg: `nats ${status.type}`, status });
      }
    }
  }
}
