import { Inject, Injectable, Logger } from '@nestjs/common';
import { ServiceConfig } from '@marketpulse/config';
import { MetricsService } from '@marketpulse/observability';
import { Client } from 'pg';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from '../messaging.options';
import { JetStreamPublisher } from '../publishing/jetstream.publisher';
import { outboxChannel } from './messaging-tables';

interface OutboxRow {
  seq: string;
  id: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
}

const BATCH_SIZE = 500;
const MAX_BACKOFF_MS = 10_000;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const SENT_RETENTION = '1 day';
const INBOX_RETENTION = '14 days';

/**
 * Publishes committed outbox rows in `seq` order, pipelined, with `Nats-Msg-Id` = row id, and marks them
 * sent in the same transaction that holds the schema's relay lock. One replica relays at a time, so rows
 * are neither reordered by two relays nor sent twice; if the process dies between publish and commit,
 * JetStream's duplicate window drops the re-publish. While NATS is down rows simply wait.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly table: string;
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  private woken = false;
  private listener?: Client;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: JetStreamPublisher,
    private readonly config: ServiceConfig,
    private readonly metrics: MetricsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    this.table = `"${options.schema}".outbox`;
    const pendingCount = () => this.pendingCount();
    new Gauge({
      name: 'marketpulse_outbox_pending_rows',
      help: 'Outbox rows committed but not yet published (grows while NATS is unreachable)',
      registers: [metrics.registry],
      async collect() {
        this.set(await pendingCount());
      },
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loopDone = this.loop();
  }

  /** Publishes what is already committed (bounded by the shutdown timeout), then stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.notify();
    await this.loopDone;
    await this.listener?.end().catch(() => undefined);
    try {
      await this.withTimeout(this.drainAll(), this.config.SHUTDOWN_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({
        msg: 'outbox not fully flushed at shutdown; rows stay for the next start',
        err: error,
      });
    }
  }

  /** Publishes one batch; returns how many rows were sent (0 when idle or another replica holds the lock). */
  async relayOnce(): Promise<number> {
    // A failure is reported after the transaction, so the attempts it records are committed, not rolled back.
    const outcome = await this.dataSource.transaction(
      async (manager): Promise<{ sent: number; error?: unknown }> => {
        const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
          `marketpulse:outbox:${this.options.schema}`,
        ]);
        if (!locked) return { sent: 0 };
        const rows: OutboxRow[] = await manager.query(
          `SELECT seq, id, subject, body, headers FROM ${this.table} WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
          [BATCH_SIZE],
        );
        if (rows.length === 0) return { sent: 0 };
        const results = await Promise.allSettled(
          rows.map((row) =>
            this.publisher.publish(
              { subject: row.subject, data: row.body, msgId: row.id, headers: row.headers },
              1,
            ),
          ),
        );
        const sent = rows.filter((_, index) => results[index].status === 'fulfilled').map((row) => row.seq);
        const failed = results.find(
          (result): result is PromiseRejectedResult => result.status === 'rejected',
        );
        if (sent.length > 0) {
          await manager.query(`UPDATE ${this.table} SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [
            sent,
          ]);
        }
        this.metrics.outboxPending.observe(sent.length);
        if (failed) {
          const unsent = rows
            .filter((_, index) => results[index].status === 'rejected')
            .map((row) => row.seq);
          await manager.query(
            `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`,
            [unsent, String((failed.reason as Error)?.message ?? failed.reason)],
          );
          this.metrics.outboxPublishFailures.inc();
          if (sent.length === 0) return { sent: 0, error: failed.reason };
        }
        return { sent: sent.length };
      },
    );
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.sent;
  }

  /** Pending rows, for health and tests. */
  async pendingCount(): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return count;
  }

  private async drainAll(): Promise<void> {
    while ((await this.relayOnce()) > 0) {
      /* keep going until empty */
    }
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.relayOnce();
        if (failures > 0) this.logger.log({ msg: 'outbox relay recovered', after: failures });
        failures = 0;
        if (sent > 0) continue;
        await this.cleanupIfDue();
        await this.sleep(this.config.OUTBOX_POLL_INTERVAL_MS);
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn({
            msg: 'outbox relay cannot publish; rows wait',
            failures,
            err: (error as Error).message,
          });
        }
        await this.sleep(Math.min(100 * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS));
      }
    }
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE sent_at IS NOT NULL AND sent_at < now() - interval '${SENT_RETENTION}'`,
    );
    await this.dataSource.query(
      `DELETE FROM "${this.options.schema}".inbox WHERE handled_at < now() - interval '${INBOX_RETENTION}'`,
    );
  }

  /** Commits anywhere in the service (any replica) NOTIFY this channel; polling is only the fallback. */
  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({ connectionString: this.config.DATABASE_URL });
      try {
        await client.connect();
        client.on('notification', () => this.notify());
        await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
        this.listener = client;
        await new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
      } catch (error) {
        this.logger.debug({ msg: 'outbox LISTEN unavailable; polling', err: (error as Error).message });
      } finally {
        await client.end().catch(() => undefined);
      }
      if (this.running) await new Promise((resolve) => setTimeout(resolve, 2000).unref());
    }
  }

  private notify(): void {
    this.woken = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.woken = false;
        done();
      };
    });
  }

  private withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
    return Promise.race([
      work,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref(),
      ),
    ]);
  }
}
