import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundledSeries, SeriesPoint } from './bundled-series';
import { parseIsoDate } from './trading-days';

/**
 * `data/` sits beside `src/`: found from the sources (ts-node, jest) and, for a compiled build run from
 * the repository, from `dist/services/market-data/src/history`.
 */
export function bundledDataDirectory(): string | undefined {
  const candidates = [
    resolve(__dirname, '../../data'),
    resolve(__dirname, '../../../../../services/market-data/data'),
    resolve(process.cwd(), 'services/market-data/data'),
  ];
  return candidates.find((directory) => existsSync(join(directory, 'README.md')));
}

export function readBundledSeries(directory: string, series: BundledSeries): SeriesPoint[] {
  return parseBundledSeries(readFileSync(join(directory, series.file), 'utf8'), series);
}

/** A bundled CSV, oldest first; a line that is not a date and a positive number is an error. */
export function parseBundledSeries(text: string, series: BundledSeries): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const lines = text.split(/\r?\n/);
  for (let number = 2; number <= lines.length; number++) {
    const line = lines[number - 1].trim();
    if (line === '') continue;
    const fields = line.split(',');
    let date: string;
    let value: string;
    if (series.kind === 'daily-close') {
      [date, value] = fields;
    } else if (series.country !== undefined) {
      if (fields[1] !== series.country) continue;
      // `2026-06-01`: the month's average, pinned to its middle.
      date = `${fields[0].slice(0, 7)}-15`;
      value = fields[2];
    } else {
      date = `${fields[0]}-15`;
      value = fields[1];
    }
    const price = Number(value);
    const valid = fields.length >= 2 && /^\d+(\.\d+)?$/.test(value ?? '') && price > 0;
    try {
      parseIsoDate(date);
    } catch {
      throw new Error(`${series.file} line ${number}: '${line}' has no valid date`);
    }
    if (!valid) throw new Error(`${series.file} line ${number}: '${line}' has no positive price`);
    points.push({ date, price: series.kind === 'monthly-average' && series.invert ? 1 / price : price });
  }
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (points.length === 0)
    throw new Error(
      `${series.file}: no rows${series.kind === 'monthly-average' && series.country ? ` for ${series.country}` : ''}`,
    );
  return points;
}
