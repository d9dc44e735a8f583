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

/** A batch whose publishes were issued; `results` settles when JetStream answered every one. */
interface InFlight {
  rows: OutboxRow[];
  results: Promise<PromiseSettledResult<unknown>[]>;
}

const BATCH_SIZE = 500;
/** Batches published at once: the next batch goes out while the previous one's acks come back. */
const PIPELINE_DEPTH = 2;
/**
 * After sending, how long the relay lets commits gather before it looks again. The first event after a
 * quiet spell goes at once; under a stream of small commits this keeps the relay to a few round trips
 * per batch of them instead of per commit (the relay shares the service's event loop).
 */
const GATHER_MS = 20;
const MAX_BACKOFF_MS = 10_000;
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
const SENT_RETENTION = '1 day';
const INBOX_RETENTION = '14 days';

/**
 * Publishes committed outbox rows in `seq` order, with `Nats-Msg-Id` = row id, and marks them sent. The
 * relay works on a connection of its own (never queued behind the service's transactions in the pool)
 * that holds the schema's session advisory lock: one replica relays at a time, so rows are neither
 * reordered by two relays nor sent twice. Batches are pipelined: batch N+1 is selected and published
 * while batch N's acks come back and it is marked sent. If the relay dies (or loses its connection, and so
 * the lock) between publish and mark, the next relay re-publishes and JetStream's duplicate window drops
 * it. While NATS is down rows simply wait, and the lock is let go so another replica may try.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly table: string;
  private readonly lockKey: string;
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  private woken = false;
  private listener?: Client;
  /** The relay's own connection; `leading` while it holds the lock. */
  private client?: Client;
  private leading = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: JetStreamPublisher,
    private readonly config: ServiceConfig,
    private readonly metrics: MetricsService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {
    this.table = `"${options.schema}".outbox`;
    this.lockKey = `marketpulse:outbox:${options.schema}`;
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
      await this.withTimeout(
        this.relay(() => true),
        this.config.SHUTDOWN_TIMEOUT_MS,
      );
    } catch (error) {
      this.logger.warn({
        msg: 'outbox not fully flushed at shutdown; rows stay for the next start',
        err: error,
      });
    }
    this.dropConnection();
  }

  /**
   * Publishes pending rows, pipelined, until none is left (or `more()` says stop); returns how many were
   * sent: 0 when idle or another replica holds the lock. A publish failure is thrown once every batch in
   * flight was settled, its rows marked sent or their failed attempt recorded.
   */
  async relay(more: () => boolean = () => true): Promise<number> {
    const client = await this.lead();
    if (!client) return 0;
    const inFlight: InFlight[] = [];
    let sent = 0;
    let failure: { reason: unknown } | undefined;
    // A short batch took everything committed so far; what commits later wakes the relay again.
    let drained = false;
    while (true) {
      if (!failure && !drained && more() && inFlight.length < PIPELINE_DEPTH) {
        const rows = await this.query<OutboxRow>(
          client,
          `SELECT seq, id, subject, body, headers FROM ${this.table}
           WHERE sent_at IS NULL AND seq <> ALL($2::bigint[]) ORDER BY seq LIMIT $1`,
          [BATCH_SIZE, inFlight.flatMap((batch) => batch.rows.map((row) => row.seq))],
        );
        if (rows.length > 0) {
          // Issued in row order, each on the wire before the next; the acks are awaited together.
          inFlight.push({
            rows,
            results: Promise.allSettled(
              rows.map((row) =>
                this.publisher.publish(
                  { subject: row.subject, data: row.body, msgId: row.id, headers: row.headers },
                  1,
                ),
              ),
            ),
          });
        }
        // A full batch: there is probably more, so fill the pipeline before waiting for acks.
        if (rows.length === BATCH_SIZE) continue;
        drained = true;
      }
      const oldest = inFlight.shift();
      if (!oldest) break;
      const outcome = await this.settle(client, oldest);
      sent += outcome.sent;
      if (outcome.failed && !failure) failure = outcome.failed;
    }
    if (failure) {
      // Let another replica (whose NATS may be fine) take over while this one backs off.
      this.leading = false;
      await this.query(client, 'SELECT pg_advisory_unlock(hashtext($1))', [this.lockKey]);
      throw failure.reason;
    }
    return sent;
  }

  /** Marks what JetStream acknowledged as sent (one UPDATE) and records the attempt on what it did not. */
  private async settle(
    client: Client,
    batch: InFlight,
  ): Promise<{ sent: number; failed?: { reason: unknown } }> {
    const results = await batch.results;
    const sent: string[] = [];
    const unsent: string[] = [];
    let failed: PromiseRejectedResult | undefined;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        sent.push(batch.rows[index].seq);
      } else {
        unsent.push(batch.rows[index].seq);
        failed ??= result;
      }
    });
    if (sent.length > 0) {
      await this.query(client, `UPDATE ${this.table} SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [
        sent,
      ]);
    }
    this.metrics.outboxPending.observe(sent.length);
    if (!failed) return { sent: sent.length };
    await this.query(
      client,
      `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`,
      [unsent, String((failed.reason as Error)?.message ?? failed.reason)],
    );
    this.metrics.outboxPublishFailures.inc();
    return { sent: sent.length, failed: { reason: failed.reason } };
  }

  /** The relay's connection if this replica holds (or now takes) the lock; undefined if another does. */
  private async lead(): Promise<Client | undefined> {
    let client = this.client;
    if (!client) {
      const fresh = new Client({ connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: 5000 });
      // A broken connection has lost the lock with it: the next round connects and competes again.
      fresh.on('error', () => this.dropConnection(fresh));
      try {
        await fresh.connect();
      } catch (error) {
        this.dropConnection(fresh);
        throw error;
      }
      this.client = client = fresh;
      this.leading = false;
    }
    if (!this.leading) {
      const [{ locked }] = await this.query<{ locked: boolean }>(
        client,
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [this.lockKey],
      );
      this.leading = locked;
    }
    return this.leading ? client : undefined;
  }

  /** A query on the relay's connection; a failure drops the connection (and so the lock). */
  private async query<T>(client: Client, text: string, values: unknown[]): Promise<T[]> {
    try {
      return (await client.query(text, values)).rows as T[];
    } catch (error) {
      this.dropConnection(client);
      throw error;
    }
  }

  private dropConnection(client = this.client): void {
    if (!client) return;
    if (this.client === client) {
      this.client = undefined;
      this.leading = false;
    }
    void client.end().catch(() => undefined);
  }

  /** Pending rows, for health and tests. */
  async pendingCount(): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return count;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.relay(() => this.running);
        if (failures > 0) this.logger.log({ msg: 'outbox relay recovered', after: failures });
        failures = 0;
        if (sent === 0) await this.cleanupIfDue();
        else await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        // The relay stopped at a short batch: wait for the next commit's NOTIFY (or the poll).
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
