import { Injectable } from '@nestjs/common';
import { PortfolioAlertTriggered, type PortfolioAlertTriggeredV1 } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import type { EntityManager } from 'typeorm';
import {
  AlertEvaluationRepository,
  type AlertFiring,
  type AlertScope,
} from '../alerts/alert-evaluation.repository';
import { trimZeros } from '../money/decimal-text';
import { PortfolioConfig } from '../portfolio.config';
import { ValuationRepository, type ValuationScope } from './valuation.repository';

export function alertTriggeredPayload(firing: AlertFiring): PortfolioAlertTriggeredV1 {
  return {
    alertId: firing.alert_id,
    firingId: firing.id,
    portfolioId: firing.portfolio_id,
    ownerId: firing.owner_id,
    kind: firing.kind,
    ...(firing.symbol ? { symbol: firing.symbol } : {}),
    threshold: trimZeros(firing.threshold),
    observed: trimZeros(firing.observed),
    trigger: firing.trigger,
    firedAt: firing.fired_at.toISOString(),
  };
}

const alertScopeOf = (scope: ValuationScope): AlertScope => {
  switch (scope.kind) {
    case 'symbols':
      return { symbols: scope.symbols };
    case 'portfolios':
      return { portfolioIds: scope.ids };
    case 'foreign':
    case 'all':
      return 'all';
  }
};

/**
 * What follows a change of prices, rates or holdings, inside the caller's transaction: revalue the
 * portfolios concerned and evaluate their alerts in real time. `portfolio.valued` is published apart, by
 * the ValuedPublisher, so a burst's revaluation commits without waiting for ten thousand events.
 */
@Injectable()
export class ValuationService {
  constructor(
    private readonly valuations: ValuationRepository,
    private readonly alerts: AlertEvaluationRepository,
    private readonly outbox: OutboxPublisher,
    private readonly config: PortfolioConfig,
  ) {}

  async revalue(
    manager: EntityManager,
    scope: ValuationScope,
    now: Date,
    { flow = false }: { flow?: boolean } = {},
  ): Promise<{ revalued: number; alerts: number }> {
    const revalued = await this.valuations.revalue(manager, scope, now, this.staleBefore(now), flow);
    const alerts = await this.evaluateAlerts(manager, alertScopeOf(scope), now, 'price');
    return { revalued, alerts };
  }

  async evaluateAlerts(
    manager: EntityManager,
    scope: AlertScope,
    now: Date,
    trigger: 'price' | 'digest',
  ): Promise<number> {
    const firings = await this.alerts.evaluate(manager, scope, now, trigger);
    await this.outbox.publishAllInTransaction(
      manager,
      firings.map((firing) => ({
        contract: PortfolioAlertTriggered,
        payload: alertTriggeredPayload(firing),
        options: { id: firing.id },
      })),
    );
    return firings.length;
  }

  staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.config.PORTFOLIO_PRICE_STALE_MS);
  }
}
