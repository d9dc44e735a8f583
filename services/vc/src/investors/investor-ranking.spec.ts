import Decimal from 'decimal.js';
import { rankInvestors, type Participation } from './investor-ranking';

const take = (
  investorId: string,
  roundId: string,
  isLead: boolean,
  amount: number | undefined,
  participants: number,
): Participation => ({
  investorId,
  name: investorId.toUpperCase(),
  roundId,
  isLead,
  roundAmount: amount === undefined ? undefined : new Decimal(amount),
  participants,
});

describe(rankInvestors.name, () => {
  // Round r1: 10M among a (lead) and b; r2: 30M among a, b (lead) and c; r3: 6M, c alone (lead).
  // Deals a 2, b 2, c 2; leads a 1, b 1, c 1; capital a 5+10 = 15M, b 15M, c 10+6 = 16M.
  const participations = [
    take('a', 'r1', true, 10_000_000, 2),
    take('b', 'r1', false, 10_000_000, 2),
    take('a', 'r2', false, 30_000_000, 3),
    take('b', 'r2', true, 30_000_000, 3),
    take('c', 'r2', false, 30_000_000, 3),
    take('c', 'r3', true, 6_000_000, 1),
  ];

  it('splits each round evenly among its investors for capital deployed', () => {
    const sut = rankInvestors(participations, 'capital', 10);
    expect(sut.map((entry) => [entry.rank, entry.investorId, entry.capital.toFixed(2)])).toEqual([
      [1, 'c', '16000000.00'],
      [2, 'a', '15000000.00'],
      [2, 'b', '15000000.00'],
    ]);
  });

  it('gives ties the same rank and lists them by name', () => {
    const sut = rankInvestors(participations, 'deals', 10);
    expect(sut.map((entry) => [entry.rank, entry.investorId, entry.deals])).toEqual([
      [1, 'a', 2],
      [1, 'b', 2],
      [1, 'c', 2],
    ]);
  });

  it('counts leads and leaves out investors with none', () => {
    const sut = rankInvestors([take('a', 'r1', true, 1, 2), take('b', 'r1', false, 1, 2)], 'leads', 10);
    expect(sut.map((entry) => entry.investorId)).toEqual(['a']);
  });

  it('does not count an unconverted round as capital', () => {
    const sut = rankInvestors([take('a', 'r1', true, undefined, 1)], 'capital', 10);
    expect(sut).toEqual([]);
  });
});
