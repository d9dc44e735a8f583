import { IsBoolean, IsISO8601, IsNotEmpty, IsString, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';

/**
 * A new rate of one currency pair of the catalogue: 1 `base` = `rate` `quote`. Published next to the pair's
 * `price.updated`, in the same transaction, so a consumer that only cares about currencies does not have to
 * know which catalogue symbols are FX pairs or how they are split.
 */
export class FxRateUpdatedV1 {
  /** Base then quote, e.g. EURUSD; also the catalogue symbol. */
  @Matches(/^[A-Z]{6}$/, { message: 'pair must be six upper-case letters such as EURUSD' })
  pair: string;

  @Matches(/^[A-Z]{3}$/, { message: 'base must be an ISO 4217 code such as EUR' })
  base: string;

  @Matches(/^[A-Z]{3}$/, { message: 'quote must be an ISO 4217 code such as USD' })
  quote: string;

  /** Units of `quote` for one unit of `base`. */
  @IsDecimalString({ positive: true })
  rate: string;

  /** When the rate was observed at the source (not when it was published). */
  @IsISO8601({ strict: true })
  asOf: string;

  @IsString()
  @IsNotEmpty()
  source: string;

  /** True for simulated rates; show them labelled as such. */
  @IsBoolean()
  synthetic: boolean;
}

export const FxRateUpdated = defineEvent<FxRateUpdatedV1>({
  type: 'fx.rate.updated',
  version: 1,
  stream: 'MARKET',
  subjectPattern: 'fx.rate.updated.*',
  subject: (p) => `fx.rate.updated.${p.pair}`,
  payload: FxRateUpdatedV1,
  summary: 'A new rate of one currency pair of the catalogue (1 base = rate quote).',
  example: {
    pair: 'EURUSD',
    base: 'EUR',
    quote: 'USD',
    rate: '1.16215',
    asOf: '2026-11-23T09:00:05.000Z',
    source: 'simulated',
    synthetic: true,
  },
});
