import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig, integerFromEnv } from '@marketpulse/config';

export class MarketDataConfig extends ServiceConfig {
  override PORT = 3001;

  /** Seed of the offline price simulation: the same seed and tick times give the same prices. */
  @Transform(integerFromEnv)
  @IsInt({ message: 'PRICE_SIMULATION_SEED must be an integer' })
  @Min(0, { message: 'PRICE_SIMULATION_SEED must be between 0 and 2147483647' })
  @Max(2147483647, { message: 'PRICE_SIMULATION_SEED must be between 0 and 2147483647' })
  PRICE_SIMULATION_SEED = 42;

  /** A latest price older than this is flagged `stale` in HTTP answers. */
  @Transform(integerFromEnv)
  @IsInt({ message: 'PRICE_STALE_AFTER_MS must be an integer' })
  @Min(1000, { message: 'PRICE_STALE_AFTER_MS must be at least 1000' })
  PRICE_STALE_AFTER_MS = 5 * 60 * 1000;
}
