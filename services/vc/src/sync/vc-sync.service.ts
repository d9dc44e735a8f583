import { Injectable } from '@nestjs/common';
import {
  VcAcquisitionRecorded,
  VcRoundRecorded,
  type VcAcquisitionRecordedV1,
  type VcRoundRecordedV1,
} from '@marketpulse/contracts';
import { OutboxPublisher, type JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import { DATASET_KINDS, type DatasetKind, type VcDataset } from '../dataset/vc-dataset';
import { IpoWriter } from '../ipos/ipo-writer';
import { upsertStatement } from './upsert-statement';
import { VC_TABLES } from './vc-tables';

interface Written {
  id: string;
  inserted: boolean;
}

const countKey = (kind: DatasetKind, what: string) =>
  `${kind.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}${what}`;

/**
 * Applies a dataset (from the provider or an import) in the caller's transaction: upserts on natural
 * keys, and publishes `vc.round.recorded`, `vc.acquisition.recorded` and `vc.ipo.updated` for the rows
 * that are new or changed only. Applying the same data twice changes nothing and publishes nothing.
 */
@Injectable()
export class VcSyncService {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly ipos: IpoWriter,
  ) {}

  async apply(manager: EntityManager, dataset: VcDataset, source: string): Promise<JobCounts> {
    const counts: JobCounts = {};
    for (const kind of DATASET_KINDS) {
      const rows = dataset[kind];
      if (rows.length === 0) continue;
      if (kind === 'ipos') {
        const ipo = await this.ipos.applyFeed(manager, dataset.ipos, source);
        counts.iposInserted = ipo.inserted;
        counts.iposChanged = ipo.changed;
        counts.iposUnchanged = ipo.unchanged;
        counts.iposRefused = ipo.refused;
        continue;
      }
      const written = await this.upsert(manager, kind, rows, source);
      const inserted = written.filter((row) => row.inserted).length;
      counts[countKey(kind, 'Inserted')] = inserted;
      counts[countKey(kind, 'Changed')] = written.length - inserted;
      counts[countKey(kind, 'Unchanged')] = rows.length - written.length;
      if (kind === 'rounds') await this.afterRounds(manager, written, source);
      if (kind === 'acquisitions') await this.afterAcquisitions(manager, written, source);
    }
    return counts;
  }

  private async upsert(
    manager: EntityManager,
    kind: Exclude<DatasetKind, 'ipos'>,
    rows: readonly object[],
    source: string,
  ): Promise<Written[]> {
    const mapping = VC_TABLES[kind] as {
      spec: Parameters<typeof upsertStatement>[0];
      toRecord(row: object): object;
    };
    const result: Record<string, unknown>[] = await manager.query(upsertStatement(mapping.spec), [
      JSON.stringify(rows.map((row) => mapping.toRecord(row))),
      source,
    ]);
    const key = mapping.spec.returning[0];
    return result.map((row) => ({ id: String(row[key]), inserted: row.inserted === true }));
  }

  /** The line-up of a new or changed round is rebuilt from its `investor_ids`. */
  private async afterRounds(manager: EntityManager, written: Written[], source: string): Promise<void> {
    if (written.length === 0) return;
    const ids = written.map((row) => row.id);
    await manager.query('DELETE FROM round_participants WHERE round_id = ANY($1)', [ids]);
    await manager.query(
      `INSERT INTO round_participants (round_id, investor_id, is_lead)
       SELECT r.id, i.investor_id, i.investor_id = r.lead_investor_id
         FROM funding_rounds r CROSS JOIN LATERAL unnest(r.investor_ids) AS i(investor_id)
        WHERE r.id = ANY($1)`,
      [ids],
    );
    const inserted = new Set(written.filter((row) => row.inserted).map((row) => row.id));
    const rows: {
      id: string;
      company_id: string;
      company_name: string;
      sector: string;
      stage: VcRoundRecordedV1['stage'];
      announced_on: string;
      amount: string;
      currency: string;
      post_money: string | null;
      lead_investor_id: string | null;
      investor_ids: string[];
    }[] = await manager.query(
      `SELECT r.id, r.company_id, c.name AS company_name, c.sector, r.stage,
              to_char(r.announced_on, 'YYYY-MM-DD') AS announced_on, r.amount::text, r.currency,
              r.post_money::text, r.lead_investor_id, r.investor_ids
         FROM funding_rounds r JOIN companies c ON c.id = r.company_id
        WHERE r.id = ANY($1) ORDER BY r.announced_on, r.id`,
      [ids],
    );
    await this.outbox.publishAllInTransaction(
      manager,
      rows.map((row) => ({
        contract: VcRoundRecorded,
        payload: {
          roundId: row.id,
          companyId: row.company_id,
          companyName: row.company_name,
          sector: row.sector,
          stage: row.stage,
          announcedOn: row.announced_on,
          amount: row.amount,
          currency: row.currency,
          ...(row.post_money ? { postMoney: row.post_money } : {}),
          ...(row.lead_investor_id ? { leadInvestorId: row.lead_investor_id } : {}),
          investorIds: row.investor_ids,
          change: inserted.has(row.id) ? 'created' : 'changed',
          source,
        } satisfies VcRoundRecordedV1,
      })),
    );
  }

  private async afterAcquisitions(manager: EntityManager, written: Written[], source: string): Promise<void> {
    if (written.length === 0) return;
    const inserted = new Set(written.filter((row) => row.inserted).map((row) => row.id));
    const rows: {
      id: string;
      acquirer: string;
      target_company_id: string;
      target_name: string;
      price: string | null;
      currency: string | null;
      announced_on: string;
      status: VcAcquisitionRecordedV1['status'];
    }[] = await manager.query(
      `SELECT a.id, a.acquirer, a.target_company_id, c.name AS target_name, a.price::text, a.currency,
              to_char(a.announced_on, 'YYYY-MM-DD') AS announced_on, a.status
         FROM acquisitions a JOIN companies c ON c.id = a.target_company_id
        WHERE a.id = ANY($1) ORDER BY a.announced_on, a.id`,
      [written.map((row) => row.id)],
    );
    // A completed deal ends the target's life as an independent company, whatever its row said before.
    await manager.query(
      `UPDATE companies SET status = 'acquired'
        WHERE status <> 'acquired' AND id = ANY($1)`,
      [rows.filter((row) => row.status === 'completed').map((row) => row.target_company_id)],
    );
    await this.outbox.publishAllInTransaction(
      manager,
      rows.map((row) => ({
        contract: VcAcquisitionRecorded,
        payload: {
          acquisitionId: row.id,
          acquirer: row.acquirer,
          targetCompanyId: row.target_company_id,
          targetName: row.target_name,
          ...(row.price && row.currency ? { price: row.price, currency: row.currency } : {}),
          announcedOn: row.announced_on,
          status: row.status,
          change: inserted.has(row.id) ? 'created' : 'changed',
          source,
        } satisfies VcAcquisitionRecordedV1,
      })),
    );
  }
}
