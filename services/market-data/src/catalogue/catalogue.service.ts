import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Instrument } from './instrument.entity';

@Injectable()
export class CatalogueService {
  constructor(@InjectRepository(Instrument) private readonly instruments: Repository<Instrument>) {}

  list(): Promise<Instrument[]> {
    return this.instruments.find({ order: { category: 'ASC', symbol: 'ASC' } });
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
}
