import type { NewsCategory } from '@marketpulse/contracts';
import { canonicalUrl } from '../dedup/canonical-url';
import { fingerprint, type StoryFingerprint } from '../dedup/story-fingerprint';
import type { RawFeedItem } from '../feeds/parsed-feed';
import { plainText, safeHtml } from '../feeds/sanitize';
import type { Tagger } from '../tagging/tagger';
import type { Tagging } from '../tagging/tagging-rule';

/** A feed item made safe and keyed: what ingestion stores and compares. */
export interface PreparedItem {
  title: string;
  summaryHtml: string;
  summaryText: string;
  url: string;
  canonicalUrl?: string;
  guid?: string;
  publishedAt: Date;
  tagging: Tagging;
  fingerprint: StoryFingerprint;
}

/** A feed may date items a little ahead (clock skew); further ahead is a bad date, read as "now". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

function absoluteHttpUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function publishedAt(raw: string | undefined, now: Date): Date {
  const parsed = raw ? new Date(raw.trim()) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return now;
  }
  return parsed;
}

/**
 * Sanitises, keys and tags one item, or says why it cannot be used (no title, or no http(s) link: a
 * `javascript:` link is no link).
 */
export function prepareItem(
  item: RawFeedItem,
  context: { feedUrl: string; defaultCategory?: NewsCategory | null; tagger: Tagger; now: Date },
): PreparedItem | { rejected: string } {
  const title = plainText(item.title, 500);
  if (!title) return { rejected: 'no title' };
  const url = absoluteHttpUrl(item.link, context.feedUrl) ?? absoluteHttpUrl(item.guid, context.feedUrl);
  if (!url) return { rejected: 'no http(s) link' };
  const summaryHtml = safeHtml(item.summary);
  const summaryText = plainText(item.summary, 2000);
  const tagging = context.tagger.tag(title, summaryText, context.defaultCategory);
  const guid = item.guid?.trim().slice(0, 500) || undefined;
  return {
    title,
    summaryHtml,
    summaryText,
    url,
    canonicalUrl: canonicalUrl(absoluteHttpUrl(item.canonicalLink, context.feedUrl) ?? url),
    guid,
    publishedAt: publishedAt(item.publishedAt, context.now),
    tagging,
    fingerprint: fingerprint(title, summaryText, tagging.titleSymbols),
  };
}
