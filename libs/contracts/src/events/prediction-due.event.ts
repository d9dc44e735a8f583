import { IsISO8601, IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { IsSymbol } from '../identifiers';

/**
 * A prediction's `verifyAt` has passed: verify it now. The first attempt's event id is derived from the
 * prediction id, so sweeps by several replicas publish it once; a prediction still waiting for a price is
 * swept again later with a higher attempt number.
 */
export class PredictionDueV1 {
  @IsUUID()
  predictionId: string;

  @IsSymbol()
  symbol: string;

  @IsISO8601({ strict: true })
  verifyAt: string;

  @IsInt()
  @Min(1)
  attempt: number;
}

export const PredictionDue = defineEvent<PredictionDueV1>({
  type: 'prediction.due',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'prediction.due',
  subject: () => 'prediction.due',
  payload: PredictionDueV1,
  summary: 'A prediction reached its verifyAt; the predictions service verifies it from prices.',
  example: {
    predictionId: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    symbol: 'XAUUSD',
    verifyAt: '2026-11-24T16:00:00.000Z',
    attempt: 1,
  },
});
