import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LedgerService } from '../transactions/ledger.service';
import { ValuationService } from '../valuation/valuation.service';
import { ValuedPublisher } from '../valuation/valued.publisher';
import type { CreatePortfolioDto, PortfolioDto, UpdatePortfolioDto } from './dto/portfolio.dto';
import { PortfoliosRepository, toPortfolioDto } from './portfolios.repository';

/** Portfolios of the caller; anyone else's is answered exactly like one that does not exist. */
@Injectable()
export class PortfoliosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portfolios: PortfoliosRepository,
    private readonly ledger: LedgerService,
    private readonly valuation: ValuationService,
    private readonly publisher: ValuedPublisher,
  ) {}

  async create(owner: string, input: CreatePortfolioDto): Promise<PortfolioDto> {
    const row = await this.portfolios.create(
      owner,
      input.name,
      input.baseCurrency,
      input.costMethod ?? 'average',
    );
    return toPortfolioDto(row, this.valuation.staleBefore(new Date()));
  }

  async list(owner: string): Promise<PortfolioDto[]> {
    const staleBefore = this.valuation.staleBefore(new Date());
    return (await this.portfolios.listOwned(owner)).map((row) => toPortfolioDto(row, staleBefore));
  }

  async get(id: string, owner: string): Promise<PortfolioDto> {
    const row = await this.portfolios.findOwned(id, owner);
    if (!row) throw new NotFoundException(`no portfolio ${id}`);
    return toPortfolioDto(row, this.valuation.staleBefore(new Date()));
  }

  /** A new cost method replays the ledger; a new base currency revalues. */
  async update(
    id: string,
    owner: string,
    input: UpdatePortfolioDto,
    now = new Date(),
  ): Promise<PortfolioDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.portfolios.findOwned(id, owner, manager, true);
      if (!before) throw new NotFoundException(`no portfolio ${id}`);
      await this.portfolios.update(manager, id, input);
      const after = (await this.portfolios.findOwned(id, owner, manager))!;
      if (after.cost_method !== before.cost_method) await this.ledger.rebuild(manager, after, now);
      else if (after.base_currency !== before.base_currency) {
        // A new base currency changes the value's unit, not its worth: a flow for the index.
        await this.valuation.revalue(manager, { kind: 'portfolios', ids: [id] }, now, { flow: true });
      }
    });
    this.publisher.kick();
    return this.get(id, owner);
  }

  async remove(id: string, owner: string): Promise<void> {
    if (!(await this.portfolios.delete(id, owner))) throw new NotFoundException(`no portfolio ${id}`);
  }
}
