import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FundDetailDto, FundDto, FundsQuery, VintageBenchmarkDto } from './dto/fund.dto';
import { FundsService } from './funds.service';

@ApiTags('funds')
@Controller('funds')
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Get()
  @ApiOperation({ summary: 'Funds with TVPI, DPI, RVPI, net IRR (XIRR) and Kaplan–Schoar PME' })
  @ApiOkResponse({ type: [FundDto] })
  list(@Query() query: FundsQuery): Promise<FundDto[]> {
    return this.funds.list(query.vintage);
  }

  @Get('benchmarks')
  @ApiOperation({
    summary: 'Benchmarks by vintage: lower quartile, median and upper quartile of TVPI, DPI, IRR',
  })
  @ApiOkResponse({ type: [VintageBenchmarkDto] })
  benchmarks(): Promise<VintageBenchmarkDto[]> {
    return this.funds.benchmarks();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One fund: its returns and dated calls, distributions and NAV statements' })
  @ApiOkResponse({ type: FundDetailDto })
  @ApiNotFoundResponse({ description: 'No such fund' })
  detail(@Param('id') id: string): Promise<FundDetailDto> {
    return this.funds.detail(id);
  }
}
