import type { EventContract } from './event-contract';
import { CandleClosed } from './events/candle-closed.event';
import { FxRateUpdated } from './events/fx-rate-updated.event';
import { JobCompleted } from './events/job-completed.event';
import { JobFailed } from './events/job-failed.event';
import { JobFailing } from './events/job-failing.event';
import { LeaderboardUpdated } from './events/leaderboard-updated.event';
import { NewsPublished } from './events/news-published.event';
import { PortfolioAlertTriggered } from './events/portfolio-alert-triggered.event';
import { PortfolioSnapshotCreated } from './events/portfolio-snapshot-created.event';
import { PortfolioValued } from './events/portfolio-valued.event';
import { PredictionCreated } from './events/prediction-created.event';
import { PredictionDue } from './events/prediction-due.event';
import { PredictionVerified } from './events/prediction-verified.event';
import { PredictionVoided } from './events/prediction-voided.event';
import { PriceUpdated } from './events/price-updated.event';
import { SignalDetected } from './events/signal-detected.event';
import { Tick } from './events/tick.event';
import { UserMilestoneReached } from './events/user-milestone-reached.event';
import { VoteCast } from './events/vote-cast.event';
import { VcAcquisitionRecorded } from './events/vc-acquisition-recorded.event';
import { VcInvestorsRanked } from './events/vc-investors-ranked.event';
import { VcIpoUpdated } from './events/vc-ipo-updated.event';
import { VcRoundRecorded } from './events/vc-round-recorded.event';
import { subjectMatches } from './subject-pattern';

/** Every event of the platform. A new contract is added here, and the AsyncAPI document follows. */
export const EVENT_CATALOGUE: readonly EventContract<any>[] = [
  Tick,
  JobCompleted,
  JobFailed,
  JobFailing,
  PriceUpdated,
  CandleClosed,
  SignalDetected,
  FxRateUpdated,
  NewsPublished,
  PredictionCreated,
  VoteCast,
  PredictionDue,
  PredictionVerified,
  PredictionVoided,
  LeaderboardUpdated,
  UserMilestoneReached,
  PortfolioValued,
  PortfolioSnapshotCreated,
  PortfolioAlertTriggered,
  VcRoundRecorded,
  VcAcquisitionRecorded,
  VcIpoUpdated,
  VcInvestorsRanked,
];

/** The contract a concrete subject belongs to, if any. */
export function contractForSubject(subject: string): EventContract<any> | undefined {
  return EVENT_CATALOGUE.find((contract) => subjectMatches(contract.subjectPattern, subject));
}

export function contractForType(type: string, version: number): EventContract<any> | undefined {
  return EVENT_CATALOGUE.find((contract) => contract.type === type && contract.version === version);
}
