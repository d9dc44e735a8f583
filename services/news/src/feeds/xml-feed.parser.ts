import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedFormatError } from './feed-errors';
import type { ParsedFeed, RawFeedItem } from './parsed-feed';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'atom:link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Entity expansion is bounded (billion laughs): a feed that needs more is not a feed we read.
  processEntities: { enabled: true, maxEntitySize: 10000, maxEntityCount: 1000 },
  isArray: (name) => ARRAYS.has(name),
});

/** Text of a node however the parser shaped it: a string, `{ '#text' }`, or nested XHTML. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(' ');
  if (typeof value === 'object') {
    return Object.entries(value as Node)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, child]) => textOf(child))
      .filter(Boolean)
      .join(' ');
  }
  return undefined;
}

function asArray(value: unknown): Node[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is Node => typeof entry === 'object');
}

function linkWithRel(links: unknown, rel: string): string | undefined {
  for (const link of asArray(links)) {
    const linkRel = (link['@_rel'] as string | undefined) ?? 'alternate';
    if (linkRel === rel && typeof link['@_href'] === 'string') return link['@_href'];
  }
  return undefined;
}

function rssItem(item: Node): RawFeedItem {
  const links = item.link as unknown[] | undefined;
  const guid = item.guid;
  const guidText = textOf(guid);
  const permalink =
    typeof guid === 'object' && guid !== null && (guid as Node)['@_isPermaLink'] === 'false'
      ? undefined
      : guidText;
  return {
    title: textOf(item.title),
    link:
      textOf(links?.find((link) => typeof link === 'string')) ??
      (permalink?.startsWith('http') ? permalink : undefined),
    canonicalLink: linkWithRel(item['atom:link'], 'canonical'),
    guid: guidText,
    summary: textOf(item.description) ?? textOf(item['content:encoded']),
    publishedAt: textOf(item.pubDate) ?? textOf(item['dc:date']),
  };
}

function rdfItem(item: Node): RawFeedItem {
  return {
    title: textOf(item.title),
    link: textOf(item.link),
    guid: (item['@_rdf:about'] as string | undefined) ?? undefined,
    summary: textOf(item.description) ?? textOf(item['content:encoded']),
    publishedAt: textOf(item['dc:date']),
  };
}

function atomEntry(entry: Node): RawFeedItem {
  return {
    title: textOf(entry.title),
    link: linkWithRel(entry.link, 'alternate'),
    canonicalLink: linkWithRel(entry.link, 'canonical'),
    guid: textOf(entry.id),
    summary: textOf(entry.summary) ?? textOf(entry.content),
    publishedAt: textOf(entry.published) ?? textOf(entry.updated),
  };
}

/** RSS 2.0, RSS 1.0 (RDF) or Atom, whichever the document is. */
export function parseXmlFeed(text: string): ParsedFeed {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('<')) throw new FeedFormatError('not XML: the response does not start with a tag');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    throw new FeedFormatError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const document = parser.parse(trimmed) as Node;
  const rss = document.rss as Node | undefined;
  if (rss) {
    const channel = asArray(rss.channel)[0] ?? {};
    const ttl = Number(textOf(channel.ttl));
    return {
      format: 'rss',
      ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl * 60 : undefined,
      items: asArray(channel.item).map(rssItem),
    };
  }
  const rdf = document['rdf:RDF'] as Node | undefined;
  if (rdf) {
    const channel = asArray(rdf.channel)[0] ?? {};
    return { format: 'rdf', items: [...asArray(rdf.item), ...asArray(channel.item)].map(rdfItem) };
  }
  const feed = document.feed as Node | undefined;
  if (feed) return { format: 'atom', items: asArray(feed.entry).map(atomEntry) };
  const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new FeedFormatError(`not a feed: the document's root element is <${root}>`);
}
