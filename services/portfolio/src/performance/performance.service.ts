import { Injectable } from '@nestjs/common';
import type { Decimal } from 'decimal.js';
import { DataSource, type EntityManager } from 'typeorm';
import { amount, percentOf, sum, type ValuedHolding } from '../holdings/holding-valuation';
import { HoldingsRepository } from '../holdings/holdings.repository';
import { HoldingsService } from '../holdings/holdings.service';
import { ZERO, money, toAmount, toPercent } from '../money/money';
import { SnapshotsRepository, type SnapshotRow } from '../snapshots/snapshots.repository';
import { TransactionsRepository } from '../transactions/transactions.repository';
import type { LedgerEntry } from '../transactions/transaction-types';
import type { HoldingPerformanceDto, PerformanceDto } from './dto/performance.dto';
import { holdingSeries, type HoldingsPoint } from './holding-series';
import { entryFlows } from './ledger-flows';
import { rangeBaseline, type PerformanceRange } from './performance-ranges';
import { rangeReturns, type RangeReturns } from './range-returns';

const DAY_MS = 86_400_000;
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * Gains are since inception (from the ledger); returns (TWR, XIRR, drawdown) cover the range, from the
 * daily snapshots and the live value, for the portfolio and alike for each holding. Amounts in other
 * currencies are converted at today's rate.
 */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly holdings: HoldingsService,
    private readonly holdingsRepository: HoldingsRepository,
    private readonly transactions: TransactionsRepository,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  /**
   * Every read of one request sees the same committed state: a transaction deleted between the holdings
   * read and the reversals read would otherwise be both still in the value and gone from it (a mistaken
   * buy of half the holdings deleted then reads as +50 %).
   */
  async get(id: string, owner: string, range: PerformanceRange, now = new Date()): Promise<PerformanceDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.read(manager, id, owner, range, now);
    });
  }

  private async read(
    manager: EntityManager,
    id: string,
    owner: string,
    range: PerformanceRange,
    now: Date,
  ): Promise<PerformanceDto> {
    const portfolio = await this.holdings.owned(id, owner, manager);
    const today = now.toISOString().slice(0, 10);
    const valued = await this.holdings.valued(portfolio, now, manager);
    const cash = await this.holdingsRepository.cash(portfolio.id, portfolio.base_currency, manager);
    const rates = new Map<string, Decimal>();
    for (const holding of valued) if (holding.fxRate) rates.set(holding.currency, holding.fxRate);
    for (const row of cash) if (row.fx_rate) rates.set(row.currency, money(row.fx_rate));
    const ledger = await this.transactions.ledger(manager, portfolio.id);
    // The returns are measured against snapshots, which may still hold transactions deleted since: their
    // flows (and their deletions') count with the live ledger's. Gains, fees and holdings do not.
    const reversals = await this.transactions.reversals(manager, portfolio.id, portfolio.base_currency);
    for (const entry of reversals) {
      if (entry.fxRate && !rates.has(entry.currency)) rates.set(entry.currency, money(entry.fxRate));
    }
    const history: (LedgerEntry & { seq: number; reversedSeq?: number })[] = [...ledger, ...reversals];
    const firstDate = history.reduce<string | undefined>(
      (first, entry) => (first === undefined || entry.tradeDate < first ? entry.tradeDate : first),
      undefined,
    );

    const value = sum(valued.map((holding) => holding.marketValue));
    // By quantity: `value` leaves out what could not be priced, so zero is not nothing held.
    const held = valued.some((holding) => !holding.quantity.isZero());
    const baseline = rangeBaseline(range, today) ?? (firstDate ? dayBefore(firstDate) : today);
    let start: HoldingsPoint = { date: baseline, value: ZERO, seenSeq: 0, held: false, holdings: new Map() };
    let partial = false;
    // A change of base currency keeps the snapshots taken before it (rather than being refused once there
    // are some): returns use only those in the current currency, so a value is never compared with one in
    // another unit. A range starting before the change is partial, from the first snapshot after it.
    const inBase = (rows: SnapshotRow[]) =>
      rows.filter((row) => row.base_currency === portfolio.base_currency);
    const atStart = await this.snapshots.lastOnOrBefore(portfolio.id, baseline, manager);
    if (atStart && atStart.base_currency === portfolio.base_currency) {
      start = { ...snapshotPoint(atStart), date: baseline };
    } else if (atStart || (firstDate !== undefined && firstDate <= baseline)) {
      // Holdings existed before the range but were never snapshotted then (or not in this currency): start
      // at the first snapshot.
      const [first] = inBase(await this.snapshots.between(portfolio.id, baseline, today, manager));
      partial = true;
      start = first
        ? snapshotPoint(first)
        : {
            date: today,
            value,
            seenSeq: Infinity,
            held,
            holdings: new Map(valued.map((holding) => [holding.symbol, amount(holding.marketValue) ?? null])),
          };
    }
    const inRange = inBase(await this.snapshots.between(portfolio.id, start.date, today, manager)).map(
      snapshotPoint,
    );
    const from = start.date === baseline && !partial ? nextDay(baseline) : start.date;
    const returns = rangeReturns(
      start,
      inRange,
      { date: today, value, held },
      { gross: entryFlows(history, rates, false), net: entryFlows(history, rates, true) },
    );

    // Each holding over the same points: its line in each snapshot, its own trades, fees and dividends.
    const ledgerOf = new Map<string, typeof history>();
    for (const entry of history) {
      if (!entry.symbol) continue;
      const entries = ledgerOf.get(entry.symbol);
      if (entries) entries.push(entry);
      else ledgerOf.set(entry.symbol, [entry]);
    }
    const holdingReturns = (holding: ValuedHolding): HoldingReturns | undefined => {
      const nowValue = holding.quantity.isZero() ? ZERO : holding.marketValue;
      const series = holdingSeries(holding.symbol, start, inRange, {
        date: today,
        value: holding.fxRate ? nowValue : undefined,
        held: !holding.quantity.isZero(),
      });
      if (!series) return undefined;
      const entries = ledgerOf.get(holding.symbol) ?? [];
      // A start that could not value the holding moves to the first point that does (see holdingSeries).
      const moved = series.start.date !== start.date;
      return {
        returns: rangeReturns(series.start, series.snapshots, series.now, {
          gross: entryFlows(entries, rates, false),
          net: entryFlows(entries, rates, true),
        }),
        from: moved ? series.start.date : from,
        partial: partial || moved,
      };
    };

    const accountFees = sum(
      ledger
        .filter((entry) => entry.type === 'fee' && !entry.symbol && rates.has(entry.currency))
        .map((entry) => money(entry.amount!).plus(entry.fees).times(rates.get(entry.currency)!)),
    );
    const unrealised = sum(valued.map((holding) => holding.unrealisedGain));
    const realised = sum(valued.map((holding) => holding.realisedGain));
    const dividends = sum(valued.map((holding) => holding.dividends));
    const fees = sum(valued.map((holding) => holding.fees)).plus(accountFees);
    const invested = sum(valued.map((holding) => holding.invested));
    const grossGain = unrealised.plus(realised).plus(dividends);
    const netGain = grossGain.minus(fees);

    const perHolding = valued.map((holding) => holdingPerformance(holding, holdingReturns(holding)));
    const ranked = perHolding
      .filter((holding) => holding.returnPercent !== undefined)
      .sort((a, b) => money(b.returnPercent!).comparedTo(money(a.returnPercent!)));
    const average =
      ranked.length > 0
        ? sum(ranked.map((holding) => money(holding.returnPercent!)))
            .dividedBy(ranked.length)
            .toFixed(4)
        : undefined;

    return {
      range,
      from,
      to: today,
      baseCurrency: portfolio.base_currency,
      value: toAmount(value),
      stale: valued.some((holding) => holding.stale),
      unrealisedGain: toAmount(unrealised),
      realisedGain: toAmount(realised),
      dividends: toAmount(dividends),
      fees: toAmount(fees),
      ...defined('unrealisedGainPercent', percentOf(unrealised, sum(valued.map(openCost)))),
      ...defined('realisedGainPercent', percentOf(realised, sum(valued.map(soldCost)))),
      grossGain: toAmount(grossGain),
      netGain: toAmount(netGain),
      ...defined('grossGainPercent', percentOf(grossGain, invested)),
      ...defined('netGainPercent', percentOf(netGain, invested)),
      dayChange: toAmount(sum(valued.map((holding) => holding.dayChange))),
      ...returnFigures(returns),
      points: returns.points,
      partial,
      ...defined('topGainer', ranked[0]),
      ...defined('topLoser', ranked.length > 1 ? ranked[ranked.length - 1] : undefined),
      ...defined('averageHoldingReturnPercent', average),
      holdings: perHolding,
    };
  }
}

