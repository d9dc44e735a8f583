import { AuthenticatedServiceConfig, IntegerVariable } from '@marketpulse/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};

export class NewsConfig extends AuthenticatedServiceConfig {
  override PORT = 3002;

  /** Sources fetched at the same time (each host still gets one request at a time). */
  @IntegerVariable(1, 64)
  NEWS_FETCH_CONCURRENCY = 8;

  /** Politeness: the least time between two requests to the same host. */
  @IntegerVariable(0, 60000)
  NEWS_HOST_MIN_GAP_MS = 500;

  /** A fetch (connect, redirects and body) taking longer than this fails. */
  @IntegerVariable(100, 120000)
  NEWS_FETCH_TIMEOUT_MS = 10000;

  /** A feed body larger than this fails the fetch instead of filling memory. */
  @IntegerVariable(1024, 64 * 1024 * 1024)
  NEWS_MAX_FEED_BYTES = 5 * 1024 * 1024;

  @IntegerVariable(0, 20)
  NEWS_MAX_REDIRECTS = 5;

  /** A failing source waits its poll interval doubled per consecutive failure, at most this long. */
  @IntegerVariable(60000, 7 * 24 * 3600 * 1000)
  NEWS_MAX_BACKOFF_MS = 6 * 3600 * 1000;

  /** Syndicated copies are grouped into one story when published this close together. */
  @IntegerVariable(1, 24 * 30)
  NEWS_NEAR_DUPLICATE_WINDOW_HOURS = 48;

  /** Serve the bundled sample feeds at /samples/<file> (the seeded sources read them from there). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'NEWS_SAMPLES_ENABLED must be true or false' })
  NEWS_SAMPLES_ENABLED = true;

  /**
   * Base URL that source URLs starting with `/` (the seeded `/samples/...` sources) are resolved against.
   * Default: this process itself, `http://127.0.0.1:<listening port>`, which holds in compose and k8s too.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'NEWS_SELF_URL must be an http(s) URL' })
  NEWS_SELF_URL?: string;

  @IsString()
  @MaxLength(200)
  NEWS_USER_AGENT = 'MarketpulseNews/0.1 (+https://github.com/marketpulse)';
}
