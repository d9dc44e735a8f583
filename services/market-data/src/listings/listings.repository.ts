import { Injectable } from '@nestjs/common';
import type { VcIpoUpdatedV1 } from '@marketpulse/contracts';
import type { EntityManager } from 'typeorm';
import { NEW_LISTING_VOLATILITY, exchangeTimezone } from './listing-exchanges';

/**
 * Adds a newly listed company to the catalogue: a stock on its exchange's calendar, quoted by the default
 * (simulated) provider from the IPO price on. A symbol already in the catalogue is left as it is, so a
 * redelivered or repeated listing changes nothing and an operator's edits are never overwritten.
 */
@Injectable()
export class ListingsRepository {
  async track(
    manager: EntityManager,
    listing: VcIpoUpdatedV1 & { ticker: string; price: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO instruments
         (symbol, name, category, unit, currency, calendar, exchange_timezone, reference_price, annual_volatility,
          price_decimals)
       VALUES ($1, $2, 'stock', 'share', $3, 'exchange', $4, $5, $6, 2)
       ON CONFLICT (symbol) DO NOTHING RETURNING symbol`,
      [
        listing.ticker,
        listing.companyName,
        listing.currency,
        exchangeTimezone(listing.exchange),
        listing.price,
        NEW_LISTING_VOLATILITY,
      ],
    );
    return inserted.length > 0;
  }
}
