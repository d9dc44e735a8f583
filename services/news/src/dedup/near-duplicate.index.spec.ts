import { NearDuplicateIndex } from './near-duplicate.index';
import { fingerprint } from './story-fingerprint';

const HOUR = 3600 * 1000;
const at = Date.parse('2026-11-24T08:00:00Z');

function story(id: string, title: string, summary: string, symbols: string[], publishedAt = at) {
  return { id, storyId: id, ...fingerprint(title, summary, symbols), publishedAt };
}

describe(NearDuplicateIndex.name, () => {
  const gold = story(
    'gold',
    'Gold climbs to record as Fed signals rate cuts',
    'Gold rose 1.8% to a record $2,790 an ounce after Federal Reserve officials signalled two rate cuts next year.',
    ['XAUUSD'],
  );
  const silver = story(
    'silver',
    'Silver climbs to record as Fed signals rate cuts',
    'Silver rose 1.8% to a record $34 an ounce after Federal Reserve officials signalled two rate cuts next year.',
    ['XAGUSD'],
  );

  const sut = () => {
    const index = new NearDuplicateIndex();
    index.add(gold);
    index.add(silver);
    return index;
  };

  it('finds the story a syndicated copy repeats', () => {
    const copy = story(
      'copy',
      'Gold climbs to a record as Fed signals rate cuts',
      'Gold rose 1.8% to a record $2,790 an ounce after Federal Reserve officials signalled two rate cuts.',
      ['XAUUSD'],
      at + 2 * HOUR,
    );
    expect(sut().match(copy, 48 * HOUR)).toBe('gold');
  });

  it('finds nothing for a different story, however similar the template', () => {
    const other = story(
      'platinum',
      'Platinum climbs to record as Fed signals rate cuts',
      'Platinum rose 1.8% to a record $1,100 an ounce after Federal Reserve officials signalled two rate cuts next year.',
      ['XPTUSD'],
    );
    expect(sut().match(other, 48 * HOUR)).toBeUndefined();
  });

  it('compares with every copy of a story, not only the first', () => {
    const index = sut();
    const rewritten = story(
      'copy-2',
      'Bullion hits all-time high on Fed cut signal',
      'Bullion hit an all-time high of $2,790 an ounce on Tuesday, traders said.',
      ['XAUUSD'],
    );
    expect(index.match(rewritten, 48 * HOUR)).toBeUndefined();
    index.add({ ...rewritten, storyId: 'gold' });
    const third = story(
      'copy-3',
      'Bullion hits all-time high on Fed cut signal',
      'Bullion hit an all-time high of $2,790 an ounce on Tuesday.',
      ['XAUUSD'],
    );
    expect(index.match(third, 48 * HOUR)).toBe('gold');
  });

  it('finds nothing outside the time window', () => {
    expect(sut().match({ ...gold, publishedAt: at + 49 * HOUR }, 48 * HOUR)).toBeUndefined();
    expect(sut().match({ ...gold, publishedAt: at + 47 * HOUR }, 48 * HOUR)).toBe('gold');
  });

  it('forgets evicted stories and keeps the rest', () => {
    const index = sut();
    index.add({ ...gold, id: 'later', storyId: 'later', publishedAt: at + 10 * HOUR });
    index.evictBefore(at + HOUR);
    expect(index.size).toBe(1);
    expect(index.match({ ...gold, publishedAt: at + 9 * HOUR }, 48 * HOUR)).toBe('later');
  });
});
