import { stepUps } from './step-ups';

describe(stepUps.name, () => {
  // Seed at 8M post, Series A at 24M pre (3.00×), Series B at 18M pre after a 30M post: a down round, 0.60×.
  it('divides each pre-money by the previous post-money', () => {
    expect(
      stepUps([
        { currency: 'USD', preMoney: '6000000', postMoney: '8000000' },
        { currency: 'USD', preMoney: '24000000', postMoney: '30000000' },
        { currency: 'USD', preMoney: '18000000', postMoney: '28000000' },
      ]),
    ).toEqual([undefined, '3.00', '0.60']);
  });

  it('gives no step-up across currencies or without valuations', () => {
    expect(
      stepUps([
        { currency: 'EUR', preMoney: '6000000', postMoney: '8000000' },
        { currency: 'USD', preMoney: '24000000', postMoney: '30000000' },
        { currency: 'USD' },
      ]),
    ).toEqual([undefined, undefined, undefined]);
  });
});
