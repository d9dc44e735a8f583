import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { DailyHistoryService } from '../history/daily-history.service';
import { DailyHistoryDto } from './dto/daily-history.dto';
import { HistoryQueryDto, LatestQueryDto } from './dto/history-query.dto';
import { PriceDto, PriceHistoryDto } from './dto/price.dto';
import { PricesService } from './prices.service';
import { rangeStart } from './history-range';
import { SymbolPipe } from './symbol.pipe';

@ApiTags('prices')
@Controller('prices')
export class PricesController {
  constructor(
    private readonly prices: PricesService,
    private readonly daily: DailyHistoryService,
  ) {}

  @Get('latest')
  @ApiOperation({ summary: 'The latest price of every instrument that has one' })
  @ApiOkResponse({ type: [PriceDto] })
  latest(@Query() query: LatestQueryDto): Promise<PriceDto[]> {
    return this.prices.latest(query.category);
  }

  @Get(':symbol')
  @ApiOperation({ summary: 'The latest price of one instrument' })
  @ApiOkResponse({ type: PriceDto })
  @ApiNotFoundResponse({ description: 'Unknown symbol, or no price yet' })
  one(@Param('symbol', SymbolPipe) symbol: string): Promise<PriceDto> {
    return this.prices.latestFor(symbol);
  }

  @Get(':symbol/history')
  @ApiOperation({
    summary: 'History of one instrument between from and to',
    description:
      '`interval=tick`: stored prices, by default the last 24 h; `1m`/`5m`/`15m`/`1h`: those prices in OHLC ' +
      'buckets; without an interval, every tick when they fit in `limit`, else the finest bucket that does. ' +
      '`interval=1d`: daily bars by trading day, by default the last 365 days, real or flagged synthetic.',
  })
  @ApiExtraModels(PriceHistoryDto, DailyHistoryDto)
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(PriceHistoryDto) }, { $ref: getSchemaPath(DailyHistoryDto) }] },
  })
  @ApiBadRequestResponse({ description: 'Not a symbol, an unknown interval, a bad date, from after to' })
  @ApiNotFoundResponse({ description: 'Unknown symbol' })
  history(
    @Param('symbol', SymbolPipe) symbol: string,
    @Query() query: HistoryQueryDto,
  ): Promise<PriceHistoryDto | DailyHistoryDto> {
    if (query.range !== undefined) {
      if (query.from !== undefined) {
        throw new BadRequestException(
          'Give either range or from, not both: range already says where to start',
        );
      }
      const to = query.to ? new Date(query.to) : new Date();
      query = { ...query, from: rangeStart(query.range, to).toISOString() };
    }
    return query.interval === '1d' ? this.daily.history(symbol, query) : this.prices.history(symbol, query);
  }
}
