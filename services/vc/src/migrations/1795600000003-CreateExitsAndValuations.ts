import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Acquisitions, valuations over time and the IPO pipeline (with the history of its transitions). */
export class CreateExitsAndValuations1795600000003 implements MigrationInterface {
  name = 'CreateExitsAndValuations1795600000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vc.acquisitions (
        id                varchar(200) PRIMARY KEY,
        acquirer          text NOT NULL,
        target_company_id varchar(100) NOT NULL REFERENCES vc.companies (id),
        announced_on      date NOT NULL,
        price             numeric(24, 2) CHECK (price > 0),
        currency          char(3),
        status            varchar(16) NOT NULL CHECK (status IN ('announced', 'completed', 'terminated')),
        source            varchar(100) NOT NULL,
        imported_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (target_company_id, announced_on),
        CHECK ((price IS NULL) = (currency IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE vc.valuations (
        company_id  varchar(100) NOT NULL REFERENCES vc.companies (id),
        valued_on   date NOT NULL,
        basis       varchar(16) NOT NULL CHECK (basis IN ('round', 'secondary', 'ipo', 'mark')),
        valuation   numeric(24, 2) NOT NULL CHECK (valuation > 0),
        currency    char(3) NOT NULL,
        source      varchar(100) NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, valued_on, basis)
      )`);
    await runner.query(`
      CREATE TABLE vc.ipos (
        company_id  varchar(100) PRIMARY KEY REFERENCES vc.companies (id),
        stage       varchar(16) NOT NULL CHECK (stage IN ('rumoured', 'filed', 'priced', 'listed', 'withdrawn')),
        exchange    varchar(10),
        ticker      varchar(32),
        expected_on date,
        valuation   numeric(24, 2) CHECK (valuation > 0),
        price       numeric(24, 4) CHECK (price > 0),
        currency    char(3) NOT NULL,
        source      varchar(100) NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK (stage <> 'listed' OR (ticker IS NOT NULL AND price IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE vc.ipo_transitions (
        company_id varchar(100) NOT NULL REFERENCES vc.ipos (company_id),
        from_stage varchar(16),
        to_stage   varchar(16) NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        source     varchar(100) NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX ipo_transitions_company_idx ON vc.ipo_transitions (company_id, changed_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE vc.ipo_transitions');
    await runner.query('DROP TABLE vc.ipos');
    await runner.query('DROP TABLE vc.valuations');
    await runner.query('DROP TABLE vc.acquisitions');
  }
}
