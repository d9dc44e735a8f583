import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { SnapshotsQuery } from '../snapshots/dto/snapshot.dto';
import { trimZeros } from '../money/decimal-text';
import { PerformanceDto, PerformanceQuery, PerformanceSummaryDto } from './dto/performance.dto';
import { PerformanceSummariesRepository } from './performance-summaries.repository';
import { PerformanceService } from './performance.service';
import { HoldingsService } from '../holdings/holdings.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('portfolio id must be a UUID'),
});

@ApiTags('performance')
@Authenticated()
@Controller('portfolios/:portfolioId/performance')
export class PerformanceController {
  constructor(
    private readonly performance: PerformanceService,
    private readonly holdings: HoldingsService,
    private readonly summaries: PerformanceSummariesRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Gains (unrealised, realised, dividends, fees; gross and net), day change, TWR, XIRR and max drawdown',
  })
  @ApiOkResponse({ type: PerformanceDto })
  @ApiNotFoundResponse()
  get(
    @Param('portfolioId', uuid) id: string,
    @Query() query: PerformanceQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PerformanceDto> {
    return this.performance.get(id, user.id, query.range ?? 'MAX');
  }

  @Get('daily')
  @ApiOperation({
    summary: 'The 17:00 figures per day: gains, day change, top gainer and loser, average holding return',
  })
  @ApiOkResponse({ type: [PerformanceSummaryDto] })
  @ApiNotFoundResponse()
  async daily(
    @Param('portfolioId', uuid) id: string,
    @Query() query: SnapshotsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PerformanceSummaryDto[]> {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10);
    if (from > to) throw new BadRequestException(`from (${from}) is after to (${to})`);
    const portfolio = await this.holdings.owned(id, user.id);
    const rows = await this.summaries.between(portfolio.id, from, to);
    const optional = (key: string, value: string | null) =>
      value === null ? {} : { [key]: trimZeros(value) };
    return rows.map((row) => ({
      day: row.day,
      grossGain: trimZeros(row.gross_gain),
      netGain: trimZeros(row.net_gain),
      dayChange: trimZeros(row.day_change),
      ...(row.top_gainer ? { topGainer: row.top_gainer } : {}),
      ...optional('topGainerPercent', row.top_gainer_percent),
      ...(row.top_loser ? { topLoser: row.top_loser } : {}),
      ...optional('topLoserPercent', row.top_loser_percent),
      ...optional('averageReturnPercent', row.average_return_percent),
      computedAt: row.computed_at.toISOString(),
    }));
  }
}
