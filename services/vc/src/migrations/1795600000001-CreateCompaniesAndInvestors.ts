import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies and investors, keyed by their provider's slug (the natural key a re-import matches on).
 * Every row keeps where it came from (`source`) and when it was last written (`imported_at`).
 */
export class CreateCompaniesAndInvestors1795600000001 implements MigrationInterface {
  name = 'CreateCompaniesAndInvestors1795600000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE vc.investors (
        id           varchar(100) PRIMARY KEY,
        name         text NOT NULL,
        kind         varchar(16) NOT NULL CHECK (kind IN ('vc', 'cvc', 'angel', 'pe', 'sovereign')),
        country      char(2) NOT NULL,
        aum          numeric(24, 2) CHECK (aum >= 0),
        aum_currency char(3),
        source       varchar(100) NOT NULL,
        imported_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((aum IS NULL) = (aum_currency IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE vc.companies (
        id           varchar(100) PRIMARY KEY,
        name         text NOT NULL,
        sector       varchar(100) NOT NULL,
        sub_sector   varchar(100) NOT NULL,
        country      char(2) NOT NULL,
        founded_year smallint NOT NULL CHECK (founded_year BETWEEN 1800 AND 2100),
        status       varchar(16) NOT NULL CHECK (status IN ('private', 'acquired', 'public', 'closed')),
        source       varchar(100) NOT NULL,
        imported_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX companies_sector_idx ON vc.companies (sector)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE vc.companies');
    await runner.query('DROP TABLE vc.investors');
  }
}
