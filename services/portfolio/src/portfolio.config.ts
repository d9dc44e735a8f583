import { AuthenticatedServiceConfig, IntegerVariable } from '@marketpulse/config';

export class PortfolioConfig extends AuthenticatedServiceConfig {
  override PORT = 3004;

  /** A holding valued with a price (or FX rate) older than this is flagged stale. */
  @IntegerVariable(1000, 30 * 24 * 3600 * 1000)
  PORTFOLIO_PRICE_STALE_MS = 15 * 60 * 1000;

  /** `portfolio.valued` is published at most once per portfolio per this interval. */
  @IntegerVariable(0, 24 * 3600 * 1000)
  PORTFOLIO_VALUED_INTERVAL_MS = 60 * 1000;

  /** Default cooldown of a new alert: after firing it stays quiet this long. */
  @IntegerVariable(0, 7 * 24 * 3600)
  PORTFOLIO_ALERT_COOLDOWN_SEC = 3600;

  /** Most rows of one CSV import. */
  @IntegerVariable(1, 100000)
  PORTFOLIO_CSV_MAX_ROWS = 5000;
}
