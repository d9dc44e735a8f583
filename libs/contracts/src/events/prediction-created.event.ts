// @Type (nested payload classes) reads design-time metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol, IsUserId } from '../identifiers';
import { PredictionOptionV1 } from './prediction-option';

export const PREDICTION_MODES = ['auto', 'manual'] as const;
export type PredictionMode = (typeof PREDICTION_MODES)[number];

export class PredictionCreatedV1 {
  @IsUUID()
  predictionId: string;

  @IsSymbol()
  symbol: string;

  @IsString()
  @Length(1, 300)
  question: string;

  @IsIn(PREDICTION_MODES)
  mode: PredictionMode;

  @ValidateNested({ each: true })
  @Type(() => PredictionOptionV1)
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  options: PredictionOptionV1[];

  @IsISO8601({ strict: true })
  votingDeadline: string;

  @IsISO8601({ strict: true })
  verifyAt: string;

  /** The price the question is about, from the service's own projection of `price.updated`. */
  @IsDecimalString({ positive: true })
  priceAtCreate: string;

  @IsISO8601({ strict: true })
  priceAtCreateAsOf: string;

  @IsUserId()
  createdBy: string;
}

export const PredictionCreated = defineEvent<PredictionCreatedV1>({
  type: 'prediction.created',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'prediction.created',
  subject: () => 'prediction.created',
  payload: PredictionCreatedV1,
  summary: 'A price prediction was opened for voting.',
  example: {
    predictionId: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    symbol: 'XAUUSD',
    question: 'Where will gold close tomorrow?',
    mode: 'auto',
    options: [
      { option: 1, label: 'Down', condition: 'price_change_percent < 0' },
      { option: 2, label: 'Up to +1 %', condition: 'price_change_percent >= 0 AND price_change_percent < 1' },
      { option: 3, label: 'More than +1 %', condition: 'price_change_percent >= 1' },
    ],
    votingDeadline: '2026-11-24T09:00:00.000Z',
    verifyAt: '2026-11-24T16:00:00.000Z',
    priceAtCreate: '2391.45',
    priceAtCreateAsOf: '2026-11-23T09:00:05.000Z',
    createdBy: 'user-42',
  },
});
