import Decimal from 'decimal.js';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { AcquisitionRow, FundFlowRow, InvestorRow, IpoRow, RoundRow } from './dataset-rows';
import { NATURAL_KEYS, ROW_CLASSES, type DatasetKind, type VcDataset } from './vc-dataset';

export interface RowError {
  /** The line of the file (CSV: counting the header as line 1) or the 1-based item of a JSON array. */
  line: number;
  errors: string[];
}

export interface ValidatedRows<K extends DatasetKind> {
  rows: VcDataset[K];
  errors: RowError[];
}

/** Field checks the decorators cannot express: they relate two fields of one row. */
const ROW_RULES: Partial<{ [K in DatasetKind]: (row: VcDataset[K][number]) => string[] }> = {
  investors: (row: InvestorRow) =>
    (row.aum === undefined) !== (row.aumCurrency === undefined)
      ? ['aum and aumCurrency go together: give both or neither']
      : [],
  rounds: (row: RoundRow) => {
    const problems: string[] = [];
    if (row.preMoney && row.postMoney) {
      const expected = new Decimal(row.preMoney).plus(row.amount);
      if (!expected.equals(row.postMoney)) {
        problems.push(`postMoney ${row.postMoney} must equal preMoney + amount (${expected.toFixed(2)})`);
      }
    }
    if (row.leadInvestorId && !row.investorIds.includes(row.leadInvestorId)) {
      problems.push('leadInvestorId must also be listed in investorIds');
    }
    return problems;
  },
  acquisitions: (row: AcquisitionRow) =>
    (row.price === undefined) !== (row.currency === undefined)
      ? ['price and currency go together: give both or neither']
      : [],
  ipos: (row: IpoRow) => {
    const problems: string[] = [];
    if (row.stage === 'listed' && (!row.ticker || !row.price || !row.exchange))
      problems.push('a listed IPO needs a ticker, an exchange and a price');
    if (row.stage === 'priced' && !row.price) problems.push('a priced IPO needs a price');
    return problems;
  },
  'fund-flows': (row: FundFlowRow) => {
    const problems: string[] = [];
    if (row.kind === 'commitment' && !row.lp) problems.push('a commitment names its lp');
    if (row.kind !== 'commitment' && row.lp) problems.push(`a ${row.kind} has no lp`);
    if (row.kind !== 'nav' && new Decimal(row.amount).lte(0))
      problems.push(`a ${row.kind} amount must be positive`);
    if (new Decimal(row.amount).isNegative()) problems.push('amount must not be negative');
    return problems;
  },
};

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => `${prefix}${message}`),
    ...messages(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/**
 * Validates raw rows (parsed CSV records or JSON objects) one by one. Every bad row is reported with its
 * line and every problem it has, so a file can be fixed in one go.
 */
export function validateRows<K extends DatasetKind>(
  kind: K,
  raw: readonly { line: number; value: unknown }[],
): ValidatedRows<K> {
  const rows: VcDataset[K][number][] = [];
  const errors: RowError[] = [];
  const rowClass = ROW_CLASSES[kind];
  const rule = ROW_RULES[kind] as ((row: VcDataset[K][number]) => string[]) | undefined;
  const keyOf = NATURAL_KEYS[kind] as (row: VcDataset[K][number]) => string;
  const firstLineOfKey = new Map<string, number>();
  for (const { line, value } of raw) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ line, errors: ['a row must be an object of named fields'] });
      continue;
    }
    const row = plainToInstance(rowClass, value);
    const problems = messages(
      validateSync(row as object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
    );
    if (problems.length === 0 && rule) problems.push(...rule(row));
    if (problems.length === 0) {
      const key = keyOf(row);
      const first = firstLineOfKey.get(key);
      if (first !== undefined) problems.push(`repeats the key ${key} of line ${first}`);
      else firstLineOfKey.set(key, line);
    }
    if (problems.length > 0) errors.push({ line, errors: problems });
    else rows.push(row);
  }
  return { rows: rows as VcDataset[K], errors };
}
