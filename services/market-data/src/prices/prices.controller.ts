import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryQueryDto, LatestQueryDto } from './dto/history-query.dto';
import { PriceDto, PriceHistoryDto } from './dto/price.dto';
import { PricesService } from './prices.service';
import { SymbolPipe } from './symbol.pipe';

@ApiTags('prices')
@Controller('prices')
export class PricesController {
  constructor(private readonly prices: PricesService) {}

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
  @ApiOperation({ summary: 'Stored prices of one instrument between from and to (default: the last 24 h)' })
  @ApiOkResponse({ type: PriceHistoryDto })
  history(
    @Param('symbol', SymbolPipe) symbol: string,
    @Query() query: HistoryQueryDto,
  ): Promise<PriceHistoryDto> {
    return this.prices.history(symbol, query);
  }
}
