import Decimal from 'decimal.js';

export interface FxRate {
  base: string;
  quote: string;
  /** Units of `quote` for one `base`. */
  rate: string;
  asOf: Date;
}

/**
 * Converts with the latest rates kept from `fx.rate.updated`: a direct pair, its inverse, or a cross
 * through USD (every pair of the catalogue has USD on one side). No rate, no conversion: the caller
 * reports such amounts apart rather than summing them.
 */
export class CurrencyConverter {
  private readonly rates = new Map<string, FxRate>();

  constructor(rates: readonly FxRate[]) {
    for (const rate of rates) this.rates.set(`${rate.base}${rate.quote}`, rate);
  }

  /** How many `to` one `from` is worth, or undefined when no path of known rates exists. */
  rate(from: string, to: string): Decimal | undefined {
    if (from === to) return new Decimal(1);
    const direct = this.rates.get(`${from}${to}`);
    if (direct) return new Decimal(direct.rate);
    const inverse = this.rates.get(`${to}${from}`);
    if (inverse) return new Decimal(1).div(inverse.rate);
    if (from !== 'USD' && to !== 'USD') {
      const toUsd = this.rate(from, 'USD');
      const fromUsd = this.rate('USD', to);
      if (toUsd && fromUsd) return toUsd.times(fromUsd);
    }
    return undefined;
  }

  convert(amount: Decimal.Value, from: string, to: string): Decimal | undefined {
    const rate = this.rate(from, to);
    return rate && new Decimal(amount).times(rate);
  }

  /** The oldest rate in use, for "converted at rates as of …". */
  oldestAsOf(): Date | undefined {
    let oldest: Date | undefined;
    for (const rate of this.rates.values()) if (!oldest || rate.asOf < oldest) oldest = rate.asOf;
    return oldest;
  }
}
