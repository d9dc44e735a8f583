import { IsOptional, IsString } from 'class-validator';
import { IntegerVariable, ServiceConfig } from '@marketpulse/config';

export class SchedulerConfig extends ServiceConfig {
  override PORT = 3006;

  /** After this many failed runs in a row, `job.failing` is published (once per streak). */
  @IntegerVariable(1, 1000)
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
