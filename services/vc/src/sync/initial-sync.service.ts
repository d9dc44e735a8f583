import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FundsService } from '../funds/funds.service';
import { VcConfig } from '../vc.config';
import { VcSyncJob } from './vc-sync.job';

const LOCK = 'marketpulse:vc:initial-sync';

/**
 * A fresh installation would wait for the 02:00 sync to show anything: when the database holds no
 * company yet, the full sync runs once at start-up, in the background, under an advisory lock so a
 * replica starting alongside waits and then finds the work done.
 */
@Injectable()
export class InitialSyncService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InitialSyncService.name);
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly job: VcSyncJob,
    private readonly config: VcConfig,
    private readonly funds: FundsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.VC_SYNC_ON_START !== 'true') return;
    this.running = this.companiesEmpty(this.dataSource.manager)
      .then(async (empty) => {
        if (!empty) return;
        // Fetched outside the transaction; the lock and a second look decide whether this replica applies it.
        const fetched = await this.job.fetch('sync');
        await this.dataSource.transaction(async (manager) => {
          await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK]);
          if (!(await this.companiesEmpty(manager))) return;
          const counts = await this.job.apply(manager, fetched);
          this.logger.log({ msg: 'initial sync from the provider', ...counts });
        });
      })
      .then(() => this.funds.warmInBackground())
      .catch((error: unknown) => {
        this.logger.error({ msg: 'initial sync failed; the 02:00 sync will retry', err: error });
      });
  }

  async onModuleDestroy(): Promise<void> {
    await this.running;
  }

  settled(): Promise<void> {
    return this.running;
  }

  private async companiesEmpty(manager: EntityManager): Promise<boolean> {
    const [{ empty }]: { empty: boolean }[] = await manager.query(
      'SELECT NOT EXISTS (SELECT 1 FROM companies) AS empty',
    );
    return empty;
  }
}
