import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvestorDto, InvestorRankingDto, InvestorRankingQuery } from './dto/investor.dto';
import { InvestorRankingService } from './investor-ranking.service';
import { InvestorsRepository } from './investors.repository';

@ApiTags('investors')
@Controller('investors')
export class InvestorsController {
  constructor(
    private readonly rankings: InvestorRankingService,
    private readonly investors: InvestorsRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Investors: VC, CVC, angel, PE, sovereign, with AUM' })
  @ApiOkResponse({ type: [InvestorDto] })
  list(): Promise<InvestorDto[]> {
    return this.investors.list();
  }

  @Get('ranking')
  @ApiOperation({ summary: 'Investors ranked by deal count, lead count or capital deployed over a window' })
  @ApiOkResponse({ type: InvestorRankingDto })
  ranking(@Query() query: InvestorRankingQuery): Promise<InvestorRankingDto> {
    return this.rankings.ranking(query);
  }
}
