import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'services/market-data/src/main.ts',
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('market-data start-up', () => {
  it('refuses a bad config value with a message naming the variable, before connecting anywhere', async () => {
    const { code, stderr } = await runMain({ PORT: 'http', PRICE_SIMULATION_SEED: '-4' });
    expect(code).toBe(1);
    const line = JSON.parse(stderr.trim().split('\n').pop()!);
    expect(line.level).toBe('fatal');
    expect(line.error).toMatch(/PORT must be an integer \(got "http"\)/);
    expect(line.error).toMatch(/PRICE_SIMULATION_SEED must be between 0 and 2147483647 \(got "-4"\)/);
  });
});
