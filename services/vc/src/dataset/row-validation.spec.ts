import { validateRows } from './row-validation';

const round = (overrides: Record<string, unknown> = {}) => ({
  companyId: 'helio-ai',
  stage: 'seed',
  announcedOn: '2026-03-02',
  amount: '3000000.00',
  currency: 'USD',
  preMoney: '12000000.00',
  postMoney: '15000000.00',
  leadInvestorId: 'northwind-ventures',
  investorIds: 'northwind-ventures;alder-capital',
  ...overrides,
});

describe(validateRows.name, () => {
  it('turns CSV text into typed rows: numbers, lists, empty cells as missing', () => {
    const { rows, errors } = validateRows('companies', [
      {
        line: 2,
        value: {
          id: 'helio-ai',
          name: 'Helio AI',
          sector: 'ai',
          subSector: 'applied-ai',
          country: 'US',
          foundedYear: '2019',
          status: 'private',
        },
      },
    ]);
    expect(errors).toEqual([]);
    expect(rows[0].foundedYear).toBe(2019);
    const parsed = validateRows('rounds', [{ line: 2, value: round({ preMoney: '', postMoney: '' }) }]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      investorIds: ['northwind-ventures', 'alder-capital'],
      preMoney: undefined,
    });
  });

  it('reports every problem of every bad row with its line, and keeps the good rows apart', () => {
    const { rows, errors } = validateRows('rounds', [
      { line: 2, value: round() },
      { line: 3, value: round({ stage: 'series-z', amount: '-5', announcedOn: '2026-02-30' }) },
      { line: 4, value: round({ announcedOn: '2026-04-01', postMoney: '16000000.00' }) },
      { line: 5, value: round({ extra: 'x', announcedOn: '2026-05-01' }) },
    ]);
    expect(rows).toHaveLength(1);
    expect(errors.map((error) => error.line)).toEqual([3, 4, 5]);
    expect(errors[0].errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^stage must be one of pre-seed/),
        'amount must be a positive amount with at most 2 decimals, such as "1250000.00"',
        'announcedOn must be a date YYYY-MM-DD that exists',
      ]),
    );
    expect(errors[1].errors).toEqual(['postMoney 16000000.00 must equal preMoney + amount (15000000.00)']);
    expect(errors[2].errors).toEqual(['property extra should not exist']);
  });

  it('refuses a file that repeats a natural key, naming the first line', () => {
    const { errors } = validateRows('rounds', [
      { line: 2, value: round() },
      { line: 7, value: round({ amount: '3000000', preMoney: '', postMoney: '' }) },
    ]);
    expect(errors).toEqual([{ line: 7, errors: ['repeats the key helio-ai/seed/2026-03-02 of line 2'] }]);
  });

  it('checks the fields that go together', () => {
    const investor = validateRows('investors', [
      { line: 1, value: { id: 'x-capital', name: 'X', kind: 'vc', country: 'US', aum: '1000000' } },
    ]);
    expect(investor.errors[0].errors).toEqual(['aum and aumCurrency go together: give both or neither']);
    const ipo = validateRows('ipos', [
      { line: 1, value: { companyId: 'helio-ai', stage: 'listed', currency: 'USD' } },
    ]);
    expect(ipo.errors[0].errors).toEqual(['a listed IPO needs a ticker, an exchange and a price']);
    const flow = validateRows('fund-flows', [
      { line: 1, value: { fundId: 'f-i', kind: 'commitment', date: '2020-01-01', amount: '5000000' } },
    ]);
    expect(flow.errors[0].errors).toEqual(['a commitment names its lp']);
  });

  it('refuses amounts finer than their column, which the database would round (and then break its checks)', () => {
    const { errors } = validateRows('rounds', [
      { line: 2, value: round({ amount: '0.004', preMoney: '', postMoney: '' }) },
      { line: 3, value: round({ amount: '1.005', preMoney: '1.005', postMoney: '2.010' }) },
    ]);
    expect(errors.map((error) => error.line)).toEqual([2, 3]);
    expect(errors[0].errors).toEqual([
      'amount must be a positive amount with at most 2 decimals, such as "1250000.00"',
    ]);
    expect(errors[1].errors).toEqual(
      expect.arrayContaining([
        'preMoney must be a positive amount with at most 2 decimals, such as "1250000.00"',
      ]),
    );
    const ipo = {
      companyId: 'helio-ai',
      stage: 'priced',
      exchange: 'NASDAQ',
      ticker: 'HELI',
      currency: 'USD',
    };
    expect(validateRows('ipos', [{ line: 2, value: { ...ipo, price: '24.1250' } }]).errors).toEqual([]);
    expect(
      validateRows('ipos', [{ line: 2, value: { ...ipo, price: '24.12501' } }]).errors[0].errors,
    ).toEqual(['price must be a positive amount with at most 4 decimals, such as "1250000.00"']);
  });
});
