import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RoundDto, RoundsQuery } from './dto/round.dto';
import { RoundsRepository } from './rounds.repository';

@ApiTags('rounds')
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Recent funding rounds, newest first, filtered by sector, stage, country, investor, dates',
  })
  @ApiOkResponse({ type: [RoundDto] })
  list(@Query() query: RoundsQuery): Promise<RoundDto[]> {
    return this.rounds.find({ ...query, limit: query.limit ?? 50 });
  }
}
