import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MilestoneDto {
  @ApiProperty() milestone: string;
  @ApiProperty() reachedAt: string;
}

export class UserStatsDto {
  @ApiProperty() userId: string;
  @ApiProperty({ description: 'Verified predictions voted on (void and cancelled ones do not count)' })
  participations: number;
  @ApiProperty() correct: number;
  @ApiProperty({ description: 'correct / participations × 100, 2 places', example: '66.67' })
  accuracy: string;
  @ApiProperty({ description: 'Correct calls in a row, in verifyAt order, up to the latest settled one' })
  currentStreak: number;
  @ApiProperty() maxStreak: number;
  @ApiProperty({ description: 'Votes on predictions not decided yet' }) pending: number;
  @ApiProperty({ type: [MilestoneDto] }) milestones: MilestoneDto[];
  @ApiPropertyOptional() updatedAt?: string;
}
