import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface StoredResponse {
  request_hash: string;
  status: number;
  response: unknown;
}

export const requestHash = (route: string, body: unknown): string =>
  createHash('sha256').update(route).update('\n').update(JSON.stringify(body)).digest('hex');

/**
 * Answers of requests made with an Idempotency-Key, stored in the transaction of their effect: a retry
 * finds the answer and repeats it; nothing is applied twice.
 */
@Injectable()
export class IdempotencyRepository {
  /**
   * Serialises the requests of one owner's key until the transaction ends. The portfolio's row lock does
   * not when the key is reused on two portfolios: both would miss the other's uncommitted answer and the
   * second insert would fail on the primary key (a 500) instead of being refused as a reuse (409).
   */
  async lock(manager: EntityManager, owner: string, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${owner}\n${key}`]);
  }

  async find(manager: EntityManager, owner: string, key: string): Promise<StoredResponse | undefined> {
    const [row]: StoredResponse[] = await manager.query(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE owner_id = $1 AND key = $2',
      [owner, key],
    );
    return row;
  }

  async save(
    manager: EntityManager,
    owner: string,
    key: string,
    hash: string,
    status: number,
    response: unknown,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO idempotency_keys (owner_id, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)`,
      [owner, key, hash, status, JSON.stringify(response)],
    );
  }
}
