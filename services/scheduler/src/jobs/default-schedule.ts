import type { JobDefinition } from './job-definition';

type Row = [
  service: string,
  job: string,
  schedule: string,
  marketHours: boolean,
  enabled: boolean,
  description: string,
];

/**
 * The default cron table of DESIGN.md (UTC). Jobs of services that do not exist yet are listed but off:
 * their ticks would have no consumer and their runs would never finish.
 */
const ROWS: Row[] = [
  [
    'market-data',
    'refresh-prices',
    '*/5 * * * * *',
    false,
    true,
    'Quote every trading instrument and publish price.updated',
  ],
  [
    'market-data',
    'detect-signals',
    '0 0 8 * * *',
    false,
    true,
    'Indicator signals (moving-average crosses, RSI, 52-week extremes)',
  ],
  [
    'market-data',
    'daily-report',
    '0 0 8 * * *',
    false,
    true,
    'Daily trend report: regimes vs 50/200-day, momentum ranks, top movers, fresh signals',
  ],
  ['market-data', 'weekly-summary', '0 0 8 * * 0', false, true, 'Weekly trend summary, Sunday 08:00'],
  [
    'market-data',
    'import-history',
    '0 30 6 * * *',
    false,
    true,
    'Real daily bars from the HTTP providers replace synthetic ones (nothing to do offline)',
  ],
  ['news', 'fetch', '0 */15 * * * *', false, true, 'Fetch due news sources'],
  [
    'predictions',
    'sweep-due',
    '0 * * * * *',
    false,
    true,
    'Close voting that is over; publish prediction.due for predictions past verifyAt',
  ],
  [
    'predictions',
    'refresh-leaderboard',
    '0 0 * * * *',
    false,
    true,
    'Recompute the all-time, monthly and weekly leaderboards',
  ],
  // Market hours for portfolios are the US cash session (13:30–20:00 New York time, 13:30–21:00 UTC
  // across DST): every 2 h from 14:00 to 20:00 UTC, weekdays. Prices revalue holdings live in between.
  [
    'portfolio',
    'refresh-valuations',
    '0 0 14-20/2 * * *',
    true,
    true,
    'Revalue portfolios every 2 h in US market hours (14:00-20:00 UTC, weekdays)',
  ],
  ['portfolio', 'snapshot', '0 0 16 * * *', false, true, 'Daily portfolio snapshots'],
  ['portfolio', 'performance', '0 0 17 * * *', false, true, 'Performance figures'],
  ['portfolio', 'alerts-digest', '0 0 18 * * *', false, true, 'Alerts digest'],
  ['vc', 'sync', '0 0 2 * * *', false, true, 'Venture data sync'],
  ['vc', 'rounds', '0 0 3 * * *', false, true, 'Funding rounds tracking'],
  ['vc', 'ipo-pipeline', '0 0 4 * * *', false, true, 'IPO pipeline'],
  ['vc', 'mna', '0 0 5 * * *', false, true, 'Mergers and acquisitions'],
  ['vc', 'top-investors', '0 0 6 * * 1', false, true, 'Top investors, Monday 06:00'],
];

export const DEFAULT_SCHEDULE: readonly JobDefinition[] = ROWS.map(
  ([service, job, schedule, marketHours, enabled, description]) => ({
    name: `${service}.${job}`,
    service,
    job,
    schedule,
    marketHours,
    enabled,
    description,
  }),
);
