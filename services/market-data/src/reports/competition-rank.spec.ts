import Decimal from 'decimal.js';
import { competitionRanks } from './competition-rank';

describe('competitionRanks', () => {
  it('ranks highest first, shares ties and skips after them, leaves missing values unranked', () => {
    const values = ['5', '9', null, '5', '-2', '9.0'].map((value) =>
      value === null ? null : new Decimal(value),
    );
    expect(competitionRanks(values)).toEqual([3, 1, null, 3, 5, 1]);
  });

  it('handles nothing to rank', () => {
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([null])).toEqual([null]);
  });
});
