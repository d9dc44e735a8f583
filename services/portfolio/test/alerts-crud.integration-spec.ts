import type { PortfolioAlertTriggeredV1 } from '@marketpulse/contracts';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import {
  messageOf,
  payloads,
  startPortfolio,
  today,
  type ErrorBody,
  type PortfolioUnderTest,
} from './portfolio-under-test';

interface Alert {
  id: string;
  kind: string;
  threshold: string;
  cooldownSeconds: number;
  active: boolean;
}
interface Firing {
  alertId: string;
  threshold: string;
  observed: string;
}

describe('changing and deleting alerts (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let portfolio: PortfolioUnderTest;

  beforeAll(async () => {
    portfolio = await startPortfolio(namespace);
  });

  afterAll(async () => {
    await portfolio?.close();
  });

  /** A portfolio of `user` holding one `symbol` bought at 10, the price now 10. */
  const holding = async (user: string, symbol: string) => {
    await portfolio.price(symbol, '10');
    const created = await portfolio.createPortfolio(user, { name: 'Alerts', baseCurrency: 'USD' });
    expect(
      (
        await portfolio.addTransaction(
          created.id,
          { type: 'buy', date: today(), symbol, quantity: '1', price: '10' },
          user,
        )
      ).status,
    ).toBe(201);
    return `/portfolios/${created.id}/alerts`;
  };
  const createAlert = async (path: string, body: object, user: string) => {
    const created = await portfolio.call<Alert>('POST', path, body, user);
    expect(created.status).toBe(201);
    return created.body;
  };
  /** Firings recorded for an alert, oldest first: the price event's evaluation commits with its price. */
  const firings = async (alertId: string) =>
    (
      (await portfolio.db.query(
        `SELECT threshold::text, observed::text FROM alert_firings WHERE alert_id = $1 ORDER BY fired_at`,
        [alertId],
      )) as { threshold: string; observed: string }[]
    ).map((row) => `${Number(row.threshold)}→${Number(row.observed)}`);
  const triggered = (alertId: string) =>
    payloads<PortfolioAlertTriggeredV1>(portfolio.alertsTriggered).filter(
      (event) => event.alertId === alertId,
    );

  it('uses a changed threshold on the next price event, and re-arms the alert with it', async () => {
    const path = await holding('ivan', 'THRCO');
    const alert = await createAlert(
      path,
      { kind: 'price_above', symbol: 'THRCO', threshold: '20', cooldownSeconds: 0 },
      'ivan',
    );
    const start = Date.now();
    await portfolio.price('THRCO', '13', start);
    expect(await firings(alert.id)).toEqual([]);

    const changed = await portfolio.call<Alert>('PATCH', `${path}/${alert.id}`, { threshold: '12' }, 'ivan');
    expect(changed).toMatchObject({ status: 200, body: { id: alert.id, threshold: '12', active: true } });
    // 13.5 is above the new 12 (not the old 20).
    await portfolio.price('THRCO', '13.5', start + 1);
    expect(await firings(alert.id)).toEqual(['12→13.5']);
    await expectEventually(() =>
      expect(triggered(alert.id)).toEqual([
        expect.objectContaining({ kind: 'price_above', threshold: '12', observed: '13.5', trigger: 'price' }),
      ]),
    );

    // Still above: a fired alert stays quiet while its condition holds…
    await portfolio.price('THRCO', '14', start + 2);
    expect(await firings(alert.id)).toEqual(['12→13.5']);
    // …but a new threshold is a new condition: it fires on the next price that meets it.
    await portfolio.call('PATCH', `${path}/${alert.id}`, { threshold: '13' }, 'ivan');
    await portfolio.price('THRCO', '14.5', start + 3);
    expect(await firings(alert.id)).toEqual(['12→13.5', '13→14.5']);

    const history = await portfolio.call<Firing[]>('GET', `${path}/${alert.id}/history`, undefined, 'ivan');
    expect(history.body.map((firing) => `${firing.threshold}→${firing.observed}`)).toEqual([
      '13→14.5',
      '12→13.5',
    ]);
  });

  it('does not fire a paused alert, and fires it again once resumed', async () => {
    const path = await holding('judy', 'PAUSECO');
    const alert = await createAlert(
      path,
      { kind: 'price_below', symbol: 'PAUSECO', threshold: '8', cooldownSeconds: 0 },
      'judy',
    );
    const paused = await portfolio.call<Alert>('PATCH', `${path}/${alert.id}`, { active: false }, 'judy');
    expect(paused).toMatchObject({ status: 200, body: { active: false, threshold: '8' } });
    const start = Date.now();
    await portfolio.price('PAUSECO', '7', start);
    expect(await firings(alert.id)).toEqual([]);
    // The digest looks at active alerts only, too.
    await portfolio.runJob('alerts-digest');
    expect(await firings(alert.id)).toEqual([]);

    const resumed = await portfolio.call<Alert>('PATCH', `${path}/${alert.id}`, { active: true }, 'judy');
    expect(resumed.body.active).toBe(true);
    await portfolio.price('PAUSECO', '6.5', start + 1);
    expect(await firings(alert.id)).toEqual(['8→6.5']);
  });

  it('deletes an alert with its history: it no longer fires and is not found', async () => {
    const path = await holding('kurt', 'GONECO');
    const alert = await createAlert(
      path,
      { kind: 'price_above', symbol: 'GONECO', threshold: '11', cooldownSeconds: 0 },
      'kurt',
    );
    const kept = await createAlert(path, { kind: 'value_milestone', threshold: '11' }, 'kurt');
    const start = Date.now();
    await portfolio.price('GONECO', '12', start);
    expect(await firings(alert.id)).toEqual(['11→12']);
    expect(await firings(kept.id)).toEqual(['11→12']);

    expect((await portfolio.call('DELETE', `${path}/${alert.id}`, undefined, 'kurt')).status).toBe(204);
    // "Delete an alert and its history": the firings go with it (ON DELETE CASCADE); the other alert's stay.
    expect(await firings(alert.id)).toEqual([]);
    const all = await portfolio.call<Firing[]>('GET', `${path}/history`, undefined, 'kurt');
    expect(all.body.map((firing) => firing.alertId)).toEqual([kept.id]);
    for (const route of [`${path}/${alert.id}`, `${path}/${alert.id}/history`]) {
      const gone = await portfolio.call<ErrorBody>('GET', route, undefined, 'kurt');
      expect(gone).toMatchObject({ status: 404, body: { message: `no alert ${alert.id}` } });
    }
    expect((await portfolio.call<Alert[]>('GET', path, undefined, 'kurt')).body.map((a) => a.id)).toEqual([
      kept.id,
    ]);

    // Below and back above 11: it would have fired again.
    await portfolio.price('GONECO', '10', start + 1);
    await portfolio.price('GONECO', '12.5', start + 2);
    expect(await firings(alert.id)).toEqual([]);
    expect(triggered(alert.id)).toHaveLength(1);
    const again = await portfolio.call<ErrorBody>('DELETE', `${path}/${alert.id}`, undefined, 'kurt');
    expect(again).toMatchObject({ status: 404, body: { message: `no alert ${alert.id}` } });
  });

  it('refuses bad changes with 400 or 422 and changes nothing', async () => {
    const path = await holding('lara', 'BADCO');
    const price = await createAlert(
      path,
      { kind: 'price_above', symbol: 'BADCO', threshold: '20', cooldownSeconds: 60 },
      'lara',
    );
    const drawdown = await createAlert(path, { kind: 'drawdown', threshold: '10' }, 'lara');
    const cases: [string, object, number, string][] = [
      [
        price.id,
        { threshold: 'abc' },
        400,
        'threshold must be a positive decimal string such as "12.50", at most 18 digits before the point and 8 after',
      ],
      [price.id, { threshold: '0' }, 400, 'threshold must be a positive decimal string'],
      [price.id, { cooldownSeconds: -1 }, 400, 'cooldownSeconds must not be less than 0'],
      [
        price.id,
        { cooldownSeconds: 7 * 24 * 3600 + 1 },
        400,
        'cooldownSeconds must not be greater than 604800',
      ],
      [price.id, { active: 'no' }, 400, 'active must be a boolean value'],
      [price.id, { kind: 'price_below' }, 400, 'property kind should not exist'],
      [drawdown.id, { threshold: '150' }, 422, 'a drawdown threshold is a percent, at most 100'],
    ];
    for (const [id, body, status, message] of cases) {
      const refused = await portfolio.call<ErrorBody>('PATCH', `${path}/${id}`, body, 'lara');
      expect({ body, status: refused.status }).toEqual({ body, status });
      expect(messageOf(refused.body)).toContain(message);
    }
    const badId = await portfolio.call<ErrorBody>('PATCH', `${path}/nope`, { threshold: '1' }, 'lara');
    expect(badId).toMatchObject({ status: 400, body: { message: 'alert id must be a UUID' } });
    const listed = await portfolio.call<Alert[]>('GET', path, undefined, 'lara');
    expect(listed.body).toEqual([
      expect.objectContaining({ id: price.id, threshold: '20', cooldownSeconds: 60, active: true }),
      expect.objectContaining({ id: drawdown.id, threshold: '10', active: true }),
    ]);
  });

  it("answers another user's change or deletion of an alert as not found, and keeps it", async () => {
    const path = await holding('mona', 'OWNCO');
    const otherPath = await holding('nils', 'OWNCO');
    const alert = await createAlert(path, { kind: 'price_above', symbol: 'OWNCO', threshold: '20' }, 'mona');
    const foreignPatch = await portfolio.call<ErrorBody>(
      'PATCH',
      `${path}/${alert.id}`,
      { threshold: '1' },
      'nils',
    );
    expect(foreignPatch.status).toBe(404);
    expect((await portfolio.call('DELETE', `${path}/${alert.id}`, undefined, 'nils')).status).toBe(404);
    // Through the other user's own portfolio, the alert is not there either.
    const viaOwn = await portfolio.call<ErrorBody>(
      'PATCH',
      `${otherPath}/${alert.id}`,
      { threshold: '1' },
      'nils',
    );
    expect(viaOwn).toMatchObject({ status: 404, body: { message: `no alert ${alert.id}` } });
    expect((await portfolio.call('DELETE', `${otherPath}/${alert.id}`, undefined, 'nils')).status).toBe(404);
    expect((await portfolio.call('PATCH', `${path}/${alert.id}`, { threshold: '1' })).status).toBe(401);

    const mine = await portfolio.call<Alert>('GET', `${path}/${alert.id}`, undefined, 'mona');
    expect(mine).toMatchObject({ status: 200, body: { threshold: '20', active: true } });
  });
});
