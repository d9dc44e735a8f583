import { loadConfig } from '@marketpulse/config';
import { MarketDataConfig } from '../market-data.config';

describe('SIGNAL_FAST_PERIOD / SIGNAL_SLOW_PERIOD', () => {
  const load = (env: Record<string, string>) => () => loadConfig(MarketDataConfig, env);

  it('defaults to 20/50 and takes another pair', () => {
    expect(load({})()).toMatchObject({ SIGNAL_FAST_PERIOD: 20, SIGNAL_SLOW_PERIOD: 50 });
    expect(load({ SIGNAL_FAST_PERIOD: '10', SIGNAL_SLOW_PERIOD: '30' })()).toMatchObject({
      SIGNAL_FAST_PERIOD: 10,
      SIGNAL_SLOW_PERIOD: 30,
    });
  });

  it('refuses a slow period not above the fast one, or longer than the bars detection reads', () => {
    expect(load({ SIGNAL_FAST_PERIOD: '50', SIGNAL_SLOW_PERIOD: '50' })).toThrow(
      /SIGNAL_SLOW_PERIOD must be greater than SIGNAL_FAST_PERIOD/,
    );
    expect(load({ SIGNAL_FAST_PERIOD: '60' })).toThrow(
      /SIGNAL_SLOW_PERIOD must be greater than SIGNAL_FAST_PERIOD/,
    );
    expect(load({ SIGNAL_SLOW_PERIOD: '800' })).toThrow(/SIGNAL_SLOW_PERIOD must be between 2 and 799/);
    expect(load({ SIGNAL_FAST_PERIOD: '0' })).toThrow(/SIGNAL_FAST_PERIOD must be between 1 and 798/);
    expect(load({ SIGNAL_FAST_PERIOD: 'ten' })).toThrow(/SIGNAL_FAST_PERIOD must be an integer/);
  });
});
