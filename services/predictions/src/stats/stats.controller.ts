import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { MyVoteDto } from '../votes/dto/vote.dto';
import { VotesService } from '../votes/votes.service';
import { UserStatsDto } from './dto/user-stats.dto';
import { UserStatsRepository } from './user-stats.repository';

class MyVotesQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class UserParams {
  @Length(1, 128)
  userId: string;
}

@ApiTags('users')
@Controller()
export class StatsController {
  constructor(
    private readonly stats: UserStatsRepository,
    private readonly votes: VotesService,
  ) {}

  @Get('me/votes')
  @Authenticated()
  @ApiOperation({ summary: 'My votes, latest verifyAt first, with their outcome once known' })
  @ApiOkResponse({ type: [MyVoteDto] })
  myVotes(@CurrentUser() user: AuthenticatedUser, @Query() query: MyVotesQuery): Promise<MyVoteDto[]> {
    return this.votes.mine(user.id, query.limit ?? 50);
  }

  @Get('me/stats')
  @Authenticated()
  @ApiOperation({ summary: 'My participations, accuracy, streaks and milestones' })
  @ApiOkResponse({ type: UserStatsDto })
  myStats(@CurrentUser() user: AuthenticatedUser): Promise<UserStatsDto> {
    return this.stats.find(user.id);
  }

  @Get('users/:userId/stats')
  @ApiOperation({ summary: "A user's participations, accuracy, streaks and milestones" })
  @ApiOkResponse({ type: UserStatsDto })
  userStats(@Param() params: UserParams): Promise<UserStatsDto> {
    return this.stats.find(params.userId);
  }
}
