import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompaniesService } from './companies.service';
import { CompaniesQuery, CompanyDetailDto, CompanyDto, ValuationDto } from './dto/company.dto';

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({ summary: 'Companies by name, filtered by sector and status' })
  @ApiOkResponse({ type: [CompanyDto] })
  list(@Query() query: CompaniesQuery): Promise<CompanyDto[]> {
    return this.companies.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One company: its round history with valuation step-ups, and its valuations' })
  @ApiOkResponse({ type: CompanyDetailDto })
  @ApiNotFoundResponse({ description: 'No such company' })
  detail(@Param('id') id: string): Promise<CompanyDetailDto> {
    return this.companies.detail(id);
  }

  @Get(':id/valuations')
  @ApiOperation({ summary: 'Valuations of one company over time (rounds, secondaries, IPO)' })
  @ApiOkResponse({ type: [ValuationDto] })
  @ApiNotFoundResponse({ description: 'No such company' })
  async valuations(@Param('id') id: string): Promise<ValuationDto[]> {
    await this.companies.requireExists(id);
    return this.companies.valuations(id);
  }
}
