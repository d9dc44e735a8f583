import { fingerprint, isSameStory } from './story-fingerprint';

function same(
  a: { title: string; summary: string; symbols?: string[] },
  b: { title: string; summary: string; symbols?: string[] },
): boolean {
  const fa = fingerprint(a.title, a.summary, a.symbols ?? []);
  const fb = fingerprint(b.title, b.summary, b.symbols ?? []);
  return isSameStory(
    { size: fa.shingles.length, guard: fa.guard },
    { size: fb.shingles.length, guard: fb.guard },
    fa.shingles.filter((shingle) => fb.shingles.includes(shingle)).length,
  );
}

const gold = {
  title: 'Gold climbs to record as Fed signals rate cuts',
  summary:
    'Gold rose 1.8% to a record $2,790 an ounce on Tuesday after Federal Reserve officials signalled two rate cuts next year, weakening the dollar and lifting demand for bullion.',
  symbols: ['XAUUSD'],
};

describe('near-duplicate stories', () => {
  describe('the same story is one story', () => {
    it('when a syndicated copy truncates the summary', () => {
      expect(
        same(gold, {
          ...gold,
          summary:
            'Gold rose 1.8% to a record $2,790 an ounce on Tuesday after Federal Reserve officials signalled two rate cuts next year.',
        }),
      ).toBe(true);
    });

    it('when a copy rewords a little ("the", "level", "more" instead of "further")', () => {
      expect(
        same(
          {
            title: 'Euro falls to two-week low against dollar after ECB minutes',
            summary:
              "The euro fell 0.6% to $1.0720, its lowest in two weeks, after minutes of the European Central Bank's October meeting showed policymakers open to further easing.",
            symbols: ['EURUSD'],
          },
          {
            title: 'Euro falls to two-week low against the dollar after ECB minutes',
            summary:
              "The euro fell 0.6% to $1.0720, its lowest level in two weeks, after minutes of the European Central Bank's October meeting showed policymakers open to more easing.",
            symbols: ['EURUSD'],
          },
        ),
      ).toBe(true);
    });

    it('when punctuation, case and accents differ', () => {
      expect(
        same(
          {
            title: 'Zürich refiners report RECORD bullion exports',
            summary: 'Swiss refiners shipped 158 tonnes.',
          },
          {
            title: 'Zurich refiners report record bullion exports!',
            summary: 'Swiss refiners shipped 158 tonnes',
          },
        ),
      ).toBe(true);
    });
  });

  describe('different stories stay apart', () => {
    it('when they differ by the asset in the title', () => {
      expect(
        same(gold, {
          title: 'Silver climbs to record as Fed signals rate cuts',
          summary: gold.summary.replace(/Gold/g, 'Silver'),
          symbols: ['XAGUSD'],
        }),
      ).toBe(false);
    });

    it('when they differ by a number in the title (another day, another move)', () => {
      expect(
        same(
          {
            title: 'Nvidia shares jump 6% on record revenue',
            summary: 'Nvidia rose after results.',
            symbols: [],
          },
          {
            title: 'Nvidia shares jump 9% on record revenue',
            summary: 'Nvidia rose after results.',
            symbols: [],
          },
        ),
      ).toBe(false);
    });

    it('when only the template is shared', () => {
      expect(
        same(
          {
            title: 'Oil slips as OPEC+ weighs output increase',
            summary:
              'Brent crude fell 1.4% to $71.20 a barrel after delegates said OPEC+ was considering raising output.',
          },
          {
            title: 'Copper slips as China weighs export curbs',
            summary:
              'Copper fell 1.1% to $9,500 a tonne after officials said Beijing was considering limiting exports.',
          },
        ),
      ).toBe(false);
    });

    it('when two short headlines share most words but not the story', () => {
      expect(
        same(
          { title: 'Bitcoin miners sell reserves as hashprice drops', summary: '' },
          { title: 'Bitcoin miners buy reserves as hashprice rises', summary: '' },
        ),
      ).toBe(false);
    });
  });
});
