import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One snapshot and one performance summary per portfolio and day (a re-run of the day replaces them), and
 * alerts with their firings.
 * `armed` makes an alert fire on crossing into its condition, not on every price while it holds.
 */
export class CreateSnapshotsAndAlerts1795478400003 implements MigrationInterface {
  name = 'CreateSnapshotsAndAlerts1795478400003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE portfolio.snapshots (
        portfolio_id uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        day          date NOT NULL,
        value        numeric(28, 8) NOT NULL,
        cost_basis   numeric(28, 8) NOT NULL,
        cash         numeric(28, 8) NOT NULL,
        stale        boolean NOT NULL,
        holdings     jsonb NOT NULL,
        taken_at     timestamptz NOT NULL,
        PRIMARY KEY (portfolio_id, day)
      )`);
    // The 17:00 job's figures per portfolio and day (a re-run replaces them).
    await runner.query(`
      CREATE TABLE portfolio.performance_summaries (
        portfolio_id           uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        day                    date NOT NULL,
        gross_gain             numeric(28, 8) NOT NULL,
        net_gain               numeric(28, 8) NOT NULL,
        day_change             numeric(28, 8) NOT NULL,
        top_gainer             varchar(32),
        top_gainer_percent     numeric(20, 4),
        top_loser              varchar(32),
        top_loser_percent      numeric(20, 4),
        average_return_percent numeric(20, 4),
        computed_at            timestamptz NOT NULL,
        PRIMARY KEY (portfolio_id, day)
      )`);
    await runner.query(`
      CREATE TABLE portfolio.alerts (
        id                uuid PRIMARY KEY,
        portfolio_id      uuid NOT NULL REFERENCES portfolio.portfolios (id) ON DELETE CASCADE,
        kind              varchar(20) NOT NULL
                            CHECK (kind IN ('price_above', 'price_below', 'daily_move', 'drawdown', 'value_milestone')),
        symbol            varchar(32),
        threshold         numeric(28, 8) NOT NULL,
        cooldown_sec      integer NOT NULL CHECK (cooldown_sec >= 0),
        active            boolean NOT NULL DEFAULT true,
        armed             boolean NOT NULL DEFAULT true,
        last_triggered_at timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX alerts_portfolio_idx ON portfolio.alerts (portfolio_id)');
    await runner.query('CREATE INDEX alerts_symbol_idx ON portfolio.alerts (symbol) WHERE active');
    await runner.query(`
      CREATE TABLE portfolio.alert_firings (
        id           uuid PRIMARY KEY,
        alert_id     uuid NOT NULL REFERENCES portfolio.alerts (id) ON DELETE CASCADE,
        portfolio_id uuid NOT NULL,
        kind         varchar(20) NOT NULL,
        symbol       varchar(32),
        threshold    numeric(28, 8) NOT NULL,
        observed     numeric(28, 8) NOT NULL,
        trigger      varchar(8) NOT NULL CHECK (trigger IN ('price', 'digest')),
        fired_at     timestamptz NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX alert_firings_alert_idx ON portfolio.alert_firings (alert_id, fired_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portfolio.alert_firings');
    await runner.query('DROP TABLE portfolio.alerts');
    await runner.query('DROP TABLE portfolio.performance_summaries');
    await runner.query('DROP TABLE portfolio.snapshots');
  }
}
