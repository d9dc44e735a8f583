import { FeedFormatError } from './feed-errors';
import { parseJsonApi, parseJsonFeed, type JsonApiMapping } from './json-feed.parser';
import type { FeedKind, ParsedFeed } from './parsed-feed';
import { parseXmlFeed } from './xml-feed.parser';

/**
 * A source's response as a feed. The XML kinds read whichever of RSS, RDF and Atom the document turns
 * out to be (publishers switch); JSON kinds are read as declared.
 */
export function parseFeed(kind: FeedKind, body: string, mapping?: JsonApiMapping): ParsedFeed {
  switch (kind) {
    case 'rss':
    case 'rdf':
    case 'atom':
      return parseXmlFeed(body);
    case 'jsonfeed':
      return parseJsonFeed(body);
    case 'json-api':
      if (!mapping) throw new FeedFormatError('a json-api source needs config.mapping');
      return parseJsonApi(body, mapping);
  }
}
