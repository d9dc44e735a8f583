import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommoditiesService } from './commodities.service';
import { CommodityConfigDto } from './dto/commodity-config.dto';
import { CommodityGroupDto } from './dto/commodity-group.dto';
import { CommodityOverviewDto } from './dto/commodity-overview.dto';
import { TrendingQueryDto } from './dto/trending-query.dto';
import { TrendingDto } from './dto/trending.dto';

const GROUP_DESCRIPTION =
  'Latest price and day change (vs the previous daily close), 1M/3M momentum (21/63 bars) and 52-week ' +
  'high/low (252 bars; 30/91 and 365 for 24/7 markets) from the daily bars; bar figures are null while the history is too short. ' +
  "Prices in the instrument's precision, percentages with 2 places.";

@ApiTags('commodities')
@Controller('commodities')
export class CommoditiesController {
  constructor(private readonly commodities: CommoditiesService) {}

  @Get('overview')
  @ApiOperation({
    summary:
      'Every commodity category: latest prices, day change, stale/synthetic flags, best and worst mover',
  })
  @ApiOkResponse({ type: CommodityOverviewDto })
  overview(): Promise<CommodityOverviewDto> {
    return this.commodities.overview();
  }

  @Get('metals')
  @ApiOperation({ summary: 'Precious and industrial metals', description: GROUP_DESCRIPTION })
  @ApiOkResponse({ type: CommodityGroupDto })
  metals(): Promise<CommodityGroupDto> {
    return this.commodities.group('metals');
  }

  @Get('ai-materials')
  @ApiOperation({ summary: 'Battery and AI materials', description: GROUP_DESCRIPTION })
  @ApiOkResponse({ type: CommodityGroupDto })
  aiMaterials(): Promise<CommodityGroupDto> {
    return this.commodities.group('ai-materials');
  }

  @Get('space-tech')
  @ApiOperation({ summary: 'Space-tech materials', description: GROUP_DESCRIPTION })
  @ApiOkResponse({ type: CommodityGroupDto })
  spaceTech(): Promise<CommodityGroupDto> {
    return this.commodities.group('space-tech');
  }

  @Get('energy')
  @ApiOperation({ summary: 'Energy', description: GROUP_DESCRIPTION })
  @ApiOkResponse({ type: CommodityGroupDto })
  energy(): Promise<CommodityGroupDto> {
    return this.commodities.group('energy');
  }

  @Get('config')
  @ApiOperation({ summary: 'The commodity part of the catalogue, with provider symbols' })
  @ApiOkResponse({ type: [CommodityConfigDto] })
  commodityConfig(): Promise<CommodityConfigDto[]> {
    return this.commodities.commodityConfig();
  }

  @Get('trending')
  @ApiOperation({
    summary: 'Top commodity gainers and losers by change of the daily close over 1, 5 or 21 trading bars',
  })
  @ApiOkResponse({ type: TrendingDto })
  @ApiBadRequestResponse({ description: 'limit outside 1..50, an unknown window, an unknown parameter' })
  trending(@Query() query: TrendingQueryDto): Promise<TrendingDto> {
    return this.commodities.trending(query);
  }
}
