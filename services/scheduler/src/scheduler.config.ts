import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceConfig, integerFromEnv } from '@marketpulse/config';

export class SchedulerConfig extends ServiceConfig {
  override PORT = 3006;

  /** After this many failed runs in a row, `job.failing` is published (once per streak). */
  @Transform(integerFromEnv)
  @IsInt({ message: 'SCHEDULER_FAILURE_THRESHOLD must be an integer' })
  @Min(1, { message: 'SCHEDULER_FAILURE_THRESHOLD must be between 1 and 1000' })
  @Max(1000, { message: 'SCHEDULER_FAILURE_THRESHOLD must be between 1 and 1000' })
  SCHEDULER_FAILURE_THRESHOLD = 3;

  /** A JSON file of overrides: `[{ "name": "market-data.refresh-prices", "schedule": "*\/10 * * * * *" }]`. */
  @IsOptional()
  @IsString()
  SCHEDULER_JOBS_FILE?: string;

  /** Comma-separated job names to switch off without a file, e.g. `market-data.refresh-prices`. */
  @IsOptional()
  @IsString()
  SCHEDULER_DISABLED_JOBS?: string;

  /** Comma-separated job names to switch on (the default table leaves jobs of unbuilt services off). */
  @IsOptional()
  @IsString()
  SCHEDULER_ENABLED_JOBS?: string;
}
