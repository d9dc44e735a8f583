import Decimal from 'decimal.js';
import type { Instrument } from '../../catalogue/instrument.entity';

/**
 * A provider's number as a decimal string at the instrument's precision, or undefined when it is not a
 * number at all (that row is malformed). Zero, negative and non-finite values are returned as they are:
 * the price sanity band, not the parser, is what rejects and counts them.
 */
export function providerPrice(raw: unknown, instrument: Instrument): string | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  if (!/^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|NaN|[+-]?Infinity)$/i.test(text)) return undefined;
  const value = new Decimal(text);
  return value.isFinite()
    ? value.toDecimalPlaces(instrument.priceDecimals).toFixed(instrument.priceDecimals)
    : value.toString();
}
