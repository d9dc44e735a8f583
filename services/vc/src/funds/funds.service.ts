import { Injectable, Logger, NotFoundException, type OnModuleDestroy } from '@nestjs/common';
import Decimal from 'decimal.js';
import { distribution } from '../analytics/distribution';
import { IndexLevelsRepository } from '../index-levels/index-levels.repository';
import { VcConfig } from '../vc.config';
import type { FigureDto, FundDetailDto, FundDto, QuartilesDto, VintageBenchmarkDto } from './dto/fund.dto';
import { fundReturns, ksPme, type Defined, type IndexLevel } from './fund-returns';
import { FundsRepository, type FundRecord } from './funds.repository';

const figure = (result: Defined<Decimal>, places: number): FigureDto =>
  result.defined
    ? { defined: true, value: result.value.toFixed(places) }
    : { defined: false, reason: result.reason };

const quartiles = (values: Decimal[], places: number): QuartilesDto => {
  const stats = distribution(values);
  return {
    count: stats.count,
    ...(stats.count > 0
      ? {
          lowerQuartile: stats.lowerQuartile!.toFixed(places),
          median: stats.median!.toFixed(places),
          upperQuartile: stats.upperQuartile!.toFixed(places),
        }
      : {}),
  };
};

/** Distinct cash-flow histories whose returns are kept; far more than the funds of any dataset. */
const MAX_CACHED = 10_000;

/**
 * Fund returns. Multiples and IRR are currency-free ratios, so funds of different currencies can share a
 * benchmark; amounts stay in each fund's own currency and are never summed across funds.
 */
@Injectable()
export class FundsService implements OnModuleDestroy {
  private readonly logger = new Logger(FundsService.name);
  private warming: Promise<void> = Promise.resolve();
  /**
   * XIRR on decimals costs tens of milliseconds per fund, and the flows change only on a sync or import:
   * results are kept by the exact flows they were computed from, so a changed fund is recomputed.
   */
  private readonly returnsCache = new Map<string, ReturnType<typeof fundReturns>>();

  constructor(
    private readonly funds: FundsRepository,
    private readonly index: IndexLevelsRepository,
    private readonly config: VcConfig,
  ) {}

  /** After a sync: computes the returns in the background, so the first reader does not wait for them. */
  warmInBackground(): void {
    this.warming = this.warming
      .then(async () => {
        await this.benchmarks();
      })
      .catch((error: unknown) => this.logger.warn({ msg: 'fund returns not precomputed', err: error }));
  }

  async onModuleDestroy(): Promise<void> {
    await this.warming;
  }

  async list(vintage?: number): Promise<FundDto[]> {
    const [records, levels] = await Promise.all([this.funds.load({ vintage }), this.levels()]);
    return records.map((record) => this.toDto(record, levels));
  }

  async detail(id: string): Promise<FundDetailDto> {
    const [[record], levels] = await Promise.all([this.funds.load({ id }), this.levels()]);
    if (!record) throw new NotFoundException(`No fund '${id}'`);
    return {
      ...this.toDto(record, levels),
      pmeIndex: this.config.VC_PME_INDEX_SYMBOL,
      flows: record.flows.map((flow) => ({ kind: flow.kind, date: flow.date, amount: String(flow.amount) })),
    };
  }

  /** Median and quartiles of each vintage's TVPI, DPI and net IRR. */
  async benchmarks(): Promise<VintageBenchmarkDto[]> {
    const records = await this.funds.load();
    const byVintage = new Map<number, ReturnType<typeof fundReturns>[]>();
    for (const record of records) {
      const list = byVintage.get(record.vintage) ?? [];
      list.push(this.returns(record.flows));
      byVintage.set(record.vintage, list);
    }
    const defined = (results: Defined<Decimal>[]) =>
      results.flatMap((result) => (result.defined ? [result.value] : []));
    return [...byVintage.entries()].map(([vintage, results]) => ({
      vintage,
      funds: results.length,
      tvpi: quartiles(defined(results.map((result) => result.tvpi)), 4),
      dpi: quartiles(defined(results.map((result) => result.dpi)), 4),
      irr: quartiles(defined(results.map((result) => result.irr)), 6),
    }));
  }

  private levels(): Promise<IndexLevel[]> {
    return this.index.series(this.config.VC_PME_INDEX_SYMBOL);
  }

  private pme(record: FundRecord, levels: IndexLevel[]): Defined<Decimal> {
    const index = this.config.VC_PME_INDEX_CURRENCY;
    if (record.currency !== index) {
      return {
        defined: false,
        reason: `the fund is in ${record.currency} and the index ${this.config.VC_PME_INDEX_SYMBOL} in ${index}: a PME needs both in one currency`,
      };
    }
    return ksPme(record.flows, levels);
  }

  private returns(flows: FundRecord['flows']): ReturnType<typeof fundReturns> {
    const key = JSON.stringify(flows);
    let returns = this.returnsCache.get(key);
    if (!returns) {
      if (this.returnsCache.size >= MAX_CACHED) this.returnsCache.clear();
      returns = fundReturns(flows);
      this.returnsCache.set(key, returns);
    }
    return returns;
  }

  private toDto(record: FundRecord, levels: IndexLevel[]): FundDto {
    const returns = this.returns(record.flows);
    return {
      id: record.id,
      name: record.name,
      managerId: record.managerId,
      managerName: record.managerName,
      vintage: record.vintage,
      size: record.size,
      currency: record.currency,
      strategy: record.strategy,
      committed: record.committed,
      returns: {
        ...(returns.asOf ? { asOf: returns.asOf } : {}),
        paidIn: returns.paidIn.toFixed(2),
        distributed: returns.distributed.toFixed(2),
        nav: returns.nav.toFixed(2),
        tvpi: figure(returns.tvpi, 4),
        dpi: figure(returns.dpi, 4),
        rvpi: figure(returns.rvpi, 4),
        irr: figure(returns.irr, 6),
        pme: figure(this.pme(record, levels), 4),
      },
    };
  }
}
