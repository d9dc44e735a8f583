import { FeedFormatError } from './feed-errors';
import type { ParsedFeed, RawFeedItem } from './parsed-feed';

/** Where the generic JSON adapter finds things: dot paths into the response and into each item. */
export interface JsonApiMapping {
  /** Path of the item array in the response, e.g. `data.articles`; empty when the response is the array. */
  itemsPath?: string;
  title: string;
  url: string;
  guid?: string;
  summary?: string;
  publishedAt?: string;
  canonicalUrl?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FeedFormatError(`not JSON: ${(error as Error).message}`);
  }
}

function at(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
export function parseJsonFeed(body: string): ParsedFeed {
  const document = parseJson(body) as Record<string, unknown> | null;
  const version = document && typeof document === 'object' ? document.version : undefined;
  if (typeof version !== 'string' || !version.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedFormatError('not a JSON Feed: no https://jsonfeed.org/version/ in "version"');
  }
  const items = Array.isArray(document!.items) ? (document!.items as Record<string, unknown>[]) : [];
  return {
    format: 'jsonfeed',
    items: items
      .filter((item) => item !== null && typeof item === 'object')
      .map(
        (item): RawFeedItem => ({
          title: text(item.title),
          link: text(item.url) ?? text(item.external_url),
          guid: text(item.id),
          summary: text(item.summary) ?? text(item.content_html) ?? text(item.content_text),
          publishedAt: text(item.date_published) ?? text(item.date_modified),
        }),
      ),
  };
}

/** Any JSON API whose items the source's mapping locates. */
export function parseJsonApi(body: string, mapping: JsonApiMapping): ParsedFeed {
  const items = at(parseJson(body), mapping.itemsPath);
  if (!Array.isArray(items)) {
    throw new FeedFormatError(`no item array at "${mapping.itemsPath ?? '(root)'}" in the JSON response`);
  }
  return {
    format: 'json-api',
    items: items.map(
      (item): RawFeedItem => ({
        title: text(at(item, mapping.title)),
        link: text(at(item, mapping.url)),
        canonicalLink: text(at(item, mapping.canonicalUrl)),
        guid: text(at(item, mapping.guid)),
        summary: text(at(item, mapping.summary)),
        publishedAt: text(at(item, mapping.publishedAt)),
      }),
    ),
  };
}
