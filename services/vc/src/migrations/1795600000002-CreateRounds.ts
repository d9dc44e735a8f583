import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding rounds and who took part. The natural key is company + stage + announcement date; `id` is that
 * key spelled out, so events and URLs can name a round. Money is NUMERIC in the round's own currency.
 */
export class CreateRounds1795600000002 implements MigrationInterface {
  name = 'CreateRounds1795600000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vc.funding_rounds (
        id             varchar(200) PRIMARY KEY,
        company_id     varchar(100) NOT NULL REFERENCES vc.companies (id),
        stage          varchar(16) NOT NULL CHECK (stage IN
                         ('pre-seed', 'seed', 'series-a', 'series-b', 'series-c', 'series-d', 'series-e', 'growth')),
        announced_on   date NOT NULL,
        amount         numeric(24, 2) NOT NULL CHECK (amount > 0),
        currency       char(3) NOT NULL,
        pre_money      numeric(24, 2) CHECK (pre_money > 0),
        post_money     numeric(24, 2) CHECK (post_money > 0),
        lead_investor_id varchar(100) REFERENCES vc.investors (id),
        -- Sorted; compared on re-import so a changed line-up counts as a change. round_participants is
        -- the relational form the rankings join on.
        investor_ids   text[] NOT NULL DEFAULT '{}',
        source         varchar(100) NOT NULL,
        imported_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (company_id, stage, announced_on),
        CHECK (pre_money IS NULL OR post_money IS NULL OR post_money = pre_money + amount)
      )`);
    await runner.query('CREATE INDEX funding_rounds_announced_idx ON vc.funding_rounds (announced_on DESC)');
    await runner.query(`
      CREATE TABLE vc.round_participants (
        round_id    varchar(200) NOT NULL REFERENCES vc.funding_rounds (id) ON DELETE CASCADE,
        investor_id varchar(100) NOT NULL REFERENCES vc.investors (id),
        is_lead     boolean NOT NULL,
        PRIMARY KEY (round_id, investor_id)
      )`);
    await runner.query('CREATE INDEX round_participants_investor_idx ON vc.round_participants (investor_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE vc.round_participants');
    await runner.query('DROP TABLE vc.funding_rounds');
  }
}
