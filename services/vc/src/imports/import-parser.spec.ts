import { UnreadableFileError, jsonRows, parseCsv } from './import-parser';

describe('import parser', () => {
  it('reads CSV records with the file line of each (the header is line 1)', () => {
    const sut = parseCsv('companyId,stage\nhelio-ai,seed\n\nnova-pay,series-a\n');
    expect(sut).toEqual([
      { line: 2, value: { companyId: 'helio-ai', stage: 'seed' } },
      { line: 4, value: { companyId: 'nova-pay', stage: 'series-a' } },
    ]);
  });

  it('refuses a CSV whose rows do not match the header, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\n1,2,3\n')).toThrow(UnreadableFileError);
    expect(() => parseCsv('a,b\n1,2\n1,2,3\n')).toThrow(/line 3/);
  });

  it('numbers JSON items from 1', () => {
    expect(jsonRows([{ a: 1 }, 'x'])).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 2, value: 'x' },
    ]);
  });
});
