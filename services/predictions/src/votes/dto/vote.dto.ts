import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VoteDto {
  @ApiProperty() predictionId: string;
  @ApiProperty() userId: string;
  @ApiProperty() option: number;
  @ApiProperty() castAt: string;
  @ApiPropertyOptional({ description: 'When the vote was last changed' }) changedAt?: string;
  @ApiPropertyOptional({ description: 'Set when this request changed an earlier vote' })
  previousOption?: number;
}

export class MyVoteDto {
  @ApiProperty() predictionId: string;
  @ApiProperty() symbol: string;
  @ApiProperty() question: string;
  @ApiProperty() status: string;
  @ApiProperty() option: number;
  @ApiProperty() optionLabel: string;
  @ApiProperty() castAt: string;
  @ApiProperty() verifyAt: string;
  @ApiPropertyOptional({ description: 'Known once the prediction is verified' }) correct?: boolean;
  @ApiPropertyOptional() winningOption?: number;
}
