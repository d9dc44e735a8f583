import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PREDICTION_STATUSES = ['active', 'closed', 'verified', 'void', 'cancelled'] as const;
export type PredictionStatus = (typeof PREDICTION_STATUSES)[number];

export class PredictionOptionDto {
  @ApiProperty() option: number;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Canonical condition text; empty for manual predictions' }) condition: string;
  @ApiProperty() votes: number;
  @ApiPropertyOptional({ description: 'Set once verified' }) won?: boolean;
}

export class PredictionOutcomeDto {
  @ApiProperty() winningOption: number;
  @ApiPropertyOptional() priceAtVerify?: string;
  @ApiPropertyOptional() priceAtVerifyAsOf?: string;
  @ApiPropertyOptional({ description: 'Percent, rounded half-to-even to 2 places' }) changePercent?: string;
}

export class PredictionDto {
  @ApiProperty() id: string;
  @ApiProperty() symbol: string;
  @ApiProperty() question: string;
  @ApiProperty({ enum: ['auto', 'manual'] }) mode: string;
  @ApiProperty({ enum: PREDICTION_STATUSES }) status: PredictionStatus;
  @ApiPropertyOptional({ description: 'Why a prediction is void or cancelled, or what it waits for' })
  statusReason?: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() votingDeadline: string;
  @ApiProperty() verifyAt: string;
  @ApiProperty() priceAtCreate: string;
  @ApiProperty() priceAtCreateAsOf: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: [PredictionOptionDto] }) options: PredictionOptionDto[];
  @ApiProperty() totalVotes: number;
  @ApiPropertyOptional({ type: PredictionOutcomeDto }) outcome?: PredictionOutcomeDto;
  @ApiPropertyOptional() endedAt?: string;
}

export class PredictionPageDto {
  @ApiProperty({ type: [PredictionDto] }) items: PredictionDto[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}
