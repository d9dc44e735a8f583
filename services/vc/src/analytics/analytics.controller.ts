import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LandscapeDto, LandscapeQuery } from './dto/landscape.dto';
import { SummaryDto } from './dto/summary.dto';
import { LandscapeService } from './landscape.service';
import { SummaryService } from './summary.service';

@ApiTags('analytics')
@Controller()
export class AnalyticsController {
  constructor(
    private readonly summaries: SummaryService,
    private readonly landscapes: LandscapeService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Counts, the IPO pipeline by stage and capital raised (per currency and converted)',
  })
  @ApiOkResponse({ type: SummaryDto })
  summary(): Promise<SummaryDto> {
    return this.summaries.summary();
  }

  @Get('landscape')
  @ApiOperation({
    summary:
      'Rounds by sector or stage: count, total, median and mean size, last quarter against the one before. ' +
      'Amounts are converted into one currency; those without a rate are reported apart, per currency',
  })
  @ApiOkResponse({ type: LandscapeDto })
  landscape(@Query() query: LandscapeQuery): Promise<LandscapeDto> {
    return this.landscapes.landscape(query);
  }
}
