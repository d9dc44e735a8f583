import { IntegerVariable, ServiceConfig } from '@marketpulse/config';

export class MarketDataConfig extends ServiceConfig {
  override PORT = 3001;

  /** Seed of the offline price simulation: the same seed and tick times give the same prices. */
  @IntegerVariable(0, 2147483647)
  PRICE_SIMULATION_SEED = 42;

  /** A latest price older than this is flagged `stale` in HTTP answers. */
  @IntegerVariable(1000, 2147483647)
  PRICE_STALE_AFTER_MS = 5 * 60 * 1000;

  /** Calendar days of daily bars the start-up backfill keeps, up to yesterday (UTC). */
  @IntegerVariable(30, 3660)
  HISTORY_BACKFILL_DAYS = 400;
}
