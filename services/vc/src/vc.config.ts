import { IntegerVariable, ServiceConfig } from '@marketpulse/config';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class VcConfig extends ServiceConfig {
  override PORT = 3005;

  /** Where the bundled dataset lives; found beside `src/` when unset. */
  @IsOptional()
  @IsString()
  VC_DATA_DIR?: string;

  /** Run the full sync once at start-up when the database holds no company yet. */
  @IsIn(['true', 'false'], { message: 'VC_SYNC_ON_START must be true or false' })
  VC_SYNC_ON_START: 'true' | 'false' = 'true';

  /**
   * The public-market index the Kaplan–Schoar PME compares funds against: its history comes from the
   * provider, its new levels from `price.updated` (market-data's catalogue has SPY, an S&P 500 proxy).
   */
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'VC_PME_INDEX_SYMBOL must be a catalogue symbol' })
  VC_PME_INDEX_SYMBOL = 'SPY';

  /**
   * The index's currency. A PME compares dated flows with index levels, so both must be in one currency:
   * a fund in another one gets "not defined" (converting would need the FX history of every flow's day).
   */
  @Matches(/^[A-Z]{3}$/, { message: 'VC_PME_INDEX_CURRENCY must be an ISO 4217 code such as USD' })
  VC_PME_INDEX_CURRENCY = 'USD';

  /** Amounts of different currencies are converted into this one (with rates from `fx.rate.updated`). */
  @Matches(/^[A-Z]{3}$/, { message: 'VC_REPORTING_CURRENCY must be an ISO 4217 code such as USD' })
  VC_REPORTING_CURRENCY = 'USD';

  /** The trailing window of the weekly investor ranking, in days. */
  @IntegerVariable(7, 3650)
  VC_RANKING_WINDOW_DAYS = 365;

  /** Entries per published ranking. */
  @IntegerVariable(1, 100)
  VC_RANKING_SIZE = 20;
}
