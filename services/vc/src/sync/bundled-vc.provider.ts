import { Injectable } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateRows } from '../dataset/row-validation';
import { emptyDataset, type DatasetKind, type VcDataset } from '../dataset/vc-dataset';
import type { IndexLevel } from '../funds/fund-returns';
import { VcConfig } from '../vc.config';
import type { VcProvider } from './vc-provider';

/**
 * `data/` sits beside `src/`: found from the sources (ts-node, jest) and, for a compiled build run from
 * the repository, from `dist/services/vc/src/sync`.
 */
export function bundledVcDataDirectory(configured?: string): string {
  const candidates = [
    ...(configured ? [configured] : []),
    resolve(__dirname, '../../data'),
    resolve(__dirname, '../../../../../services/vc/data'),
    resolve(process.cwd(), 'services/vc/data'),
  ];
  const found = candidates.find((directory) => existsSync(join(directory, 'companies.json')));
  if (!found) throw new Error(`bundled VC dataset not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function readBundledDataset(directory: string, kinds: readonly DatasetKind[]): VcDataset {
  const dataset = emptyDataset();
  for (const kind of kinds) {
    const raw: unknown = JSON.parse(readFileSync(join(directory, `${kind}.json`), 'utf8'));
    if (!Array.isArray(raw)) throw new Error(`${kind}.json must hold an array`);
    const { rows, errors } = validateRows(
      kind,
      raw.map((value: unknown, index) => ({ line: index + 1, value })),
    );
    if (errors.length > 0) {
      throw new Error(`${kind}.json item ${errors[0].line}: ${errors[0].errors.join('; ')}`);
    }
    (dataset[kind] as unknown[]) = rows;
  }
  return dataset;
}

const INDEX_ROW = /^([A-Z0-9][A-Z0-9_-]{0,31}),(\d{4}-\d{2}-\d{2}),(\d{1,16}(?:\.\d{1,8})?)$/;

/** `index-levels.csv` (`symbol,date,level`): the levels of `symbol`, oldest first. */
export function readBundledIndexLevels(directory: string, symbol: string): IndexLevel[] {
  const path = join(directory, 'index-levels.csv');
  if (!existsSync(path)) return [];
  const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  if (header !== 'symbol,date,level') throw new Error(`index-levels.csv: unexpected header '${header}'`);
  const levels: IndexLevel[] = [];
  lines.forEach((line, index) => {
    const match = INDEX_ROW.exec(line);
    if (!match || Number(match[3]) <= 0) {
      throw new Error(`index-levels.csv line ${index + 2}: expected symbol,YYYY-MM-DD,positive level`);
    }
    if (match[1] === symbol) levels.push({ date: match[2], level: match[3] });
  });
  return levels.sort((a, b) => a.date.localeCompare(b.date));
}

/** The synthetic dataset shipped in services/vc/data (see its README). */
@Injectable()
export class BundledVcProvider implements VcProvider {
  readonly name = 'bundled';
  private readonly directory: string;

  constructor(config: VcConfig) {
    this.directory = bundledVcDataDirectory(config.VC_DATA_DIR);
  }

  load(kinds: readonly DatasetKind[]): Promise<VcDataset> {
    return Promise.resolve(readBundledDataset(this.directory, kinds));
  }

  indexHistory(symbol: string): Promise<IndexLevel[]> {
    return Promise.resolve(readBundledIndexLevels(this.directory, symbol));
  }
}
