import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { IsDecimalString } from '../decimal-string';
import { defineEvent } from '../event-contract';
import { IsSymbol, IsUserId } from '../identifiers';

export const PORTFOLIO_ALERT_KINDS = [
  'price_above',
  'price_below',
  'daily_move',
  'drawdown',
  'value_milestone',
] as const;
export type PortfolioAlertKind = (typeof PORTFOLIO_ALERT_KINDS)[number];

export const PORTFOLIO_ALERT_TRIGGERS = ['price', 'digest'] as const;
export type PortfolioAlertTrigger = (typeof PORTFOLIO_ALERT_TRIGGERS)[number];

/** An alert's condition became true (it then stays quiet for its cooldown). */
export class PortfolioAlertTriggeredV1 {
  @IsUUID()
  alertId: string;

  @IsUUID()
  firingId: string;

  @IsUUID()
  portfolioId: string;

  @IsUserId()
  ownerId: string;

  @IsIn(PORTFOLIO_ALERT_KINDS)
  kind: PortfolioAlertKind;

  /** The holding's symbol; absent for portfolio-wide alerts. */
  @IsOptional()
  @IsSymbol()
  symbol?: string;

  /** A price, a percent or a value in the base currency, depending on the kind. */
  @IsDecimalString()
  threshold: string;

  /** What was observed, in the threshold's unit. */
  @IsDecimalString()
  observed: string;

  /** A price event (real time) or the daily digest. */
  @IsIn(PORTFOLIO_ALERT_TRIGGERS)
  trigger: PortfolioAlertTrigger;

  @IsISO8601({ strict: true })
  firedAt: string;
}

export const PortfolioAlertTriggered = defineEvent<PortfolioAlertTriggeredV1>({
  type: 'portfolio.alert.triggered',
  version: 1,
  stream: 'PORTFOLIO',
  subjectPattern: 'portfolio.alert.triggered',
  subject: () => 'portfolio.alert.triggered',
  payload: PortfolioAlertTriggeredV1,
  summary: 'A portfolio alert fired: price above/below, daily move, drawdown from peak or value milestone.',
  example: {
    alertId: '1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d',
    firingId: '9a8b7c6d-5e4f-4a3b-9c1d-0e1f2a3b4c5d',
    portfolioId: '6f1c2b9e-8a3d-4e5f-9b0a-1c2d3e4f5a6b',
    ownerId: 'alice',
    kind: 'price_above',
    symbol: 'XAUUSD',
    threshold: '2400',
    observed: '2401.25',
    trigger: 'price',
    firedAt: '2026-11-23T09:00:06.000Z',
  },
});
