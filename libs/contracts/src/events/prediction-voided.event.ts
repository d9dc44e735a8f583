import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';

export const VOID_OUTCOMES = ['void', 'cancelled'] as const;

/**
 * A prediction ended without a winner: `void` when it cannot be verified fairly (no fresh price within the
 * grace period), `cancelled` by an admin. Its votes count for nobody's stats.
 */
export class PredictionVoidedV1 {
  @IsUUID()
  predictionId: string;

  @IsSymbol()
  symbol: string;

  @IsIn(VOID_OUTCOMES)
  status: (typeof VOID_OUTCOMES)[number];

  @IsString()
  @Length(1, 500)
  reason: string;

  @IsISO8601({ strict: true })
  endedAt: string;
}

export const PredictionVoided = defineEvent<PredictionVoidedV1>({
  type: 'prediction.voided',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'prediction.voided',
  subject: () => 'prediction.voided',
  payload: PredictionVoidedV1,
  summary: 'A prediction ended without a winner (void: no fair price; cancelled: by an admin).',
  example: {
    predictionId: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    symbol: 'XAUUSD',
    status: 'void',
    reason: 'no XAUUSD price at most 300 s older than verifyAt within the 3600 s grace period',
    endedAt: '2026-11-24T17:00:00.000Z',
  },
});
