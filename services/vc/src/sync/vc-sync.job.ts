import { Inject, Injectable } from '@nestjs/common';
import type { JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import type { DatasetKind } from '../dataset/vc-dataset';
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

@Injectable()
export class VcSyncJob {
  constructor(
    @Inject(VC_PROVIDER) private readonly provider: VcProvider,
    private readonly sync: VcSyncService,
    private readonly index: IndexLevelsRepository,
    private readonly config: VcConfig,
  ) {}

  async run(manager: EntityManager, scope: SyncScope): Promise<JobCounts> {
    const dataset = await this.provider.load(SYNC_SCOPES[scope]);
    const counts = await this.sync.apply(manager, dataset, this.provider.name);
    if (scope !== 'sync') return counts;
    const symbol = this.config.VC_PME_INDEX_SYMBOL;
    const history = await this.provider.indexHistory(symbol);
    counts.indexLevelsInserted = await this.index.recordHistory(manager, symbol, history, this.provider.name);
    return counts;
  }
}
