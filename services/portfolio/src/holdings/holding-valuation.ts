import type { Decimal } from 'decimal.js';
import { ZERO, money, toAmount, toPercent } from '../money/money';
import type { PricedPosition } from './holdings.repository';

/** A position valued now, every amount in the base currency unless named otherwise. */
export interface ValuedHolding {
  symbol: string;
  currency: string;
  quantity: Decimal;
  price?: Decimal;
  priceAsOf?: Date;
  synthetic: boolean;
  /** The price or the FX rate is older than the staleness limit, or missing. */
  stale: boolean;
  fxRate?: Decimal;
  /** Quantity × price × rate; undefined without a price or a rate. */
  marketValue?: Decimal;
  costBasis?: Decimal;
  invested?: Decimal;
  unrealisedGain?: Decimal;
  realisedGain?: Decimal;
  dividends?: Decimal;
  fees?: Decimal;
  /**
   * Value now − value at the previous day's last price of what was held then − money put in today (buys
   * less sales at their trade prices), × rate.
   */
  dayChange?: Decimal;
  openedOn: string;
}

/**
 * Values positions at their latest price, converted at the latest rate. Cost, realised P&L, dividends and
 * fees are converted at the same current rate (the ledger keeps them in the instrument's currency).
 */
export function valueHoldings(
  rows: readonly PricedPosition[],
  staleBefore: Date,
  /** YYYY-MM-DD (UTC): trades of this day are today's flows. */
  today: string,
): ValuedHolding[] {
  return rows.map((row) => {
    const quantity = money(row.quantity);
    const rate = row.fx_rate !== null ? money(row.fx_rate) : undefined;
    const price = row.price !== null ? money(row.price) : undefined;
    const toBase = (amount: string) => (rate ? money(amount).times(rate) : undefined);
    const marketValue = price && rate ? quantity.times(price).times(rate) : undefined;
    const costBasis = toBase(row.cost_basis);
    const stale =
      !quantity.isZero() &&
      (!price ||
        !rate ||
        row.price_as_of! < staleBefore ||
        (row.fx_as_of !== null && row.fx_as_of < staleBefore));
    return {
      symbol: row.symbol,
      currency: row.currency,
      quantity,
      price,
      priceAsOf: row.price_as_of ?? undefined,
      synthetic: row.synthetic ?? false,
      stale,
      fxRate: rate,
      marketValue,
      costBasis,
      invested: toBase(row.invested),
      unrealisedGain: marketValue && costBasis ? marketValue.minus(costBasis) : undefined,
      realisedGain: toBase(row.realised_pnl),
      dividends: toBase(row.dividends),
      fees: toBase(row.fees),
      dayChange: price && rate ? dayChange(row, quantity, price, today)?.times(rate) : undefined,
      openedOn: row.opened_on,
    };
  });
}

/** In the instrument's currency; undefined when what was held at the previous close has no price then. */
function dayChange(
  row: PricedPosition,
  quantity: Decimal,
  price: Decimal,
  today: string,
): Decimal | undefined {
  // Trades are never dated in the future: a latest trade day of today means the quantity before it is the
  // one held at the previous close.
  const tradedToday =
    row.last_trade_day === today && row.pre_trade_quantity !== null && row.trade_day_flow !== null;
  const before = tradedToday ? money(row.pre_trade_quantity!) : quantity;
  const flow = tradedToday ? money(row.trade_day_flow!) : ZERO;
  if (!before.isZero() && row.prev_close === null) return undefined;
  const atClose = before.isZero() ? ZERO : before.times(row.prev_close!);
  return quantity.times(price).minus(atClose).minus(flow);
}

export const sum = (values: readonly (Decimal | undefined)[]): Decimal =>
  values.reduce<Decimal>((total, value) => (value ? total.plus(value) : total), ZERO);

export const amount = (value: Decimal | undefined): string | undefined =>
  value ? toAmount(value) : undefined;

/** gain / base as a percent, undefined when the base is zero. */
export const percentOf = (gain: Decimal | undefined, base: Decimal | undefined): string | undefined =>
  gain && base && !base.isZero() ? toPercent(gain.dividedBy(base)) : undefined;
