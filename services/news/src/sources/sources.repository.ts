import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CreateSourceDto, UpdateSourceDto } from './dto/source-input.dto';
import type { SourceDto } from './dto/source.dto';
import type { FetchResult, SourceRow } from './source';

const COLUMNS: Record<string, string> = {
  name: 'name',
  url: 'url',
  kind: 'kind',
  defaultCategory: 'default_category',
  enabled: 'enabled',
  pollIntervalSeconds: 'poll_interval_seconds',
  config: 'config',
};

@Injectable()
export class SourcesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<SourceRow[]> {
    return this.dataSource.query('SELECT * FROM sources ORDER BY name');
  }

  async find(id: string): Promise<SourceRow | undefined> {
    const rows: SourceRow[] = await this.dataSource.query('SELECT * FROM sources WHERE id = $1', [id]);
    return rows[0];
  }

  /** Undefined when the name is taken. */
  async create(input: CreateSourceDto): Promise<SourceRow | undefined> {
    const rows: SourceRow[] = await this.dataSource.query(
      `INSERT INTO sources (id, name, url, kind, default_category, enabled, poll_interval_seconds, config)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (name) DO NOTHING RETURNING *`,
      [
        randomUUID(),
        input.name,
        input.url,
        input.kind,
        input.defaultCategory ?? null,
        input.enabled ?? true,
        input.pollIntervalSeconds ?? 900,
        JSON.stringify(input.config ?? {}),
      ],
    );
    return rows[0];
  }

  /** Changing where or how a source is read forgets its validators and failures: it is a new feed. */
  async update(id: string, input: UpdateSourceDto): Promise<SourceRow | undefined> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [field, column] of Object.entries(COLUMNS)) {
      const value = (input as Record<string, unknown>)[field];
      if (value === undefined) continue;
      values.push(field === 'config' ? JSON.stringify(value) : value);
      sets.push(`${column} = $${values.length}`);
    }
    if (input.url !== undefined || input.kind !== undefined || input.config !== undefined) {
      sets.push('etag = NULL', 'last_modified = NULL', 'consecutive_failures = 0', 'next_due_at = now()');
    } else if (input.enabled === true)
      sets.push('next_due_at = LEAST(next_due_at, now())', 'consecutive_failures = 0');
    sets.push('updated_at = now()');
    const rows: SourceRow[] = await this.dataSource.query(
      `WITH changed AS (UPDATE sources SET ${sets.join(', ')} WHERE id = $1 RETURNING *) SELECT * FROM changed`,
      values,
    );
    return rows[0];
  }

  async remove(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'WITH gone AS (DELETE FROM sources WHERE id = $1 RETURNING 1) SELECT 1 FROM gone',
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Takes the sources due at `now` and leases them (next_due_at pushed out), so a second run at the same
   * time, here or on another replica, does not fetch them too. The outcome of each fetch sets the real
   * next due time.
   */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<SourceRow[]> {
    return this.dataSource.query(
      `WITH due AS (
         UPDATE sources SET next_due_at = $2
          WHERE id IN (SELECT id FROM sources WHERE enabled AND next_due_at <= $1
                        ORDER BY next_due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT * FROM due ORDER BY name`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
  }

  async recordFetch(id: string, at: Date, result: FetchResult): Promise<void> {
    if (result.status === 'failed') {
      await this.dataSource.query(
        `UPDATE sources SET last_fetched_at = $2, last_status = 'failed', last_error = $3,
                consecutive_failures = consecutive_failures + 1, next_due_at = $4
          WHERE id = $1`,
        [id, at, result.error.slice(0, 2000), result.nextDueAt],
      );
      return;
    }
    await this.dataSource.query(
      `UPDATE sources SET last_fetched_at = $2, last_success_at = $2, last_status = $3, last_error = NULL,
              consecutive_failures = 0, next_due_at = $4,
              etag = COALESCE($5, etag), last_modified = COALESCE($6, last_modified),
              last_item_count = COALESCE($7, last_item_count)
        WHERE id = $1`,
      [
        id,
        at,
        result.status,
        result.nextDueAt,
        result.etag ?? null,
        result.lastModified ?? null,
        result.status === 'ok' ? result.itemCount : null,
      ],
    );
  }
}

export function toSourceDto(row: SourceRow): SourceDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    kind: row.kind,
    defaultCategory: row.default_category ?? undefined,
    enabled: row.enabled,
    pollIntervalSeconds: row.poll_interval_seconds,
    config: row.config,
    status: {
      consecutiveFailures: row.consecutive_failures,
      lastStatus: row.last_status ?? undefined,
      lastError: row.last_error ?? undefined,
      lastFetchedAt: row.last_fetched_at?.toISOString(),
      lastSuccessAt: row.last_success_at?.toISOString(),
      lastItemCount: row.last_item_count ?? undefined,
      etag: row.etag ?? undefined,
      lastModified: row.last_modified ?? undefined,
      nextDueAt: row.next_due_at.toISOString(),
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
