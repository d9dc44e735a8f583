import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcquisitionDto, AcquisitionsQuery, ExitDto, ExitsQuery } from './dto/exit.dto';
import { ExitsRepository } from './exits.repository';

@ApiTags('exits')
@Controller()
export class ExitsController {
  constructor(private readonly exits: ExitsRepository) {}

  @Get('acquisitions')
  @ApiOperation({ summary: 'Acquisitions (announced, completed, terminated), newest first' })
  @ApiOkResponse({ type: [AcquisitionDto] })
  acquisitions(@Query() query: AcquisitionsQuery): Promise<AcquisitionDto[]> {
    return this.exits.acquisitions(query);
  }

  @Get('exits')
  @ApiOperation({ summary: 'Exits: completed acquisitions and listings, newest first' })
  @ApiOkResponse({ type: [ExitDto] })
  list(@Query() query: ExitsQuery): Promise<ExitDto[]> {
    return this.exits.exits(query);
  }
}
