import { AuthenticatedServiceConfig, IntegerVariable } from '@marketpulse/config';

export class PredictionsConfig extends AuthenticatedServiceConfig {
  override PORT = 3003;

  /** Creating a prediction needs a price at most this old (from the service's price projection). */
  @IntegerVariable(1000, 7 * 24 * 3600 * 1000)
  PREDICTION_CREATE_MAX_PRICE_AGE_MS = 15 * 60 * 1000;

  /** The verifying price is the last one at or before verifyAt, and at most this much older than it. */
  @IntegerVariable(1000, 24 * 3600 * 1000)
  PREDICTION_MAX_PRICE_AGE_MS = 5 * 60 * 1000;

  /** How long a due prediction waits for such a price before it becomes `void`. */
  @IntegerVariable(0, 7 * 24 * 3600 * 1000)
  PREDICTION_VERIFY_GRACE_MS = 60 * 60 * 1000;

  /** A prediction waiting for its price is looked at again after this long. */
  @IntegerVariable(1000, 3600 * 1000)
  PREDICTION_RECHECK_MS = 60 * 1000;

  /** Price observations older than this are pruned by the sweep (must exceed the grace period). */
  @IntegerVariable(3600 * 1000, 365 * 24 * 3600 * 1000)
  PREDICTION_PRICE_RETENTION_MS = 3 * 24 * 3600 * 1000;

  /** Users below this many verified calls are not ranked by accuracy. */
  @IntegerVariable(1, 100000)
  LEADERBOARD_MIN_PARTICIPATIONS = 5;

  /** Entries kept (and served) per leaderboard. */
  @IntegerVariable(10, 10000)
  LEADERBOARD_SIZE = 100;

  /**
   * Stats are recomputed once verifications have been quiet this long (a burst is recomputed once, at
   * its end, not once per batch)…
   */
  @IntegerVariable(50, 60000)
  STATS_REFRESH_INTERVAL_MS = 1000;

  /** …or once the oldest waiting change is this old, whichever comes first. */
  @IntegerVariable(100, 600000)
  STATS_REFRESH_MAX_DELAY_MS = 30000;

  /** Transactions recomputing stats side by side, each for its own share of the users. */
  @IntegerVariable(1, 16)
  STATS_REFRESH_WORKERS = 2;

  /** Work-list entries (a user each, often the same user many times) taken per refresher transaction. */
  @IntegerVariable(100, 10000000)
  STATS_REFRESH_BATCH = 1000000;
}
