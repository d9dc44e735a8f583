import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The periods of a moving-average cross, so a pair cross says which pair (the pair is configurable). With
 * the pair changed, the new pair's cross on a day the old one also crossed is a signal of its own: the key
 * takes the periods, as a unique index because a primary key cannot hold the NULLs of RSI and 52-week rows.
 */
export class AddSignalPeriods1795575038671 implements MigrationInterface {
  name = 'AddSignalPeriods1795575038671';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE market_data.signals ADD COLUMN fast_period smallint, ADD COLUMN slow_period smallint`,
    );
    // Until now the pair was always SMA20 / SMA50.
    await runner.query(`
      UPDATE market_data.signals SET
        fast_period = CASE WHEN type IN ('golden_cross', 'death_cross') THEN 50
                           WHEN type IN ('pair_golden_cross', 'pair_death_cross') THEN 20 END,
        slow_period = CASE WHEN type IN ('golden_cross', 'death_cross') THEN 200
                           WHEN type IN ('pair_golden_cross', 'pair_death_cross') THEN 50
                           WHEN type IN ('price_cross_above_sma200', 'price_cross_below_sma200') THEN 200 END`);
    await runner.query(`ALTER TABLE market_data.signals DROP CONSTRAINT signals_pkey`);
    await runner.query(
      `CREATE UNIQUE INDEX signals_key ON market_data.signals
         (symbol, date, type, coalesce(fast_period, 0), coalesce(slow_period, 0))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX market_data.signals_key`);
    // Only pair crosses can share (symbol, date, type): keep those of the pair there was before.
    await runner.query(
      `DELETE FROM market_data.signals WHERE type IN ('pair_golden_cross', 'pair_death_cross')
          AND (fast_period, slow_period) IS DISTINCT FROM (20, 50)`,
    );
    await runner.query(`ALTER TABLE market_data.signals ADD PRIMARY KEY (symbol, date, type)`);
    await runner.query(`ALTER TABLE market_data.signals DROP COLUMN fast_period, DROP COLUMN slow_period`);
  }
}
