import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { CreateTransactionDto } from './dto/transaction.dto';

/** The documented CSV columns; the header names them, in any order and any case. */
export const CSV_COLUMNS = [
  'date',
  'type',
  'symbol',
  'quantity',
  'price',
  'amount',
  'currency',
  'fees',
  'note',
] as const;
const REQUIRED_COLUMNS = ['date', 'type'];

export interface CsvRow {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  input: CreateTransactionDto;
}

export type CsvParseResult = { rows: CsvRow[]; problems: string[] };

/**
 * Reads the file into transaction inputs, checking each row's formats like the JSON endpoint does. Rows
 * with problems are reported by line; the caller records nothing unless there are none.
 */
export function parseTransactionsCsv(text: string, maxRows: number): CsvParseResult {
  type WithInfo = { record: string[]; info: { lines: number; empty_lines: number } };
  let parsed: WithInfo[];
  try {
    // With `info`, each record comes with where it ended; the typings do not follow the option.
    parsed = parse(text, {
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as unknown as WithInfo[];
  } catch (error) {
    return { rows: [], problems: [`the file is not valid CSV: ${(error as Error).message}`] };
  }
  const records = parsed.map((item) => item.record);
  // Where each record starts: after the previous one ends and any blank lines between (fields may span lines).
  const lines = parsed.map((item, index) =>
    index === 0
      ? 1 + item.info.empty_lines
      : parsed[index - 1].info.lines + 1 + item.info.empty_lines - parsed[index - 1].info.empty_lines,
  );
  if (records.length === 0) return { rows: [], problems: ['the file is empty: a header row is required'] };
  const header = records[0].map((name) => name.toLowerCase());
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    return {
      rows: [],
      problems: [
        ...unknown.map((name) => `line 1: unknown column "${name}" (columns: ${CSV_COLUMNS.join(', ')})`),
        ...missing.map((name) => `line 1: missing column "${name}"`),
      ],
    };
  }
  if (records.length - 1 > maxRows) {
    return { rows: [], problems: [`the file has ${records.length - 1} rows; at most ${maxRows} per import`] };
  }
  if (records.length === 1) return { rows: [], problems: ['the file has a header but no rows'] };

  const rows: CsvRow[] = [];
  const problems: string[] = [];
  records.slice(1).forEach((record, index) => {
    const line = lines[index + 1] ?? index + 2;
    const plain: Record<string, string> = {};
    header.forEach((name, column) => {
      if (record[column] !== '')
        plain[name] = name === 'type' ? record[column].toLowerCase() : record[column];
    });
    const input = plainToInstance(CreateTransactionDto, plain);
    const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      for (const error of errors) {
        for (const message of Object.values(error.constraints ?? {}))
          problems.push(`line ${line}: ${message}`);
      }
    } else {
      rows.push({ line, input });
    }
  });
  return { rows, problems };
}
