import { parseTransactionsCsv } from './csv-transactions.parser';

describe(parseTransactionsCsv.name, () => {
  it('maps the documented columns in any order and case, empty cells absent', () => {
    const sut = parseTransactionsCsv(
      'Type,DATE,symbol,quantity,price,fees,amount\nBUY,2026-11-20,AAPL,10,187.25,1,\ndeposit,2026-11-01,,,,,500\n',
      100,
    );
    expect(sut.problems).toEqual([]);
    expect(sut.rows.map((row) => ({ line: row.line, ...row.input }))).toEqual([
      {
        line: 2,
        type: 'buy',
        date: '2026-11-20',
        symbol: 'AAPL',
        quantity: '10',
        price: '187.25',
        fees: '1',
      },
      { line: 3, type: 'deposit', date: '2026-11-01', amount: '500' },
    ]);
  });

  it('reports bad rows by their line in the file, counting blank lines and multi-line fields', () => {
    const sut = parseTransactionsCsv(
      'date,type,symbol,quantity,price,note\n' +
        '2026-11-20,buy,AAPL,10,187.25,ok\n' +
        '\n' +
        '2026-11-20,buy,AAPL,-3,187.25,"two\nlines"\n' +
        '20-11-2026,swap,AAPL,1,1,\n',
      100,
    );
    expect(sut.rows.map((row) => row.line)).toEqual([2]);
    expect(sut.problems).toEqual([
      'line 4: quantity must be a positive decimal string such as "10.5", at most 18 digits before the point and 10 after',
      'line 6: type must be one of buy, sell, dividend, fee, deposit, withdrawal, split',
      'line 6: date must be a date such as 2026-11-20',
    ]);
  });

  it('refuses unknown or missing columns, an empty file and too many rows', () => {
    expect(parseTransactionsCsv('date,kind\n', 10).problems).toEqual([
      'line 1: unknown column "kind" (columns: date, type, symbol, quantity, price, amount, currency, fees, note)',
      'line 1: missing column "type"',
    ]);
    expect(parseTransactionsCsv('', 10).problems).toEqual(['the file is empty: a header row is required']);
    expect(parseTransactionsCsv('date,type\n2026-01-01,fee\n2026-01-02,fee\n', 1).problems).toEqual([
      'the file has 2 rows; at most 1 per import',
    ]);
    expect(parseTransactionsCsv('date,type\n"unterminated,fee\n', 1).problems[0]).toMatch(/not valid CSV/);
  });
});
