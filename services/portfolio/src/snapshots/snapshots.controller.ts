import { BadRequestException, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { HoldingsService } from '../holdings/holdings.service';
import { trimZeros } from '../money/decimal-text';
import { SnapshotDto, SnapshotsQuery } from './dto/snapshot.dto';
import { SnapshotsRepository } from './snapshots.repository';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('portfolio id must be a UUID'),
});
const MAX_DAYS = 3660;

@ApiTags('snapshots')
@Authenticated()
@Controller('portfolios/:portfolioId/snapshots')
export class SnapshotsController {
  constructor(
    private readonly holdings: HoldingsService,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Daily snapshots between two days (inclusive), oldest first' })
  @ApiOkResponse({ type: [SnapshotDto] })
  @ApiNotFoundResponse()
  async list(
    @Param('portfolioId', uuid) id: string,
    @Query() query: SnapshotsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SnapshotDto[]> {
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from = query.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10);
    if (from > to) throw new BadRequestException(`from (${from}) is after to (${to})`);
    if (Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000) {
      throw new BadRequestException(`at most ${MAX_DAYS} days per request`);
    }
    const portfolio = await this.holdings.owned(id, user.id);
    const rows = await this.snapshots.between(portfolio.id, from, to);
    return rows.map((row) => ({
      day: row.day,
      baseCurrency: row.base_currency,
      value: trimZeros(row.value),
      costBasis: trimZeros(row.cost_basis),
      cash: trimZeros(row.cash),
      stale: row.stale,
      holdings: row.holdings.map((holding) => ({
        symbol: holding.symbol,
        quantity: trimZeros(holding.quantity),
        ...(holding.price !== null ? { price: trimZeros(holding.price) } : {}),
        ...(holding.value !== null ? { value: trimZeros(holding.value) } : {}),
      })),
      takenAt: row.taken_at.toISOString(),
    }));
  }
}
