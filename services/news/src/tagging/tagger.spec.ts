import { Tagger } from './tagger';
import type { TaggingRule } from './tagging-rule';

const RULES: TaggingRule[] = [
  {
    id: 'gold',
    match: 'keyword',
    terms: ['gold', 'bullion'],
    categories: ['gold', 'commodities'],
    symbols: ['XAUUSD'],
    priority: 10,
  },
  {
    id: 'silver',
    match: 'keyword',
    terms: ['silver'],
    categories: ['silver', 'commodities'],
    symbols: ['XAGUSD'],
    priority: 20,
  },
  {
    id: 'bitcoin',
    match: 'keyword',
    terms: ['bitcoin'],
    categories: ['crypto'],
    symbols: ['BTCUSD'],
    priority: 30,
  },
  {
    id: 'bitcoin-ticker',
    match: 'entity',
    terms: ['BTC', '$BTC'],
    categories: ['crypto'],
    symbols: ['BTCUSD'],
    priority: 40,
  },
  {
    id: 'macro',
    match: 'keyword',
    terms: ['federal reserve', 'inflation'],
    categories: ['macro'],
    symbols: [],
    priority: 90,
  },
];

describe(Tagger.name, () => {
  const sut = new Tagger(RULES);

  it('tags from keywords and explains each tag', () => {
    const tagging = sut.tag(
      'Gold climbs to record',
      'The Federal Reserve signalled cuts; bullion rallied.',
      null,
    );
    expect(tagging.category).toBe('gold');
    expect(tagging.categories).toEqual(['gold', 'commodities', 'macro']);
    expect(tagging.symbols).toEqual(['XAUUSD']);
    expect(tagging.tags).toEqual([
      { kind: 'category', value: 'gold', rule: 'gold', matched: 'Gold', field: 'title' },
      { kind: 'category', value: 'commodities', rule: 'gold', matched: 'Gold', field: 'title' },
      { kind: 'symbol', value: 'XAUUSD', rule: 'gold', matched: 'Gold', field: 'title' },
      { kind: 'category', value: 'macro', rule: 'macro', matched: 'Federal Reserve', field: 'summary' },
    ]);
  });

  it('matches whole words only: "golden" is not gold', () => {
    expect(sut.tag('Golden Globes host named', '', null).symbols).toEqual([]);
  });

  it('matches entities by exact case: BTC is bitcoin, "btc" in a word soup is not', () => {
    expect(sut.tag('$BTC breaks out', '', null).symbols).toEqual(['BTCUSD']);
    expect(sut.tag('Miners sold 4,100 BTC', '', null).tags[0]).toMatchObject({
      rule: 'bitcoin-ticker',
      matched: 'BTC',
    });
    expect(sut.tag('the btc-e exchange case', '', null).symbols).toEqual([]);
  });

  it("lets the headline's subject beat the source's default, and the default beat a passing mention", () => {
    expect(sut.tag('Silver demand hits new high', '', 'gold').category).toBe('silver');
    expect(sut.tag('Refiners report record exports', 'Inflation is cooling.', 'gold').category).toBe('gold');
    const tagging = sut.tag('Refiners report record exports', '', 'gold');
    expect(tagging.tags).toEqual([
      { kind: 'category', value: 'gold', rule: 'source-default', field: 'source' },
    ]);
  });

  it('falls back to macro, and says so, when nothing matches', () => {
    const tagging = sut.tag('Company appoints new chief executive', '', null);
    expect(tagging.category).toBe('macro');
    expect(tagging.tags).toEqual([{ kind: 'category', value: 'macro', rule: 'fallback', field: 'source' }]);
  });

  it('reports the symbols of the title apart (they take part in near-duplicate detection)', () => {
    expect(sut.tag('Gold rises', 'Silver followed.', null).titleSymbols).toEqual(['XAUUSD']);
  });
});
