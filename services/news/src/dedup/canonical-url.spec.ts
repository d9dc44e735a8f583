import { canonicalUrl } from './canonical-url';

describe(canonicalUrl.name, () => {
  const original = 'https://marketwire.example/markets/gold-record?id=7&page=2';

  it.each([
    ['scheme and host case', 'HTTP://MarketWire.EXAMPLE/markets/gold-record?id=7&page=2'],
    ['www.', 'https://www.marketwire.example/markets/gold-record?id=7&page=2'],
    ['default ports', 'http://marketwire.example:80/markets/gold-record?id=7&page=2'],
    ['https default port', 'https://marketwire.example:443/markets/gold-record?id=7&page=2'],
    ['trailing slash', 'https://marketwire.example/markets/gold-record/?id=7&page=2'],
    ['fragment', 'https://marketwire.example/markets/gold-record?id=7&page=2#comments'],
    [
      'utm_* parameters',
      'https://marketwire.example/markets/gold-record?utm_source=rss&id=7&utm_medium=x&page=2',
    ],
    [
      'fbclid, gclid, mc_cid',
      'https://marketwire.example/markets/gold-record?fbclid=a&id=7&gclid=b&mc_cid=c&page=2',
    ],
    ['query order', 'https://marketwire.example/markets/gold-record?page=2&id=7'],
    ['/amp path suffix', 'https://marketwire.example/markets/gold-record/amp?id=7&page=2'],
    ['/amp/ path prefix', 'https://marketwire.example/amp/markets/gold-record?id=7&page=2'],
    ['amp. host', 'https://amp.marketwire.example/markets/gold-record?id=7&page=2'],
    ['?amp=1', 'https://marketwire.example/markets/gold-record?id=7&amp=1&page=2'],
    ['outputType=amp', 'https://marketwire.example/markets/gold-record?outputType=amp&id=7&page=2'],
    ['duplicate slashes', 'https://marketwire.example//markets//gold-record?id=7&page=2'],
  ])('folds %s into the same URL', (_variation, variant) => {
    expect(canonicalUrl(variant)).toBe(canonicalUrl(original));
  });

  it('keeps what tells articles apart: path, meaningful parameters, non-default ports', () => {
    const sut = canonicalUrl;
    expect(sut('https://marketwire.example/markets/gold-record?id=8&page=2')).not.toBe(sut(original));
    expect(sut('https://marketwire.example/markets/silver-record?id=7&page=2')).not.toBe(sut(original));
    expect(sut('https://marketwire.example:8443/markets/gold-record?id=7&page=2')).not.toBe(sut(original));
    expect(sut('https://other.example/markets/gold-record?id=7&page=2')).not.toBe(sut(original));
    // outputType=json is not the AMP rendering: a different resource.
    expect(sut('https://marketwire.example/a?outputType=json')).not.toBe(sut('https://marketwire.example/a'));
  });

  it('spells the result one way', () => {
    expect(canonicalUrl('HTTP://WWW.Example.com:80/News/Item/?utm_source=x&b=2&a=1#top')).toBe(
      'https://example.com/News/Item?a=1&b=2',
    );
  });

  it('has no canonical form for what is not an absolute http(s) URL', () => {
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('/relative/path')).toBeUndefined();
    expect(canonicalUrl('mailto:desk@example.com')).toBeUndefined();
    expect(canonicalUrl(undefined)).toBeUndefined();
  });
});
