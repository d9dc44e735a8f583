import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a position's day change needs beyond its quantity: the day of its latest trade, the quantity held
 * before that day, and the money that went into it that day (buys less sales, at their trade prices).
 * Trades are never dated in the future, so when that day is today these give the holding at the previous
 * close and today's flows: day change = value now − quantity then × previous close − today's flows. A
 * position bought today then moves from its trade price, and one split today is not priced at the
 * pre-split close.
 * Backfilled where it can be read off the ledger; a position split on its latest trade day keeps NULLs
 * (day change from the quantity alone) until its ledger next changes.
 */
export class PositionTradeDay1795478400008 implements MigrationInterface {
  name = 'PositionTradeDay1795478400008';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE portfolio.positions
        ADD COLUMN last_trade_day     date,
        ADD COLUMN pre_trade_quantity numeric(28, 10),
        ADD COLUMN trade_day_flow     numeric(28, 8)`);
    await runner.query(`
      WITH last AS (
        SELECT portfolio_id, symbol, max(trade_date) AS day FROM portfolio.transactions
         WHERE type IN ('buy', 'sell', 'split') GROUP BY portfolio_id, symbol),
      traded AS (
        SELECT t.portfolio_id, t.symbol, l.day,
               sum(CASE t.type WHEN 'buy' THEN t.quantity WHEN 'sell' THEN -t.quantity ELSE 0 END) AS quantity,
               sum(CASE t.type WHEN 'buy' THEN t.quantity * t.price WHEN 'sell' THEN -t.quantity * t.price
                               ELSE 0 END) AS flow,
               bool_or(t.type = 'split') AS split
          FROM portfolio.transactions t
          JOIN last l ON l.portfolio_id = t.portfolio_id AND l.symbol = t.symbol AND l.day = t.trade_date
         WHERE t.type IN ('buy', 'sell', 'split')
         GROUP BY t.portfolio_id, t.symbol, l.day)
      UPDATE portfolio.positions p
         SET last_trade_day = d.day, pre_trade_quantity = p.quantity - d.quantity,
             trade_day_flow = round(d.flow, 8)
        FROM traded d
       WHERE d.portfolio_id = p.portfolio_id AND d.symbol = p.symbol AND NOT d.split`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE portfolio.positions
        DROP COLUMN last_trade_day, DROP COLUMN pre_trade_quantity, DROP COLUMN trade_day_flow`);
  }
}
