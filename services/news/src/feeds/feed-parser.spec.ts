import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBody } from './decode-body';
import { FeedFormatError } from './feed-errors';
import { parseFeed } from './feed-parser';

const sample = (file: string) => decodeBody(readFileSync(join(__dirname, '../../data', file)));

describe(parseFeed.name, () => {
  it('reads RSS 2.0 with its TTL, GUIDs and <atom:link rel="canonical">', () => {
    const sut = parseFeed('rss', sample('markets-syndicate.xml'));
    expect(sut.format).toBe('rss');
    expect(sut.items).toHaveLength(8);
    const nvidia = sut.items.find((item) => item.title?.startsWith('Nvidia'));
    expect(nvidia).toMatchObject({
      link: 'https://dailymarkets.example/tech/nvidia-story-4471',
      canonicalLink: 'https://marketwire.example/equities/nvidia-record-revenue',
      guid: 'dms-77313',
      publishedAt: 'Tue, 24 Nov 2026 21:30:00 GMT',
    });
    expect(parseFeed('rss', sample('marketwire.xml')).ttlSeconds).toBe(30 * 60);
  });

  it('reads a Latin-1 RSS feed into proper text', () => {
    const titles = parseFeed('rss', sample('goldline-latin1.xml')).items.map((item) => item.title);
    expect(titles).toContain('Zürich refiners report record bullion exports');
    expect(titles).toContain('Silver demand from solar panels hits new high, says Société Générale');
  });

  it('reads RSS 1.0 (RDF) items and their dc:date', () => {
    const sut = parseFeed('rdf', sample('fxdigest.rdf.xml'));
    expect(sut.format).toBe('rdf');
    expect(sut.items[0]).toMatchObject({
      title: 'Euro falls to two-week low against the dollar after ECB minutes',
      link: 'https://fxdigest.example/2026/11/euro-ecb-minutes',
      publishedAt: '2026-11-24T12:10:00Z',
    });
  });

  it('reads Atom: alternate and canonical links, html and xhtml content', () => {
    const sut = parseFeed('atom', sample('cryptodesk.atom.xml'));
    expect(sut.items[0]).toMatchObject({
      link: 'https://cryptodesk.example/news/btc-98k?utm_campaign=daily&utm_source=atom',
      canonicalLink: 'https://www.marketwire.example/crypto/bitcoin-98000-etf-inflows',
      guid: 'tag:cryptodesk.example,2026:btc-98k',
    });
    expect(sut.items[0].summary).toContain('<p>Bitcoin rose above $98,000');
    expect(sut.items[3].summary).toContain('miners sold 4,100 BTC');
  });

  it('reads JSON Feed and a mapped JSON API', () => {
    expect(parseFeed('jsonfeed', sample('venturebrief.feed.json')).items[1]).toMatchObject({
      guid: 'vb-9002',
      link: 'https://venturebrief.example/2026/11/24/tessera-stablecoin-250m',
    });
    const api = parseFeed('json-api', sample('commodities-api.json'), {
      itemsPath: 'data.articles',
      title: 'headline',
      url: 'links.web',
      guid: 'id',
      summary: 'teaser',
      publishedAt: 'published',
    });
    expect(api.items).toHaveLength(3);
    expect(api.items[0]).toMatchObject({
      title: 'Copper hits five-month high on China stimulus hopes',
      link: 'https://commodities-api.example/articles/551-copper-five-month-high',
      guid: 'ca-551',
    });
  });

  it('reads whichever XML format arrives, whatever the source was declared as', () => {
    expect(parseFeed('rss', sample('cryptodesk.atom.xml')).format).toBe('atom');
  });

  it.each([
    ['malformed XML', 'rss', '<rss><channel><item><title>x</item></channel></rss>', /malformed XML/],
    ['an HTML page', 'rss', '<!DOCTYPE html><html><body><p>Hello</p></body></html>', /not a feed|malformed/],
    ['plain text', 'atom', 'Service Unavailable', /not XML/],
    ['JSON that is not a JSON Feed', 'jsonfeed', '{"items":[]}', /not a JSON Feed/],
    ['garbage for JSON', 'jsonfeed', '<html>', /not JSON/],
  ] as const)('refuses %s with a reason', (_case, kind, body, reason) => {
    expect(() => parseFeed(kind, body)).toThrow(FeedFormatError);
    expect(() => parseFeed(kind, body)).toThrow(reason);
  });

  it('refuses a JSON API response without the mapped item array', () => {
    expect(() =>
      parseFeed('json-api', '{"data":{}}', { itemsPath: 'data.articles', title: 't', url: 'u' }),
    ).toThrow(/no item array at "data.articles"/);
  });
});
