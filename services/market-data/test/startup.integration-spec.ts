import { runTsScript } from '../../../test/support/run-ts-script';

describe('market-data start-up', () => {
  it('refuses a bad config value with a message naming the variable, before connecting anywhere', async () => {
    const { code, stderr } = await runTsScript('services/market-data/src/main.ts', [], {
      PORT: 'http',
      PRICE_SIMULATION_SEED: '-4',
    });
    expect(code).toBe(1);
    const line = JSON.parse(stderr.trim().split('\n').pop()!);
    expect(line.level).toBe('fatal');
    expect(line.error).toMatch(/PORT must be an integer \(got "http"\)/);
    expect(line.error).toMatch(/PRICE_SIMULATION_SEED must be between 0 and 2147483647 \(got "-4"\)/);
  });
});
