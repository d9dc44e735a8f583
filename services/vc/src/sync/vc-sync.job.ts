import { Inject, Injectable } from '@nestjs/common';
import type { JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import type { DatasetKind, VcDataset } from '../dataset/vc-dataset';
import type { IndexLevel } from '../funds/fund-returns';
import { IndexLevelsRepository } from '../index-levels/index-levels.repository';
import { VcConfig } from '../vc.config';
import { VC_PROVIDER, type VcProvider } from './vc-provider';
import { VcSyncService } from './vc-sync.service';

/** The kinds each scheduled job pulls from the provider; each job also refreshes what its rows point at. */
export const SYNC_SCOPES = {
  sync: ['investors', 'companies', 'rounds', 'acquisitions', 'valuations', 'ipos', 'funds', 'fund-flows'],
  rounds: ['investors', 'companies', 'rounds', 'valuations'],
  'ipo-pipeline': ['companies', 'ipos'],
  mna: ['companies', 'acquisitions'],
} as const satisfies Record<string, readonly DatasetKind[]>;

export type SyncScope = keyof typeof SYNC_SCOPES;

/** What a scope's sync writes, fetched from the provider before any transaction opens. */
export interface FetchedSync {
  scope: SyncScope;
  dataset: VcDataset;
  /** The PME index's history, fetched by the full sync only. */
  indexHistory?: IndexLevel[];
}

@Injectable()
export class VcSyncJob {
  constructor(
    @Inject(VC_PROVIDER) private readonly provider: VcProvider,
    private readonly sync: VcSyncService,
    private readonly index: IndexLevelsRepository,
    private readonly config: VcConfig,
  ) {}

  /** The provider's calls, kept out of the job's transaction (a real feed is a network call). */
  async fetch(scope: SyncScope): Promise<FetchedSync> {
    const dataset = await this.provider.load(SYNC_SCOPES[scope]);
    if (scope !== 'sync') return { scope, dataset };
    return {
      scope,
      dataset,
      indexHistory: await this.provider.indexHistory(this.config.VC_PME_INDEX_SYMBOL),
    };
  }

  async apply(manager: EntityManager, fetched: FetchedSync): Promise<JobCounts> {
    const counts = await this.sync.apply(manager, fetched.dataset, this.provider.name);
    if (!fetched.indexHistory) return counts;
    counts.indexLevelsInserted = await this.index.recordHistory(
      manager,
      this.config.VC_PME_INDEX_SYMBOL,
      fetched.indexHistory,
      this.provider.name,
    );
    return counts;
  }
}
