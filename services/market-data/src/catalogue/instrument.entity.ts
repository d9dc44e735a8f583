import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PriceProviderName } from '../market-data.config';

export const INSTRUMENT_CATEGORIES = [
  'precious-metal',
  'battery-ai-material',
  'energy',
  'space-tech-material',
  'industrial-metal',
  'fx',
  'crypto',
  'stock',
] as const;

export type InstrumentCategory = (typeof INSTRUMENT_CATEGORIES)[number];

/** The symbol of the instrument at each external provider that lists it, e.g. `{"stooq":"xauusd"}`. */
export type ProviderSymbols = Partial<Record<'stooq' | 'twelvedata', string>>;

/** When an instrument trades: around the clock, FX-style Sunday 22:00 to Friday 22:00 UTC, or exchange hours. */
export const TRADING_CALENDARS = ['24/7', '24/5', 'exchange'] as const;
export type TradingCalendar = (typeof TRADING_CALENDARS)[number];

@Entity({ name: 'instruments' })
export class Instrument {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  symbol: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  category: InstrumentCategory;

  /** What one price is for, e.g. `troy ounce`, `barrel`, `share`, `EUR`. */
  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 16 })
  calendar: TradingCalendar;

  /** IANA zone of the exchange for `exchange` calendars (session 09:30-16:00 local, weekdays). */
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'exchange_timezone' })
  exchangeTimezone: string | null;

  /** Starting level of the simulation when no price exists yet. */
  @Column({ type: 'numeric', precision: 24, scale: 8, name: 'reference_price' })
  referencePrice: string;

  /** Annualised volatility of the simulation, e.g. 0.15 for 15 %. */
  @Column({ type: 'numeric', precision: 8, scale: 4, name: 'annual_volatility' })
  annualVolatility: string;

  @Column({ type: 'smallint', name: 'price_decimals' })
  priceDecimals: number;

  @Column({ type: 'jsonb', name: 'provider_symbols', default: () => "'{}'" })
  providerSymbols: ProviderSymbols;

  /**
   * The providers asked for this instrument, in this order (of those the deployment configures); null
   * keeps the global MARKET_DATA_PROVIDERS order.
   */
  @Column({ type: 'text', array: true, name: 'provider_order', nullable: true })
  providerOrder: PriceProviderName[] | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
