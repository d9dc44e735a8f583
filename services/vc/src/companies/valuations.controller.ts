import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompaniesService } from './companies.service';
import { CompanyValuationDto, ValuationsQuery } from './dto/company.dto';

@ApiTags('companies')
@Controller('valuations')
export class ValuationsController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({
    summary: 'Valuations over time across companies (round, secondary, IPO marks), newest first',
  })
  @ApiOkResponse({ type: [CompanyValuationDto] })
  list(@Query() query: ValuationsQuery): Promise<CompanyValuationDto[]> {
    return this.companies.allValuations(query);
  }
}
