import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** File names a sample may have: nothing that could walk out of the directory. */
export const SAMPLE_FILE = /^[a-z0-9][a-z0-9.-]{0,80}\.(xml|json)$/;

/**
 * `data/` sits beside `src/`: found from the sources (ts-node, jest) and, for a compiled build run from
 * the repository or the image, from `dist/services/news/src/samples`.
 */
export function sampleFeedsDirectory(): string | undefined {
  const candidates = [
    resolve(__dirname, '../../data'),
    resolve(__dirname, '../../../../../services/news/data'),
    resolve(process.cwd(), 'services/news/data'),
  ];
  return candidates.find((directory) => existsSync(join(directory, 'README.md')));
}
