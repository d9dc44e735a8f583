import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

describe(loadConfig.name, () => {
  it('applies the defaults when nothing is set', () => {
    const sut = loadConfig(ServiceConfig, {});
    expect(sut).toMatchObject({
      NATS_URL: 'nats://127.0.0.1:4222',
      LOG_LEVEL: 'info',
      MESSAGING_MAX_DELIVER: 5,
    });
  });

  it('converts numbers and treats empty strings as unset', () => {
    const sut = loadConfig(ServiceConfig, { PORT: '4100', LOG_LEVEL: '' });
    expect(sut.PORT).toBe(4100);
    expect(sut.LOG_LEVEL).toBe('info');
  });

  it('rejects a bad value with a message naming the variable and the value', () => {
    expect(() => loadConfig(ServiceConfig, { PORT: 'eighty' })).toThrow(ConfigValidationError);
    expect(() => loadConfig(ServiceConfig, { PORT: 'eighty' })).toThrow(
      /PORT must be an integer \(got "eighty"\)/,
    );
    expect(() => loadConfig(ServiceConfig, { PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig(ServiceConfig, { NATS_URL: 'http://x', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const { problems } = error as ConfigValidationError;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/NATS_URL must be one or more comma-separated nats:\/\/ URLs/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
      expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    }
  });

  it('rejects a bad messaging namespace', () => {
    expect(() => loadConfig(ServiceConfig, { MESSAGING_NAMESPACE: 'Has.Dots' })).toThrow(
      /MESSAGING_NAMESPACE/,
    );
  });
});
