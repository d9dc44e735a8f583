import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeaderboardDto, LeaderboardParams, LeaderboardQuery } from './dto/leaderboard.dto';
import { LeaderboardService } from './leaderboard.service';

@ApiTags('leaderboards')
@Controller('leaderboards')
export class LeaderboardsController {
  constructor(private readonly leaderboards: LeaderboardService) {}

  @Get(':period/:metric')
  @ApiOperation({
    summary:
      'A leaderboard as of its last hourly refresh (all-time, monthly, weekly × accuracy, correct, streak)',
  })
  @ApiOkResponse({ type: LeaderboardDto })
  board(@Param() params: LeaderboardParams, @Query() query: LeaderboardQuery): Promise<LeaderboardDto> {
    return this.leaderboards.read(params.period, params.metric, query.limit ?? 25);
  }
}
