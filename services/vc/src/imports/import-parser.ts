import { parse } from 'csv-parse/sync';

export interface RawRow {
  /** CSV: the file line the record ends on (the header is line 1). JSON: the 1-based array item. */
  line: number;
  value: unknown;
}

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** CSV with a header row naming the fields (the row's JSON field names). */
export function parseCsv(content: string): RawRow[] {
  try {
    const records = parse(content, {
      columns: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, value: record }));
  } catch (error) {
    throw new UnreadableFileError(
      `The CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function jsonRows(rows: readonly unknown[]): RawRow[] {
  return rows.map((value, index) => ({ line: index + 1, value }));
}
