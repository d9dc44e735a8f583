import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { toAmount, toQuantity } from '../money/money';
import type { PortfolioRow } from '../portfolios/portfolios.repository';
import { ValuationService } from '../valuation/valuation.service';
import { OversellError, derivePositions } from './position-calculator';
import { TransactionsRepository, type RecordedEntry } from './transactions.repository';

/** A 422 naming the sale that would sell more than held, so callers can say where it came from. */
export class OversoldException extends UnprocessableEntityException {
  constructor(
    message: string,
    readonly transactionId: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Rewrites what is derived from a portfolio's ledger (positions, cash) after any change to it, then
 * revalues the portfolio. Runs in the caller's transaction, under the portfolio's row lock.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly valuation: ValuationService,
  ) {}

  /** Throws a 422 naming the sale when the ledger would hold a negative quantity at some date. */
  async rebuild(manager: EntityManager, portfolio: PortfolioRow, now: Date): Promise<void> {
    // The index takes in the market's move up to now from the old holdings, before they change.
    await this.valuation.revalue(manager, { kind: 'portfolios', ids: [portfolio.id] }, now);
    const entries = await this.transactions.ledger(manager, portfolio.id);
    let ledger: ReturnType<typeof derivePositions>;
    try {
      ledger = derivePositions(entries, portfolio.cost_method);
    } catch (error) {
      if (error instanceof OversellError) {
        throw new OversoldException(error.message, (error.entry as RecordedEntry | undefined)?.id);
      }
      throw error;
    }
    const positions = [...ledger.positions.values()];
    await manager.query('DELETE FROM positions WHERE portfolio_id = $1', [portfolio.id]);
    await manager.query(
      `INSERT INTO positions (portfolio_id, symbol, currency, quantity, cost_basis, invested, realised_pnl,
                              dividends, fees, opened_on, last_trade_day, pre_trade_quantity, trade_day_flow)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[],
                                $7::numeric[], $8::numeric[], $9::numeric[], $10::date[], $11::date[],
                                $12::numeric[], $13::numeric[])`,
      [
        portfolio.id,
        positions.map((p) => p.symbol),
        positions.map((p) => p.currency),
        positions.map((p) => toQuantity(p.quantity)),
        positions.map((p) => toAmount(p.costBasis)),
        positions.map((p) => toAmount(p.invested)),
        positions.map((p) => toAmount(p.realisedPnl)),
        positions.map((p) => toAmount(p.dividends)),
        positions.map((p) => toAmount(p.fees)),
        positions.map((p) => p.openedOn),
        positions.map((p) => p.lastTradeDay ?? null),
        positions.map((p) => toQuantity(p.preTradeQuantity)),
        positions.map((p) => toAmount(p.tradeDayFlow)),
      ],
    );
    const cash = [...ledger.cash.entries()];
    await manager.query('DELETE FROM cash_balances WHERE portfolio_id = $1', [portfolio.id]);
    await manager.query(
      `INSERT INTO cash_balances (portfolio_id, currency, amount)
       SELECT $1, * FROM unnest($2::text[], $3::numeric[])`,
      [portfolio.id, cash.map(([currency]) => currency), cash.map(([, amount]) => toAmount(amount))],
    );
    await this.valuation.revalue(manager, { kind: 'portfolios', ids: [portfolio.id] }, now, { flow: true });
  }
}
