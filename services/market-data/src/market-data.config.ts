import { AuthenticatedServiceConfig, IntegerVariable } from '@marketpulse/config';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { IsSlowerThan, SIGNAL_DETECTION_BARS } from './signals/signal-pair';

export const PRICE_PROVIDER_NAMES = ['stooq', 'frankfurter', 'twelvedata', 'simulated'] as const;
export type PriceProviderName = (typeof PRICE_PROVIDER_NAMES)[number];
const NAME = `(?:${PRICE_PROVIDER_NAMES.join('|')})`;
const HTTP_URL = /^https?:\/\/\S+$/;

export class MarketDataConfig extends AuthenticatedServiceConfig {
  override PORT = 3001;

  /** Seed of the offline price simulation: the same seed and tick times give the same prices. */
  @IntegerVariable(0, 2147483647)
  PRICE_SIMULATION_SEED = 42;

  /** A latest price older than this is flagged `stale` in HTTP answers. */
  @IntegerVariable(1000, 2147483647)
  PRICE_STALE_AFTER_MS = 5 * 60 * 1000;

  /**
   * Latest-quote reads are answered from memory for this long (0: always from the database). A refresh on
   * this replica empties the cache at once; one on another replica shows here within this time.
   */
  @IntegerVariable(0, 60000)
  LATEST_QUOTE_CACHE_TTL_MS = 1000;

  /** Calendar days of daily bars the start-up backfill keeps, up to yesterday (UTC). */
  @IntegerVariable(30, 3660)
  HISTORY_BACKFILL_DAYS = 400;

  /**
   * Where prices come from, in order of preference per symbol: a symbol the first provider does not answer
   * (not listed, down, rate-limited) is asked of the next. `simulated` (the offline default) answers every
   * symbol, so ending the list with it means every symbol always gets a price.
   */
  @Matches(new RegExp(`^${NAME}(,${NAME})*$`), {
    message: `MARKET_DATA_PROVIDERS must be a comma-separated list of ${PRICE_PROVIDER_NAMES.join(', ')}`,
  })
  MARKET_DATA_PROVIDERS = 'simulated';

  @Matches(HTTP_URL, { message: 'STOOQ_BASE_URL must be an http(s) URL' })
  STOOQ_BASE_URL = 'https://stooq.com';

  @Matches(HTTP_URL, { message: 'FRANKFURTER_BASE_URL must be an http(s) URL' })
  FRANKFURTER_BASE_URL = 'https://api.frankfurter.app';

  @Matches(HTTP_URL, { message: 'TWELVE_DATA_BASE_URL must be an http(s) URL' })
  TWELVE_DATA_BASE_URL = 'https://api.twelvedata.com';

  /** Without a key Twelve Data is left out of MARKET_DATA_PROVIDERS (with a warning at start-up). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  TWELVE_DATA_API_KEY?: string;

  /** Token-bucket budgets: requests a minute (Twelve Data: credits, one per symbol; its free plan has 8). */
  @IntegerVariable(1, 100000)
  STOOQ_REQUESTS_PER_MINUTE = 30;

  @IntegerVariable(1, 100000)
  FRANKFURTER_REQUESTS_PER_MINUTE = 30;

  @IntegerVariable(1, 100000)
  TWELVE_DATA_CREDITS_PER_MINUTE = 8;

  /**
   * How long a history request may wait, in all, for its provider's budget above the share kept for live
   * quotes, before the instrument is left to the next import (it gives up sooner at the tick's expiry).
   */
  @IntegerVariable(0, 3600000)
  PROVIDER_BACKGROUND_MAX_WAIT_MS = 120000;

  /** Each HTTP request to a provider is aborted after this long. */
  @IntegerVariable(100, 120000)
  PROVIDER_TIMEOUT_MS = 5000;

  /** Attempts per provider request (the first included); timeouts, network errors and 5xx are retried. */
  @IntegerVariable(1, 10)
  PROVIDER_RETRY_ATTEMPTS = 3;

  @IntegerVariable(1, 60000)
  PROVIDER_RETRY_BASE_MS = 250;

  @IntegerVariable(1, 600000)
  PROVIDER_RETRY_MAX_MS = 4000;

  /** Consecutive failed requests that open a provider's circuit… */
  @IntegerVariable(1, 1000)
  PROVIDER_BREAKER_FAILURES = 3;

  /** …and how long it stays open before one trial request. */
  @IntegerVariable(1000, 3600000)
  PROVIDER_BREAKER_OPEN_MS = 60000;

  /**
   * A provider quote dated (by the provider: Stooq's date and time columns) more than this before the tick
   * counts as unanswered and the next tier answers. The default lets a Friday close stand over a long
   * weekend; a feed stuck for longer is not a price of today.
   */
  @IntegerVariable(60000, 2147483647)
  PROVIDER_MAX_QUOTE_AGE_MS = 4 * 24 * 60 * 60 * 1000;

  /**
   * Sanity band: a quote is rejected (logged, counted, not stored or published) when it is not a positive
   * number, or when it is this many times the last accepted price or smaller than 1/this of it.
   */
  @IntegerVariable(2, 1000000)
  PRICE_SANITY_MAX_JUMP = 100;

  /** Intraday ticks (price_history) older than this many days are pruned; their days stay as daily bars. */
  @IntegerVariable(1, 3660)
  PRICE_TICK_RETENTION_DAYS = 7;

  /**
   * The second golden/death cross pair (`pair_golden_cross` / `pair_death_cross`, besides 50/200): simple
   * averages of this many daily bars. The slow one must fit in the bars detection reads with one to spare,
   * since a cross compares two consecutive bars; with less history stored the pair just has no crosses yet.
   */
  @IntegerVariable(1, SIGNAL_DETECTION_BARS - 2)
  SIGNAL_FAST_PERIOD = 20;

  @IntegerVariable(2, SIGNAL_DETECTION_BARS - 1)
  @IsSlowerThan('SIGNAL_FAST_PERIOD')
  SIGNAL_SLOW_PERIOD = 50;
}

/** The configured provider order, as names. */
export function providerOrder(config: MarketDataConfig): PriceProviderName[] {
  return config.MARKET_DATA_PROVIDERS.split(',') as PriceProviderName[];
}
