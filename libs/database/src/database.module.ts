import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfig } from '@marketpulse/config';
import { HealthRegistry } from '@marketpulse/observability';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type ServiceDatabaseOptions } from './data-source-options';
import { runMigrations } from './run-migrations';

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** Migrates at start-up (under a lock) and reports the database to `/health/ready`. */
@Injectable()
class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(DATABASE_OPTIONS) private readonly options: ServiceDatabaseOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
    const applied = await runMigrations(this.dataSource, this.options.schema);
    if (applied.length > 0)
      this.logger.log({ msg: 'migrations applied', schema: this.options.schema, applied });
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => ({
            ...buildDataSourceOptions(config.DATABASE_URL, options, config.DATABASE_POOL_SIZE),
            // Nest retries forever by default; at boot a wrong URL should fail fast and say so.
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, DatabaseLifecycle],
      exports: [TypeOrmModule],
    };
  }
}
