import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { money, toAmount, toQuantity } from '../money/money';
import { trimZeros } from '../money/decimal-text';
import { PortfoliosRepository, type PortfolioRow } from '../portfolios/portfolios.repository';
import { ValuationService } from '../valuation/valuation.service';
import type { HoldingDto, HoldingsDto } from './dto/holding.dto';
import { amount, percentOf, sum, valueHoldings, type ValuedHolding } from './holding-valuation';
import { HoldingsRepository } from './holdings.repository';

/** Live holdings: valued at read time from the projection, so they are as fresh as the last price event. */
@Injectable()
export class HoldingsService {
  constructor(
    private readonly portfolios: PortfoliosRepository,
    private readonly holdings: HoldingsRepository,
    private readonly valuation: ValuationService,
  ) {}

  /** `manager`: read within the caller's transaction (as every read of one performance request is). */
  async owned(id: string, owner: string, manager?: EntityManager): Promise<PortfolioRow> {
    const portfolio = await this.portfolios.findOwned(id, owner, manager);
    if (!portfolio) throw new NotFoundException(`no portfolio ${id}`);
    return portfolio;
  }

  async valued(portfolio: PortfolioRow, now: Date, manager?: EntityManager): Promise<ValuedHolding[]> {
    const rows = await this.holdings.pricedPositions(portfolio.id, portfolio.base_currency, manager);
    return valueHoldings(rows, this.valuation.staleBefore(now), now.toISOString().slice(0, 10));
  }

  async get(id: string, owner: string, now = new Date()): Promise<HoldingsDto> {
    const portfolio = await this.owned(id, owner);
    const open = (await this.valued(portfolio, now)).filter((holding) => !holding.quantity.isZero());
    const cashRows = await this.holdings.cash(portfolio.id, portfolio.base_currency);
    const value = sum(open.map((holding) => holding.marketValue));
    const cashValues = cashRows.map((row) =>
      row.fx_rate ? money(row.amount).times(row.fx_rate) : undefined,
    );
    const cash = sum(cashValues);
    return {
      portfolioId: portfolio.id,
      baseCurrency: portfolio.base_currency,
      value: toAmount(value),
      cash: toAmount(cash),
      totalValue: toAmount(value.plus(cash)),
      stale: open.some((holding) => holding.stale),
      holdings: open.map((holding) => toHoldingDto(holding, value)),
      cashBalances: cashRows.map((row, index) => ({
        currency: row.currency,
        amount: trimZeros(row.amount),
        ...(cashValues[index] ? { value: toAmount(cashValues[index]) } : {}),
      })),
    };
  }
}

function toHoldingDto(holding: ValuedHolding, total: ReturnType<typeof money>): HoldingDto {
  const defined = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    symbol: holding.symbol,
    currency: holding.currency,
    quantity: trimZeros(toQuantity(holding.quantity)),
    ...defined('price', holding.price?.toFixed()),
    ...defined('priceAsOf', holding.priceAsOf?.toISOString()),
    synthetic: holding.synthetic,
    stale: holding.stale,
    ...defined('fxRate', holding.fxRate?.toSignificantDigits(12).toFixed()),
    ...defined('marketValue', amount(holding.marketValue)),
    ...defined('costBasis', amount(holding.costBasis)),
    ...defined(
      'averageCost',
      holding.costBasis ? toAmount(holding.costBasis.dividedBy(holding.quantity)) : undefined,
    ),
    ...defined('unrealisedGain', amount(holding.unrealisedGain)),
    ...defined('unrealisedGainPercent', percentOf(holding.unrealisedGain, holding.costBasis)),
    ...defined('realisedGain', amount(holding.realisedGain)),
    ...defined('dividends', amount(holding.dividends)),
    ...defined('fees', amount(holding.fees)),
    ...defined('dayChange', amount(holding.dayChange)),
    ...defined('weight', percentOf(holding.marketValue, total)),
  };
}
