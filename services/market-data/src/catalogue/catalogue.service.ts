import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { MarketDataConfig, type PriceProviderName } from '../market-data.config';
import { cannotQuote, usableProviders, type Coverable } from '../providers/provider-coverage';
import type { CreateInstrumentDto } from './dto/create-instrument.dto';
import type { UpdateInstrumentDto } from './dto/update-instrument.dto';
import { Instrument, type InstrumentCategory } from './instrument.entity';

@Injectable()
export class CatalogueService {
  constructor(
    @InjectRepository(Instrument) private readonly instruments: Repository<Instrument>,
    private readonly config: MarketDataConfig,
  ) {}

  list(filter: { category?: InstrumentCategory; enabled?: boolean } = {}): Promise<Instrument[]> {
    // TypeORM 1.x refuses `undefined` in a where clause rather than ignoring it.
    return this.instruments.find({
      where: withoutUndefined(filter),
      order: { category: 'ASC', symbol: 'ASC' },
    });
  }

  enabled(manager?: EntityManager): Promise<Instrument[]> {
    const repository = manager ? manager.getRepository(Instrument) : this.instruments;
    return repository.find({ where: { enabled: true }, order: { symbol: 'ASC' } });
  }

  /** The instrument, or a 404 that says which symbols exist. */
  async require(symbol: string): Promise<Instrument> {
    const instrument = await this.instruments.findOneBy({ symbol });
    if (instrument) return instrument;
    const known = (await this.instruments.find({ select: { symbol: true }, order: { symbol: 'ASC' } })).map(
      (row) => row.symbol,
    );
    throw new NotFoundException(`Unknown symbol '${symbol}'. Known symbols: ${known.join(', ')}`);
  }

  /** Adds an instrument; the refresh quotes it from the next tick on. An existing symbol is a 409. */
  async create(dto: CreateInstrumentDto): Promise<Instrument> {
    if (dto.symbol === 'LATEST') {
      throw new UnprocessableEntityException(
        "'LATEST' cannot be a symbol: /prices/latest is the list of every quote",
      );
    }
    this.requireQuotable(dto.symbol, { ...dto, providerSymbols: dto.providerSymbols ?? {} });
    const inserted: Instrument[] = await this.instruments.manager.query(
      `INSERT INTO instruments (symbol, name, category, unit, currency, calendar, exchange_timezone,
                                reference_price, annual_volatility, price_decimals, provider_symbols, provider_order,
                                enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (symbol) DO NOTHING
       RETURNING symbol`,
      [
        dto.symbol,
        dto.name,
        dto.category,
        dto.unit,
        dto.currency,
        dto.calendar,
        dto.calendar === 'exchange' ? dto.exchangeTimezone : (dto.exchangeTimezone ?? null),
        dto.referencePrice,
        dto.annualVolatility,
        dto.priceDecimals,
        JSON.stringify(dto.providerSymbols ?? {}),
        providerOrder(dto.providerOrder),
        dto.enabled ?? true,
      ],
    );
    if (inserted.length === 0) {
      throw new ConflictException(
        `Instrument '${dto.symbol}' exists already; change it with PATCH /instruments/${dto.symbol}`,
      );
    }
    return this.require(dto.symbol);
  }

  async update(symbol: string, dto: UpdateInstrumentDto): Promise<Instrument> {
    // The DTO's optional fields let null through as "left out"; only these two mean something by it.
    const nulled = Object.entries(dto)
      .filter(([key, value]) => value === null && !NULLABLE_ON_UPDATE.has(key))
      .map(([key]) => key);
    if (nulled.length > 0) {
      throw new BadRequestException(
        `${nulled.join(', ')} cannot be null; leave a field out to keep its value` +
          ' (only exchangeTimezone and providerOrder may be set to null)',
      );
    }
    const instrument = await this.require(symbol);
    const next: Instrument = { ...instrument, ...withoutUndefined(dto) } as Instrument;
    if (next.calendar === 'exchange' && !next.exchangeTimezone) {
      throw new UnprocessableEntityException(
        `Instrument '${symbol}' trades on exchange hours only with an exchangeTimezone such as America/New_York`,
      );
    }
    // Checked when the change is about who quotes it: an order a later configuration change left unusable
    // (the runtime falls back to the global order) must not block renaming or retiring the instrument.
    if (QUOTING_FIELDS.some((field) => dto[field] !== undefined)) this.requireQuotable(symbol, next);
    await this.instruments.update(
      { symbol },
      {
        name: next.name,
        category: next.category,
        unit: next.unit,
        calendar: next.calendar,
        exchangeTimezone: next.exchangeTimezone ?? null,
        referencePrice: next.referencePrice,
        annualVolatility: next.annualVolatility,
        providerSymbols: next.providerSymbols,
        providerOrder: providerOrder(next.providerOrder),
        enabled: next.enabled,
      },
    );
    return this.require(symbol);
  }

  /**
   * A 422 unless some provider of the instrument's own order could quote it here: one naming only
   * providers this deployment does not ask, or only ones without a symbol for it, would leave it unpriced.
   */
  private requireQuotable(
    symbol: string,
    instrument: Coverable & { providerOrder?: PriceProviderName[] | null },
  ): void {
    const order = providerOrder(instrument.providerOrder);
    if (!order) return;
    const usable = usableProviders(this.config);
    const reasons = order.map((name) => {
      const reason = usable.includes(name) ? cannotQuote(name, instrument) : 'not configured here';
      return reason === undefined ? undefined : `${name}: ${reason}`;
    });
    if (reasons.some((reason) => reason === undefined)) return;
    throw new UnprocessableEntityException(
      `No provider in providerOrder could quote '${symbol}' (${reasons.join('; ')}); this deployment ` +
        `asks ${usable.join(', ')}. List one of those that has a providerSymbols entry for it ` +
        `(frankfurter: fx pairs only), or null for the global order`,
    );
  }
}

/** What decides which providers can quote an instrument. */
const QUOTING_FIELDS = ['providerOrder', 'providerSymbols', 'category'] as const;

/** Fields a PATCH may clear with null: no exchange time zone (not exchange-traded), the global provider order. */
const NULLABLE_ON_UPDATE = new Set(['exchangeTimezone', 'providerOrder']);

/** An empty order is stored as null: both mean the global order, and one spelling keeps reads simple. */
function providerOrder(order: PriceProviderName[] | null | undefined): PriceProviderName[] | null {
  return order && order.length > 0 ? order : null;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