/** One holding's returns, and the days they cover (as the portfolio's `from` and `partial`). */
interface HoldingReturns {
  returns: RangeReturns;
  from: string;
  partial: boolean;
}

function holdingPerformance(
  holding: ValuedHolding,
  measured: HoldingReturns | undefined,
): HoldingPerformanceDto {
  const gain =
    holding.realisedGain && holding.dividends
      ? (holding.unrealisedGain ?? ZERO).plus(holding.realisedGain).plus(holding.dividends)
      : undefined;
  return {
    symbol: holding.symbol,
    ...defined('unrealisedGain', amount(holding.unrealisedGain)),
    ...defined('unrealisedGainPercent', percentOf(holding.unrealisedGain, openCost(holding))),
    ...defined('realisedGain', amount(holding.realisedGain)),
    ...defined('realisedGainPercent', percentOf(holding.realisedGain, soldCost(holding))),
    ...defined('dividends', amount(holding.dividends)),
    ...defined('fees', amount(holding.fees)),
    ...defined('returnPercent', percentOf(gain, holding.invested)),
    ...defined('dayChange', amount(holding.dayChange)),
    ...(measured
      ? { ...returnFigures(measured.returns), from: measured.from, partial: measured.partial }
      : {}),
  };
}

function returnFigures(
  returns: RangeReturns,
): Pick<
  PerformanceDto,
  'twrGrossPercent' | 'twrNetPercent' | 'xirrPercent' | 'xirrUndefinedReason' | 'maxDrawdownPercent'
> {
  return {
    twrGrossPercent: toPercent(returns.twrGross),
    twrNetPercent: toPercent(returns.twrNet),
    ...(returns.xirr.defined
      ? { xirrPercent: toPercent(returns.xirr.rate) }
      : { xirrUndefinedReason: returns.xirr.reason }),
    maxDrawdownPercent: toPercent(returns.maxDrawdown),
  };
}

/** Cost of the shares still held, where it is known with an unrealised gain to set against it. */
const openCost = (holding: ValuedHolding) => (holding.unrealisedGain ? holding.costBasis : undefined);

/** Cost of every share sold: all ever bought less what is still held (the cost sales took out). */
const soldCost = (holding: ValuedHolding) =>
  holding.realisedGain && holding.invested && holding.costBasis
    ? holding.invested.minus(holding.costBasis)
    : undefined;

const snapshotPoint = (row: SnapshotRow): HoldingsPoint => ({
  date: row.day,
  value: money(row.value),
  seenSeq: Number(row.ledger_seq),
  held: row.holdings.some((line) => !money(line.quantity).isZero()),
  holdings: new Map(row.holdings.map((line) => [line.symbol, line.value])),
});

function defined<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
