import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funds and their dated cash flows, all in the fund's currency. One table holds commitments (per LP),
 * capital calls, distributions and NAV statements: they share a shape and the returns read them together.
 */
export class CreateFunds1795600000004 implements MigrationInterface {
  name = 'CreateFunds1795600000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vc.funds (
        id          varchar(150) PRIMARY KEY,
        name        text NOT NULL,
        manager_id  varchar(100) NOT NULL REFERENCES vc.investors (id),
        vintage     smallint NOT NULL CHECK (vintage BETWEEN 1950 AND 2100),
        size        numeric(24, 2) NOT NULL CHECK (size > 0),
        currency    char(3) NOT NULL,
        strategy    varchar(100) NOT NULL,
        source      varchar(100) NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE vc.fund_flows (
        fund_id     varchar(150) NOT NULL REFERENCES vc.funds (id),
        kind        varchar(16) NOT NULL CHECK (kind IN ('commitment', 'call', 'distribution', 'nav')),
        flow_date   date NOT NULL,
        -- The LP of a commitment; '' for fund-level flows, so the key needs no NULL handling.
        lp          text NOT NULL DEFAULT '',
        amount      numeric(24, 2) NOT NULL CHECK (amount >= 0),
        source      varchar(100) NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fund_id, kind, flow_date, lp)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE vc.fund_flows');
    await runner.query('DROP TABLE vc.funds');
  }
}
