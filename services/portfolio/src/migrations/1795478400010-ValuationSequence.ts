import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which valuation `portfolio.valued` last announced, by number instead of by time. A revaluation stamps
 * `valued_at` with the time its transaction began; the publisher marked a publication with its own later
 * clock, so a revaluation that committed after the publisher read (but began before it) looked already
 * published and its value was never announced. Every valuation now takes a new number from a sequence,
 * and a portfolio is due while its number differs from the one last published.
 */
export class ValuationSequence1795478400010 implements MigrationInterface {
  name = 'ValuationSequence1795478400010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SEQUENCE portfolio.valuation_seq');
    await runner.query('ALTER TABLE portfolio.portfolios ADD COLUMN valuation_seq bigint NOT NULL DEFAULT 0');
    await runner.query(
      'ALTER TABLE portfolio.valued_publications ADD COLUMN published_seq bigint NOT NULL DEFAULT 0',
    );
    // What was due under the old rule stays due: it gets a number no publication has.
    await runner.query(`
      UPDATE portfolio.portfolios f SET valuation_seq = nextval('portfolio.valuation_seq')
       WHERE f.valued_at IS NOT NULL
         AND f.valued_at > COALESCE((SELECT v.published_at FROM portfolio.valued_publications v
                                      WHERE v.portfolio_id = f.id), '-infinity')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE portfolio.valued_publications DROP COLUMN published_seq');
    await runner.query('ALTER TABLE portfolio.portfolios DROP COLUMN valuation_seq');
    await runner.query('DROP SEQUENCE portfolio.valuation_seq');
  }
}
