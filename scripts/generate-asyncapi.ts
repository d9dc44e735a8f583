import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateAsyncApi } from '../libs/contracts/src/asyncapi/asyncapi.generator';

/**
 * Writes docs/asyncapi.yaml from the event catalogue (`npm run asyncapi`). Commit the result: a unit test
 * fails while the committed document differs from what the contracts say.
 */
function main(): void {
  const target = join(__dirname, '..', 'docs', 'asyncapi.yaml');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generateAsyncApi(), 'utf8');
  console.log(`wrote ${relative(process.cwd(), target) || target}`);
}

main();
