import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDatabaseOptions {
  /** The service's own PostgreSQL schema, e.g. `market_data`. Nothing else reads or writes it. */
  schema: string;
  /** Explicit lists, not globs: a bundled build has no files for a glob to find. */
  entities: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations: MixedList<string | (new () => unknown)>;
}

export function buildDataSourceOptions(
  url: string,
  options: ServiceDatabaseOptions,
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      application_name: options.schema,
      // Raw SQL in the service then names its own tables unqualified, like its entities.
      options: `-c search_path=${options.schema}`,
    },
  };
}
