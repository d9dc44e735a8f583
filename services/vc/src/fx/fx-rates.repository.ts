import { Injectable } from '@nestjs/common';
import type { FxRateUpdatedV1 } from '@marketpulse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CurrencyConverter } from './currency-converter';

/** The latest rate of each pair, from `fx.rate.updated`. */
@Injectable()
export class FxRatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A rate older than the stored one (a redelivery, a late event) changes nothing. */
  async record(manager: EntityManager, rate: FxRateUpdatedV1): Promise<void> {
    await manager.query(
      `INSERT INTO fx_rates (base, quote, rate, as_of) VALUES ($1, $2, $3, $4)
       ON CONFLICT (base, quote) DO UPDATE SET rate = EXCLUDED.rate, as_of = EXCLUDED.as_of, received_at = now()
       WHERE EXCLUDED.as_of > fx_rates.as_of`,
      [rate.base, rate.quote, rate.rate, rate.asOf],
    );
  }

  async converter(): Promise<CurrencyConverter> {
    const rows: { base: string; quote: string; rate: string; as_of: Date }[] = await this.dataSource.query(
      'SELECT base, quote, rate::text, as_of FROM fx_rates',
    );
    return new CurrencyConverter(rows.map((row) => ({ ...row, asOf: row.as_of })));
  }
}
