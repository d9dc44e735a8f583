// @Type (nested payload classes) reads design-time metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';
import { PREDICTION_MODES, type PredictionMode } from './prediction-created.event';

export class OptionVotesV1 {
  @IsInt()
  @Min(1)
  @Max(6)
  option: number;

  @IsInt()
  @Min(0)
  votes: number;
}

/** The outcome is known: one option won and every vote was scored. */
export class PredictionVerifiedV1 {
  @IsUUID()
  predictionId: string;

  @IsSymbol()
  symbol: string;

  @IsIn(PREDICTION_MODES)
  mode: PredictionMode;

  @IsInt()
  @Min(1)
  @Max(6)
  winningOption: number;

  @IsDecimalString({ positive: true })
  priceAtCreate: string;

  /** Absent for a manual resolution made without a price. */
  @IsOptional()
  @IsDecimalString({ positive: true })
  priceAtVerify?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  priceAtVerifyAsOf?: string;

  /** (verify − create) / create × 100, rounded half-to-even to 2 places. */
  @IsOptional()
  @IsDecimalString()
  changePercent?: string;

  @ValidateNested({ each: true })
  @Type(() => OptionVotesV1)
  votesPerOption: OptionVotesV1[];

  @IsInt()
  @Min(0)
  correctCount: number;

  @IsInt()
  @Min(0)
  incorrectCount: number;

  @IsISO8601({ strict: true })
  verifyAt: string;

  @IsISO8601({ strict: true })
  verifiedAt: string;
}

export const PredictionVerified = defineEvent<PredictionVerifiedV1>({
  type: 'prediction.verified',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'prediction.verified',
  subject: () => 'prediction.verified',
  payload: PredictionVerifiedV1,
  summary: 'A prediction was verified: the winning option, the prices used and the scored votes.',
  example: {
    predictionId: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    symbol: 'XAUUSD',
    mode: 'auto',
    winningOption: 2,
    priceAtCreate: '2391.45',
    priceAtVerify: '2400.10',
    priceAtVerifyAsOf: '2026-11-24T15:59:55.000Z',
    changePercent: '0.36',
    votesPerOption: [
      { option: 1, votes: 12 },
      { option: 2, votes: 30 },
      { option: 3, votes: 8 },
    ],
    correctCount: 30,
    incorrectCount: 20,
    verifyAt: '2026-11-24T16:00:00.000Z',
    verifiedAt: '2026-11-24T16:00:03.120Z',
  },
});
