import { Inject, Injectable } from '@nestjs/common';
import type { JobCounts } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import type { DatasetKind } from '../dataset/vc-dataset';
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
  ) {}

  async run(manager: EntityManager, scope: SyncScope): Promise<JobCounts> {
    const dataset = await this.provider.load(SYNC_SCOPES[scope]);
    return this.sync.apply(manager, dataset, this.provider.name);
  }
}
