import { IsBoolean, IsISO8601, IsUUID, Matches } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsUserId } from '../identifiers';

/**
 * A portfolio's holdings were revalued from new prices or rates. Throttled: at most one per portfolio per
 * configured interval, carrying the value at publication.
 */
export class PortfolioValuedV1 {
  @IsUUID()
  portfolioId: string;

  @IsUserId()
  ownerId: string;

  @Matches(/^[A-Z]{3}$/, { message: 'baseCurrency must be an ISO 4217 code such as USD' })
  baseCurrency: string;

  /** Market value of the holdings in the base currency (cash not included). */
  @IsDecimalString()
  value: string;

  /** True when a price or FX rate behind the value is older than the configured staleness. */
  @IsBoolean()
  stale: boolean;

  @IsISO8601({ strict: true })
  valuedAt: string;
}

export const PortfolioValued = defineEvent<PortfolioValuedV1>({
  type: 'portfolio.valued',
  version: 1,
  stream: 'PORTFOLIO',
  subjectPattern: 'portfolio.valued',
  subject: () => 'portfolio.valued',
  payload: PortfolioValuedV1,
  summary: 'A portfolio was revalued (at most once per portfolio per configured interval).',
  example: {
    portfolioId: '6f1c2b9e-8a3d-4e5f-9b0a-1c2d3e4f5a6b',
    ownerId: 'alice',
    baseCurrency: 'EUR',
    value: '15234.56000000',
    stale: false,
    valuedAt: '2026-11-23T09:00:06.000Z',
  },
});
