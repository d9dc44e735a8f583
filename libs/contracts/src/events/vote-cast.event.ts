import { IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { IsUserId } from '../identifiers';

/** A user voted, or changed their vote (then `previousOption` is set). */
export class VoteCastV1 {
  @IsUUID()
  predictionId: string;

  @IsUserId()
  userId: string;

  @IsInt()
  @Min(1)
  @Max(6)
  option: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  previousOption?: number;

  @IsISO8601({ strict: true })
  castAt: string;
}

export const VoteCast = defineEvent<VoteCastV1>({
  type: 'vote.cast',
  version: 1,
  stream: 'PREDICTIONS',
  subjectPattern: 'vote.cast',
  subject: () => 'vote.cast',
  payload: VoteCastV1,
  summary: 'A user voted on a prediction, or changed their vote before the deadline.',
  example: {
    predictionId: '0d3c4b8e-2f4a-4e0b-9a57-7f0e6c1d2b3a',
    userId: 'user-7',
    option: 2,
    castAt: '2026-11-23T10:12:00.000Z',
  },
});
