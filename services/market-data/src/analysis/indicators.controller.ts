import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import { indicatorSnapshot, indicatorWindows, type IndicatorSnapshot } from '../indicators';
import { SymbolPipe } from '../prices/symbol.pipe';
import { DailyBarsRepository } from '../signals/daily-bars.repository';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly bars: DailyBarsRepository,
  ) {}

  @Get(':symbol')
  @ApiOperation({
    summary:
      'Latest indicators from daily bars: SMA/EMA 20/50/200, RSI14, MACD(12,26,9), Bollinger(20,2), momentum 1M/3M/6M, 52-week range, realised volatility (null where history is short)',
  })
  @ApiOkResponse({ description: 'Decimal strings, 8 places' })
  @ApiNotFoundResponse({ description: 'Unknown symbol, or no daily bars yet' })
  async snapshot(
    @Param('symbol', SymbolPipe) symbol: string,
  ): Promise<{ symbol: string } & IndicatorSnapshot> {
    const instrument = await this.catalogue.require(symbol);
    const windows = indicatorWindows(instrument.calendar);
    const bars = await this.bars.forSymbol(
      this.dataSource.manager,
      instrument.symbol,
      Math.max(300, windows.year),
    );
    if (bars.length === 0) {
      throw new NotFoundException(
        `No daily bars for '${instrument.symbol}' yet; the start-up backfill brings them`,
      );
    }
    return { symbol: instrument.symbol, ...indicatorSnapshot(bars, windows) };
  }
}
