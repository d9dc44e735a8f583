import { convertAmount, displayRate, findRoute, routeProvenance, type FxQuote } from './fx-math';

const at = (iso: string) => new Date(iso);
const quote = (
  base: string,
  quoteCurrency: string,
  rate: string,
  overrides: Partial<FxQuote> = {},
): FxQuote => ({
  base,
  quote: quoteCurrency,
  rate,
  asOf: at('2026-11-23T09:00:00.000Z'),
  source: 'simulated',
  synthetic: true,
  ...overrides,
});

describe('fx conversion math', () => {
  it('uses the direct pair: 100 EUR at EURUSD 1.16215 is 116.215 USD', () => {
    const route = findRoute([quote('EUR', 'USD', '1.16215')], 'EUR', 'USD')!;
    expect(route.path).toEqual(['EUR', 'USD']);
    expect(displayRate(route.rate)).toBe('1.16215');
    expect(convertAmount('100', route.rate)).toBe('116.21500000');
  });

  it('inverts a pair: USD to EUR at EURUSD 1.6 is 1 / 1.6 = 0.625', () => {
    const route = findRoute([quote('EUR', 'USD', '1.6')], 'USD', 'EUR')!;
    expect(route.path).toEqual(['USD', 'EUR']);
    expect(displayRate(route.rate)).toBe('0.625');
    expect(convertAmount('100', route.rate)).toBe('62.50000000');
  });

  it('rounds a repeating inverse only at the end: 1 / 3 shown with 12 places, 2 USD is 0.66666667 EUR', () => {
    const route = findRoute([quote('EUR', 'USD', '3')], 'USD', 'EUR')!;
    expect(route.rate.toFixed()).toBe('0.' + '3'.repeat(34)); // 34 significant digits
    expect(displayRate(route.rate)).toBe('0.333333333333');
    expect(convertAmount('1', route.rate)).toBe('0.33333333');
    expect(convertAmount('2', route.rate)).toBe('0.66666667');
  });

  it('crosses through USD: EUR to JPY at EURUSD 1.2 and USDJPY 150 is 180', () => {
    const quotes = [quote('EUR', 'USD', '1.2'), quote('USD', 'JPY', '150')];
    const route = findRoute(quotes, 'EUR', 'JPY')!;
    expect(route.path).toEqual(['EUR', 'USD', 'JPY']);
    expect(displayRate(route.rate)).toBe('180');
    expect(convertAmount('100', route.rate)).toBe('18000.00000000');
    // JPY to EUR: (1 / 150) × (1 / 1.2) = 1 / 180 = 0.00555…
    const back = findRoute(quotes, 'JPY', 'EUR')!;
    expect(back.path).toEqual(['JPY', 'USD', 'EUR']);
    expect(displayRate(back.rate)).toBe('0.005555555556');
    expect(convertAmount('18000', back.rate)).toBe('100.00000000');
  });

  it('keeps a cross of an inverse exact at 34 digits: GBP to EUR at GBPUSD 1.5, EURUSD 1.2 is 1.5 / 1.2 = 1.25', () => {
    // 1 / 1.2 = 0.8333…3 (34 digits); × 1.5 = 1.2499…995, which rounds at 34 digits to exactly 1.25.
    const route = findRoute([quote('GBP', 'USD', '1.5'), quote('EUR', 'USD', '1.2')], 'GBP', 'EUR')!;
    expect(route.path).toEqual(['GBP', 'USD', 'EUR']);
    expect(route.rate.toFixed()).toBe('1.25');
    expect(convertAmount('100', route.rate)).toBe('125.00000000');
  });

  it('prefers the direct pair to the inverse and to a cross', () => {
    const quotes = [quote('USD', 'EUR', '0.8'), quote('EUR', 'USD', '1.25'), quote('EUR', 'GBP', '0.9')];
    expect(findRoute(quotes, 'EUR', 'USD')!.legs).toEqual([quotes[1]]);
    expect(findRoute(quotes, 'EUR', 'GBP')!.path).toEqual(['EUR', 'GBP']);
  });

  it('gives rate 1 from a currency to itself, whatever the quotes', () => {
    const route = findRoute([], 'EUR', 'EUR')!;
    expect(route.path).toEqual(['EUR']);
    expect(displayRate(route.rate)).toBe('1');
    expect(convertAmount('12.345', route.rate)).toBe('12.34500000');
    expect(routeProvenance(route)).toEqual({ asOf: null, source: 'identity', synthetic: false });
  });

  it('rounds the converted amount half-even to 8 places', () => {
    const route = findRoute([quote('EUR', 'USD', '0.5')], 'EUR', 'USD')!;
    expect(convertAmount('0.00000001', route.rate)).toBe('0.00000000'); // 0.000000005 → even 0
    expect(convertAmount('0.00000003', route.rate)).toBe('0.00000002'); // 0.000000015 → even 2
    expect(convertAmount('0.00000005', route.rate)).toBe('0.00000002'); // 0.000000025 → even 2
    expect(convertAmount('0.000000031', route.rate)).toBe('0.00000002'); // 0.0000000155 → up
    expect(convertAmount('0', route.rate)).toBe('0.00000000');
    expect(convertAmount('99999999999999999999.999999999999', route.rate)).toBe(
      '50000000000000000000.00000000',
    );
  });

  it('finds no route without a rate, and no cross that would need a second pivot', () => {
    expect(findRoute([quote('EUR', 'USD', '1.2')], 'EUR', 'JPY')).toBeUndefined();
    expect(findRoute([quote('EUR', 'GBP', '0.9'), quote('GBP', 'JPY', '190')], 'EUR', 'JPY')).toBeUndefined();
  });

  it('dates a cross by its older leg, lists both sources and is synthetic if any leg is', () => {
    const quotes = [
      quote('EUR', 'USD', '1.2', { asOf: at('2026-11-23T09:00:00.000Z'), source: 'stooq', synthetic: false }),
      quote('USD', 'JPY', '150', {
        asOf: at('2026-11-23T08:59:00.000Z'),
        source: 'simulated',
        synthetic: true,
      }),
    ];
    expect(routeProvenance(findRoute(quotes, 'EUR', 'JPY')!)).toEqual({
      asOf: at('2026-11-23T08:59:00.000Z'),
      source: 'stooq+simulated',
      synthetic: true,
    });
    expect(routeProvenance(findRoute(quotes, 'USD', 'EUR')!)).toEqual({
      asOf: at('2026-11-23T09:00:00.000Z'),
      source: 'stooq',
      synthetic: false,
    });
  });
});
