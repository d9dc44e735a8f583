import type { NewsCategory } from '@marketpulse/contracts';
import type { JsonApiMapping } from '../feeds/json-feed.parser';
import type { FeedKind } from '../feeds/parsed-feed';

/** A `sources` row. */
export interface SourceRow {
  id: string;
  name: string;
  url: string;
  kind: FeedKind;
  default_category: NewsCategory | null;
  enabled: boolean;
  poll_interval_seconds: number;
  config: { mapping?: JsonApiMapping };
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: Date | null;
  last_success_at: Date | null;
  last_status: string | null;
  last_error: string | null;
  last_item_count: number | null;
  consecutive_failures: number;
  next_due_at: Date;
  created_at: Date;
  updated_at: Date;
}

/** What one fetch of a source ended with, recorded on its row. */
export type FetchResult =
  | { status: 'ok'; etag?: string; lastModified?: string; itemCount: number; nextDueAt: Date }
  | { status: 'not-modified'; etag?: string; lastModified?: string; nextDueAt: Date }
  | { status: 'failed'; error: string; nextDueAt: Date };
