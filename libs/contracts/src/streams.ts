/**
 * The JetStream streams of the platform: one per owning service, `SCHEDULER` for ticks and job outcomes,
 * `DLQ` for dead letters. Subjects here are the un-namespaced wire subjects.
 */
export interface StreamDefinition {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly description: string;
  /** How long messages are kept; outside systems adding their own durables can replay this far back. */
  readonly maxAgeMs: number;
  readonly maxBytes: number;
  /** JetStream deduplicates on `Nats-Msg-Id` within this window. */
  readonly duplicateWindowMs: number;
}

const DAY = 24 * 60 * 60 * 1000;
const GiB = 1024 * 1024 * 1024;

export const STREAMS = {
  SCHEDULER: {
    name: 'SCHEDULER',
    subjects: ['tick.>', 'job.>'],
    description: 'Scheduled job ticks and job outcomes',
    maxAgeMs: 7 * DAY,
    maxBytes: 1 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  MARKET: {
    name: 'MARKET',
    subjects: ['price.>', 'candle.>', 'signal.>', 'fx.>'],
    description: 'Market data: prices, candles, signals, FX rates',
    maxAgeMs: 7 * DAY,
    maxBytes: 2 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  PREDICTIONS: {
    name: 'PREDICTIONS',
    subjects: ['prediction.>', 'vote.>', 'leaderboard.>', 'user.>'],
    description: 'Predictions: lifecycle, votes, leaderboards and user milestones',
    maxAgeMs: 30 * DAY,
    maxBytes: 2 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  NEWS: {
    name: 'NEWS',
    subjects: ['news.>'],
    description: 'News: deduplicated articles by category',
    maxAgeMs: 30 * DAY,
    maxBytes: 2 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  PORTFOLIO: {
    name: 'PORTFOLIO',
    subjects: ['portfolio.>'],
    description: 'Portfolios: valuations, daily snapshots and alerts',
    maxAgeMs: 30 * DAY,
    maxBytes: 2 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  VC: {
    name: 'VC',
    subjects: ['vc.>'],
    description: 'Venture capital: funding rounds, acquisitions, IPO pipeline, investor rankings',
    maxAgeMs: 30 * DAY,
    maxBytes: 2 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  DLQ: {
    name: 'DLQ',
    subjects: ['dlq.>'],
    description: 'Dead letters: messages a consumer could not process, with the reason in headers',
    maxAgeMs: 30 * DAY,
    maxBytes: 1 * GiB,
    duplicateWindowMs: 2 * 60 * 1000,
  },
} as const satisfies Record<string, StreamDefinition>;

export type StreamName = keyof typeof STREAMS;
