import type { DataSource } from 'typeorm';

/**
 * Creates the schema and runs pending migrations, holding a PostgreSQL advisory lock so that replicas
 * starting together migrate once, one after the other, instead of racing.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`marketpulse:migrate:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`marketpulse:migrate:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}
