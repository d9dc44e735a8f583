import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { STREAMS, type StreamName } from '@marketpulse/contracts';
import { JetStreamConnection } from './connection/jetstream.connection';
import { OutboxRelay } from './outbox/outbox.relay';
import { StreamProvisioner } from './provisioning/stream-provisioner';
import { JetStreamServer } from './server/jetstream.server';

/**
 * Start-up and shutdown order of the messaging parts. Shutdown runs while the database is still open:
 * stop pulling and finish in-flight handlers, then publish what they committed to the outbox, then drain
 * the NATS connection.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly connection: JetStreamConnection,
    private readonly streams: StreamProvisioner,
    private readonly relay: OutboxRelay,
    private readonly server: JetStreamServer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all((Object.keys(STREAMS) as StreamName[]).map((name) => this.streams.ensure(name)));
    this.relay.start();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    await this.server.close();
    const consumersStoppedMs = elapsed();
    await this.relay.stop();
    const outboxFlushedMs = elapsed();
    await this.connection.drain();
    this.logger.log({
      msg: 'messaging stopped',
      signal,
      consumersStoppedMs,
      outboxFlushedMs,
      drainedMs: elapsed(),
    });
  }
}
