import { Injectable } from '@nestjs/common';
import type { PortfolioAlertKind, PortfolioAlertTrigger } from '@marketpulse/contracts';
import type { EntityManager } from 'typeorm';

export interface AlertFiring {
  id: string;
  alert_id: string;
  portfolio_id: string;
  owner_id: string;
  kind: PortfolioAlertKind;
  symbol: string | null;
  threshold: string;
  observed: string;
  trigger: PortfolioAlertTrigger;
  fired_at: Date;
}

/**
 * Which alerts an evaluation looks at: those on some symbols (and the portfolio-wide alerts of every
 * portfolio holding them), those of some portfolios, or every active one.
 */
export type AlertScope = { symbols?: readonly string[]; portfolioIds?: readonly string[] } | 'all';

/**
 * Evaluates alerts in one statement. An alert fires when its condition holds, it is armed and its cooldown
 * is over; firing disarms it, and it re-arms once the condition no longer holds. So a price oscillating
 * around a threshold fires at most once per cooldown, and a condition that simply stays true fires once.
 * Observed values: a price; a percent (daily move from the previous day's last price; drawdown of a
 * holding from its highest price since the position was opened, which needs the position held, or of the
 * portfolio's time-weighted index from its peak, so flows in and out are not gains or losses); the
 * portfolio's holdings value in its base currency.
 */
@Injectable()
export class AlertEvaluationRepository {
  async evaluate(
    manager: EntityManager,
    scope: AlertScope,
    now: Date,
    trigger: PortfolioAlertTrigger,
  ): Promise<AlertFiring[]> {
    const all = scope === 'all';
    return manager.query(
      `WITH candidates AS (
         SELECT a.id, a.portfolio_id, f.owner_id, a.kind, a.symbol, a.threshold, a.direction, a.armed, a.cooldown_sec,
                a.last_triggered_at,
                CASE a.kind
                  WHEN 'price_above' THEN pr.price
                  WHEN 'price_below' THEN pr.price
                  WHEN 'daily_move' THEN round((pr.price - pr.prev_close) / pr.prev_close * 100, 4)
                  WHEN 'drawdown' THEN
                    CASE WHEN a.symbol IS NULL THEN round((f.index_peak - f.index_level) / f.index_peak * 100, 4)
                         WHEN held.opened_on IS NOT NULL
                           THEN round((GREATEST(pr.price, peak.high) - pr.price) / GREATEST(pr.price, peak.high) * 100, 4)
                    END
                  WHEN 'value_milestone' THEN f.value
                END AS observed
           FROM alerts a
           JOIN portfolios f ON f.id = a.portfolio_id
           LEFT JOIN prices pr ON pr.symbol = a.symbol
           LEFT JOIN positions held
                  ON a.kind = 'drawdown' AND held.portfolio_id = a.portfolio_id AND held.symbol = a.symbol
                 AND held.quantity <> 0
           LEFT JOIN LATERAL (
             SELECT max(h.high) AS high FROM price_highs h WHERE h.symbol = a.symbol AND h.day >= held.opened_on
           ) peak ON held.opened_on IS NOT NULL
          WHERE a.active
            AND ($1 OR a.portfolio_id = ANY($3::uuid[]) OR a.symbol = ANY($2::text[])
                 OR (a.symbol IS NULL AND a.portfolio_id IN (
                       SELECT portfolio_id FROM positions WHERE symbol = ANY($2::text[]) AND quantity <> 0)))),
       judged AS (
         SELECT *, CASE kind
                     WHEN 'price_below' THEN observed <= threshold
                     WHEN 'daily_move' THEN abs(observed) >= threshold
                     WHEN 'value_milestone' THEN
                       CASE direction WHEN 'down' THEN observed <= threshold ELSE observed >= threshold END
                     ELSE observed >= threshold
                   END AS met
           FROM candidates WHERE observed IS NOT NULL),
       rearmed AS (
         UPDATE alerts a SET armed = true FROM judged j WHERE a.id = j.id AND NOT j.met AND NOT j.armed
         RETURNING a.id),
       fired AS (
         UPDATE alerts a SET armed = false, last_triggered_at = $4
           FROM judged j
          WHERE a.id = j.id AND j.met AND j.armed
            AND (j.last_triggered_at IS NULL
                 OR j.last_triggered_at + make_interval(secs => j.cooldown_sec) <= $4::timestamptz)
         RETURNING j.*),
       recorded AS (
         INSERT INTO alert_firings (id, alert_id, portfolio_id, kind, symbol, threshold, observed, trigger, fired_at)
         SELECT gen_random_uuid(), id, portfolio_id, kind, symbol, threshold, observed, $5, $4 FROM fired
         RETURNING *)
       SELECT r.*, f.owner_id FROM recorded r JOIN fired f ON f.id = r.alert_id`,
      [all, all ? [] : (scope.symbols ?? []), all ? [] : (scope.portfolioIds ?? []), now, trigger],
    );
  }
}
