import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/**
 * `make up` and the image build compile with tsconfig.build.json, which jest's ts-jest never uses: a file
 * the build picks up but the tests compile differently (a test helper using jest's globals under
 * services/) broke the quick start while every test passed.
 */
describe('the production build', () => {
  it('type-checks with tsconfig.build.json', async () => {
    const result = await run(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noEmit'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? '',
      code: error.code,
    }));
    expect(result.stdout).toBe('');
  }, 240_000);
});
