import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '@marketpulse/auth';
import { HistoryBackfillService } from '../history/history-backfill.service';
import { LatestQuoteCache } from '../prices/latest-quote-cache';
import { SymbolPipe } from '../prices/symbol.pipe';
import { CatalogueService } from './catalogue.service';
import { CreateInstrumentDto } from './dto/create-instrument.dto';
import { InstrumentsQueryDto } from './dto/instruments-query.dto';
import { UpdateInstrumentDto } from './dto/update-instrument.dto';
import type { Instrument } from './instrument.entity';

/** The catalogue is data: operators add, change and retire instruments here without a release. */
@ApiTags('catalogue')
@Controller('instruments')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryBackfillService,
    private readonly quotes: LatestQuoteCache,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The symbol catalogue: name, category, unit, currency, trading calendar, providers',
  })
  list(@Query() query: InstrumentsQueryDto): Promise<Instrument[]> {
    return this.catalogue.list({
      category: query.category,
      enabled: query.enabled === undefined ? undefined : query.enabled === 'true',
    });
  }

  @Get(':symbol')
  @ApiOperation({ summary: 'One catalogue entry' })
  @ApiNotFoundResponse({ description: 'Unknown symbol; the message lists the known ones' })
  get(@Param('symbol', SymbolPipe) symbol: string): Promise<Instrument> {
    return this.catalogue.require(symbol);
  }

  @Post()
  @AdminOnly()
  @ApiOperation({
    summary: 'Add an instrument (admin)',
    description:
      'Quoted from the next refresh on; on the offline default its daily history is generated in the background.',
  })
  @ApiCreatedResponse({ description: 'The new catalogue entry' })
  @ApiConflictResponse({ description: 'The symbol exists already' })
  async create(@Body() body: CreateInstrumentDto): Promise<Instrument> {
    const instrument = await this.catalogue.create(body);
    this.quotes.invalidate();
    if (instrument.enabled) this.history.backfillInBackground();
    return instrument;
  }

  @Patch(':symbol')
  @AdminOnly()
  @ApiOperation({ summary: 'Change an instrument (admin); symbol, currency and price decimals are fixed' })
  @ApiNotFoundResponse({ description: 'Unknown symbol' })
  async update(
    @Param('symbol', SymbolPipe) symbol: string,
    @Body() body: UpdateInstrumentDto,
  ): Promise<Instrument> {
    const instrument = await this.catalogue.update(symbol, body);
    // Names and categories travel with cached quotes.
    this.quotes.invalidate();
    if (body.enabled === true) this.history.backfillInBackground();
    return instrument;
  }

  @Delete(':symbol')
  @AdminOnly()
  @ApiOperation({
    summary: 'Retire an instrument (admin)',
    description:
      'It is no longer quoted; its prices and bars stay readable. PATCH enabled=true brings it back.',
  })
  @ApiNotFoundResponse({ description: 'Unknown symbol' })
  async retire(@Param('symbol', SymbolPipe) symbol: string): Promise<Instrument> {
    const instrument = await this.catalogue.update(symbol, { enabled: false });
    this.quotes.invalidate();
    return instrument;
  }
}
