export const FEED_KINDS = ['rss', 'rdf', 'atom', 'jsonfeed', 'json-api'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** An item as the feed had it: text may still hold HTML, nothing is trusted yet. */
export interface RawFeedItem {
  title?: string;
  link?: string;
  /** `<link rel="canonical">` (or the mapped field) when the item carries one. */
  canonicalLink?: string;
  guid?: string;
  summary?: string;
  publishedAt?: string;
}

export interface ParsedFeed {
  /** The format found, which for XML kinds may differ from the source's declared kind. */
  format: FeedKind;
  /** RSS `<ttl>`, in seconds: the feed asks not to be polled more often. */
  ttlSeconds?: number;
  items: RawFeedItem[];
}
