import Decimal from 'decimal.js';

/**
 * Rates are multiplied and inverted at 34 significant digits (decimal128), so a cross or an inverse keeps
 * far more precision than any rate or amount it is shown with; half-even keeps repeated roundings unbiased.
 */
export const FxDecimal = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });

/** Crosses go through the dollar: every pair of the catalogue has USD on one side. */
export const PIVOT_CURRENCY = 'USD';

/** Places of a converted amount (rounded half-even), and of a rate when it is shown. */
export const AMOUNT_DECIMALS = 8;
export const RATE_DECIMALS = 12;

/** The latest rate of one pair: 1 `base` = `rate` `quote`. */
export interface FxQuote {
  base: string;
  quote: string;
  rate: string;
  asOf: Date;
  source: string;
  synthetic: boolean;
}

/** How to get from one currency to another: the currencies passed through and the pair quotes used. */
export interface FxRoute {
  from: string;
  to: string;
  /** Units of `to` for one unit of `from`, at 34 significant digits. */
  rate: Decimal;
  /** e.g. ['EUR', 'USD', 'JPY']; just ['EUR'] from a currency to itself. */
  path: string[];
  legs: FxQuote[];
}

/** Direct pair, else the inverse pair (1 / rate), else a cross through USD; undefined when no rate joins them. */
export function findRoute(quotes: readonly FxQuote[], from: string, to: string): FxRoute | undefined {
  if (from === to) return { from, to, rate: new FxDecimal(1), path: [from], legs: [] };
  const leg = oneLeg(quotes, from, to);
  if (leg) return { from, to, rate: leg.rate, path: [from, to], legs: [leg.quote] };
  if (from === PIVOT_CURRENCY || to === PIVOT_CURRENCY) return undefined;
  const first = oneLeg(quotes, from, PIVOT_CURRENCY);
  const second = oneLeg(quotes, PIVOT_CURRENCY, to);
  if (!first || !second) return undefined;
  return {
    from,
    to,
    rate: first.rate.times(second.rate),
    path: [from, PIVOT_CURRENCY, to],
    legs: [first.quote, second.quote],
  };
}

function oneLeg(
  quotes: readonly FxQuote[],
  from: string,
  to: string,
): { rate: Decimal; quote: FxQuote } | undefined {
  const direct = quotes.find((quote) => quote.base === from && quote.quote === to);
  if (direct) return { rate: new FxDecimal(direct.rate), quote: direct };
  const inverse = quotes.find((quote) => quote.base === to && quote.quote === from);
  if (inverse) return { rate: new FxDecimal(1).dividedBy(inverse.rate), quote: inverse };
  return undefined;
}

/** amount × rate, rounded half-even to 8 places, as a plain decimal string (never an exponent). */
export function convertAmount(amount: string, rate: Decimal): string {
  return new FxDecimal(amount).times(rate).toFixed(AMOUNT_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/** A rate as shown: 12 places, half-even, trailing zeros dropped (1.25, not 1.250000000000). */
export function displayRate(rate: Decimal): string {
  return rate.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_EVEN).toFixed();
}

/** What a route's figures rest on: its oldest leg, every source, synthetic if any leg is. */
export function routeProvenance(route: FxRoute): { asOf: Date | null; source: string; synthetic: boolean } {
  if (route.legs.length === 0) return { asOf: null, source: 'identity', synthetic: false };
  const asOf = new Date(Math.min(...route.legs.map((leg) => leg.asOf.getTime())));
  const source = [...new Set(route.legs.map((leg) => leg.source))].join('+');
  return { asOf, source, synthetic: route.legs.some((leg) => leg.synthetic) };
}
