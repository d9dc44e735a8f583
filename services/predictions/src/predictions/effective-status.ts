import type { PredictionStatus } from './dto/prediction.dto';

/** Voting is over at the deadline, whether or not the minute's sweep has written `closed` yet. */
export function effectiveStatus(
  status: PredictionStatus,
  votingDeadline: Date,
  now = Date.now(),
): PredictionStatus {
  return status === 'active' && votingDeadline.getTime() <= now ? 'closed' : status;
}
