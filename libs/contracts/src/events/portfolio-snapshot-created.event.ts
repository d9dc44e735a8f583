import { IsBoolean, IsISO8601, IsUUID, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsUserId } from '../identifiers';

/** The daily snapshot of a portfolio was taken (or retaken, replacing the day's earlier one). */
export class PortfolioSnapshotCreatedV1 {
  @IsUUID()
  portfolioId: string;

  @IsUserId()
  ownerId: string;

  /** The UTC day of the snapshot, YYYY-MM-DD. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date such as 2026-11-23' })
  day: string;

  @Matches(/^[A-Z]{3}$/, { message: 'baseCurrency must be an ISO 4217 code such as USD' })
  baseCurrency: string;

  /** Market value of the holdings, in the base currency. */
  @IsDecimalString()
  value: string;

  @IsDecimalString()
  costBasis: string;

  @IsDecimalString()
  cash: string;

  @IsBoolean()
  stale: boolean;

  @IsISO8601({ strict: true })
  takenAt: string;
}

export const PortfolioSnapshotCreated = defineEvent<PortfolioSnapshotCreatedV1>({
  type: 'portfolio.snapshot.created',
  version: 1,
  stream: 'PORTFOLIO',
  subjectPattern: 'portfolio.snapshot.created',
  subject: () => 'portfolio.snapshot.created',
  payload: PortfolioSnapshotCreatedV1,
  summary: 'The daily snapshot of one portfolio (value, cost basis, cash); a re-run replaces the day.',
  example: {
    portfolioId: '6f1c2b9e-8a3d-4e5f-9b0a-1c2d3e4f5a6b',
    ownerId: 'alice',
    day: '2026-11-23',
    baseCurrency: 'EUR',
    value: '15234.56000000',
    costBasis: '14000.00000000',
    cash: '250.00000000',
    stale: false,
    takenAt: '2026-11-23T16:00:00.000Z',
  },
});
