import { mintDemoToken } from '@marketpulse/auth';
import { DEVELOPMENT_JWT_SECRET } from '@marketpulse/config';
import {
  HEADERS,
  PredictionDue,
  Tick,
  contractForType,
  validateEnvelope,
  validatePayload,
  type PredictionVerifiedV1,
} from '@marketpulse/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { expectEventually } from '../../../test/support/expect-eventually';
import { testNamespace } from '../../../test/support/infrastructure';
import { publishPrice } from '../../../test/support/price-events';
import { publishEvent, publishRaw } from '../../../test/support/publish-event';
import type { RunningService } from '../../../test/support/service-harness';
import { startServiceUnderTest, type ServiceUnderTest } from '../../../test/support/service-under-test';
import { AppModule } from '../src/app.module';
import { PredictionsConfig } from '../src/predictions.config';

interface Prediction {
  id: string;
  status: string;
  statusReason?: string;
  options: { option: number; votes: number; won?: boolean }[];
  outcome?: { winningOption: number; changePercent?: string; priceAtVerify?: string };
}
interface Stats {
  participations: number;
  correct: number;
  accuracy: string;
  currentStreak: number;
  maxStreak: number;
  pending: number;
  milestones: { milestone: string }[];
}
interface ErrorBody {
  message: string | string[];
}

const bearer = (user: string, roles: string[] = []) => ({
  authorization: `Bearer ${mintDemoToken(DEVELOPMENT_JWT_SECRET, user, { roles })}`,
});
const UP_OR_DOWN = [
  { label: 'Down', condition: 'price_change_percent < 0' },
  { label: 'Flat or up', condition: 'price_change_percent >= 0' },
];
const iso = (ms: number) => new Date(ms).toISOString();
/** Waits for the wall clock itself (deadlines are real instants), not for an effect. */
const clockPast = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - Date.now() + 20)));

describe('predictions service (real NATS and PostgreSQL)', () => {
  const namespace = testNamespace();
  let predictions: ServiceUnderTest<PredictionsConfig>;
  let service: RunningService<PredictionsConfig>;
  let db: DataSource;
  let nc: NatsConnection;
  let verifiedEvents: Msg[];
  let leaderboardEvents: Msg[];
  let milestoneEvents: Msg[];

  const create = (body: object, user = 'alice') =>
    service.post<Prediction & ErrorBody>('/predictions', body, bearer(user));
  const vote = (id: string, option: number, user: string, extra: object = {}) =>
    service.post<{ option: number; previousOption?: number } & ErrorBody>(
      `/predictions/${id}/votes`,
      { option, ...extra },
      bearer(user),
    );
  const prediction = async (id: string) => (await service.get<Prediction>(`/predictions/${id}`)).body;
  const stats = async (user: string) => (await service.get<Stats>(`/users/${user}/stats`)).body;
  const fireJob = (job: string) => {
    const now = Date.now();
    return publishEvent(service.app, Tick, {
      runId: randomUUID(),
      service: 'predictions',
      job,
      scheduledFor: iso(now),
      firedAt: iso(now),
      expiresAt: iso(now + 60_000),
      manual: true,
    });
  };
  /** Publishes a price and waits until the service's projection holds it. */
  const price = async (symbol: string, value: string, asOfMs: number) => {
    await publishPrice(service.app, symbol, { price: value, asOf: iso(asOfMs) });
    await expectEventually(async () => {
      const rows: unknown[] = await db.query(
        'SELECT 1 FROM price_observations WHERE symbol = $1 AND as_of = $2',
        [symbol, iso(asOfMs)],
      );
      expect(rows).toHaveLength(1);
    });
  };
  const due = (id: string, symbol: string, verifyAtMs: number, attempt = 1) =>
    publishEvent(service.app, PredictionDue, {
      predictionId: id,
      symbol,
      verifyAt: iso(verifyAtMs),
      attempt,
    });

  beforeAll(async () => {
    predictions = await startServiceUnderTest(
      'predictions',
      PredictionsConfig,
      (config) => AppModule.forRoot(config),
      namespace,
      {
        env: {
          STATS_REFRESH_INTERVAL_MS: '100',
          // No waiting for late prices here: a due prediction without a fresh price is void at once.
          PREDICTION_VERIFY_GRACE_MS: '0',
          LEADERBOARD_MIN_PARTICIPATIONS: '2',
          MESSAGING_RETRY_BASE_MS: '50',
          MESSAGING_RETRY_MAX_MS: '200',
        },
        collect: ['prediction.verified', 'leaderboard.updated.>', 'user.milestone.reached'],
      },
    );
    ({ service, db, nc } = predictions);
    verifiedEvents = predictions.collected['prediction.verified'];
    leaderboardEvents = predictions.collected['leaderboard.updated.>'];
    milestoneEvents = predictions.collected['user.milestone.reached'];
  });

  afterAll(async () => {
    await predictions?.close();
  });

  it('refuses a prediction without a token, without a recent price, or with options that leave a gap', async () => {
    const now = Date.now();
    const body = {
      symbol: 'XAUUSD',
      question: 'Gold up?',
      options: UP_OR_DOWN,
      votingDeadline: iso(now + 60_000),
      verifyAt: iso(now + 120_000),
    };
    expect((await service.post<ErrorBody>('/predictions', body)).status).toBe(401);
    const noPrice = await create(body);
    expect(noPrice.status).toBe(422);
    expect(noPrice.body.message).toMatch(/^no recent price for XAUUSD \(no price has been seen for it/);

    await price('XAUUSD', '2000', now - 1000);
    const gap = await create({
      ...body,
      options: [
        { label: 'Down a lot', condition: 'price_change_percent < -0.5' },
        { label: 'Up', condition: 'price_change_percent >= 0' },
      ],
    });
    expect(gap.status).toBe(422);
    expect(gap.body.message).toEqual([
      'options must cover every outcome exactly once: no option covers price_change_percent in [-0.5, 0)',
    ]);
    const syntax = await create({
      ...body,
      options: [{ label: 'a', condition: 'price_change_percent >' }, UP_OR_DOWN[1]],
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.message).toMatch(/^option 1: expected a number or a variable at column 23/);
    const times = await create({ ...body, verifyAt: iso(now + 30_000) });
    expect(times.status).toBe(400);
    expect(times.body.message).toMatch(/must not be before votingDeadline/);
  });

  it('takes one vote per user, from the token only, changeable until the deadline', async () => {
    const now = Date.now();
    await price('EURUSD', '1.1', now - 1000);
    const created = await create({
      symbol: 'EURUSD',
      question: 'Euro?',
      options: UP_OR_DOWN,
      votingDeadline: iso(now + 3000),
      verifyAt: iso(now + 3000),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await vote(id, 2, 'alice', { userId: 'mallory' })).status).toBe(200);
    expect((await vote(id, 2, 'alice')).status).toBe(200); // a retried request
    const changed = await vote(id, 1, 'bob');
    expect((await vote(id, 2, 'bob')).body.previousOption).toBe(1);
    expect(changed.status).toBe(200);
    const rows: { user_id: string; option: number }[] = await db.query(
      'SELECT user_id, option FROM votes WHERE prediction_id = $1 ORDER BY user_id',
      [id],
    );
    expect(rows).toEqual([
      { user_id: 'alice', option: 2 },
      { user_id: 'bob', option: 2 },
    ]);
    expect((await prediction(id)).options.map((option) => option.votes)).toEqual([0, 2]);
    expect((await vote(id, 5, 'carol')).status).toBe(400);
    expect((await vote(randomUUID(), 1, 'carol')).status).toBe(404);
    expect((await service.post('/predictions/not-a-uuid/votes', { option: 1 }, bearer('carol'))).status).toBe(
      400,
    );

    await clockPast(now + 3000);
    const late = await vote(id, 1, 'carol');
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/voting closed at/);
  });

  it('verifies from the last fresh price at or before verifyAt, scores every vote, and publishes the outcome', async () => {
    const now = Date.now();
    await price('BTCUSD', '90000', now - 1000);
    const created = await create({
      symbol: 'BTCUSD',
      question: 'Bitcoin?',
      options: [
        { label: 'Down', condition: 'price_change_percent < 0' },
        { label: 'Up to 1 %', condition: 'price_change_percent >= 0 AND price_change_percent < 1' },
        { label: 'More', condition: 'price_change_percent >= 1' },
      ],
      votingDeadline: iso(now + 2000),
      verifyAt: iso(now + 2200),
    });
    const id = created.body.id;
    await vote(id, 2, 'erin');
    await vote(id, 3, 'frank');
    await clockPast(now + 2200);
    // +0.5 % just before verifyAt; a later +5 % must not count.
    await price('BTCUSD', '90450', now + 2100);
    await price('BTCUSD', '94500', now + 2300);
    await fireJob('sweep-due');

    const verified = await expectEventually(async () => {
      const found = await prediction(id);
      expect(found.status).toBe('verified');
      return found;
    });
    expect(verified.outcome).toEqual(
      expect.objectContaining({ winningOption: 2, changePercent: '0.50', priceAtVerify: '90450' }),
    );
    const scored: { user_id: string; correct: boolean }[] = await db.query(
      'SELECT user_id, correct FROM user_results WHERE prediction_id = $1 ORDER BY user_id',
      [id],
    );
    expect(scored).toEqual([
      { user_id: 'erin', correct: true },
      { user_id: 'frank', correct: false },
    ]);
    await expectEventually(async () => expect((await stats('erin')).correct).toBe(1));
    expect(await stats('erin')).toEqual(
      expect.objectContaining({ participations: 1, accuracy: '100.00', currentStreak: 1, maxStreak: 1 }),
    );
    expect((await stats('frank')).participations).toBe(1);

    const message = await expectEventually(() => {
      const found = verifiedEvents.find(
        (msg) => msg.json<{ data: { predictionId: string } }>().data.predictionId === id,
      );
      expect(found).toBeDefined();
      return found!;
    });
    const envelope = validateEnvelope(message.json());
    const payload = validatePayload(
      contractForType(envelope.type, envelope.version)!,
      envelope.data,
    ) as PredictionVerifiedV1;
    expect(payload).toEqual(
      expect.objectContaining({
        winningOption: 2,
        correctCount: 1,
        incorrectCount: 1,
        changePercent: '0.50',
      }),
    );
    expect(payload.votesPerOption).toEqual([
      { option: 1, votes: 0 },
      { option: 2, votes: 1 },
      { option: 3, votes: 1 },
    ]);
    await expectEventually(() =>
      expect(
        milestoneEvents.map((msg) => msg.json<{ data: { userId: string; milestone: string } }>().data),
      ).toContainEqual({
        userId: 'erin',
        milestone: 'first-correct',
        reachedAt: expect.any(String),
      }),
    );

    // Due again (a redelivery, a second sweep): nothing changes, nothing is published twice.
    await due(id, 'BTCUSD', now + 2200, 2);
    await due(id, 'BTCUSD', now + 2200, 2);
    await expectEventually(async () => {
      const [{ count }]: { count: number }[] = await db.query(
        `SELECT count(*)::int AS count FROM inbox WHERE consumer = 'predictions__prediction_due'`,
      );
      expect(count).toBe(2);
    });
    expect(await stats('erin')).toEqual(expect.objectContaining({ participations: 1, correct: 1 }));
    const [{ results }]: { results: number }[] = await db.query(
      'SELECT count(*)::int AS results FROM user_results WHERE prediction_id = $1',
      [id],
    );
    expect(results).toBe(2);
    expect(
      verifiedEvents.filter((msg) => msg.json<{ data: { predictionId: string } }>().data.predictionId === id),
    ).toHaveLength(1);
  });

  it('follows verifyAt order for streaks, whatever order the verifications arrive in', async () => {
    const now = Date.now();
    await price('ETHUSD', '3000', now - 1000);
    const verifyAts = [now + 3200, now + 3500, now + 3800];
    const ids: string[] = [];
    for (const verifyAt of verifyAts) {
      const created = await create({
        symbol: 'ETHUSD',
        question: `Ether at ${iso(verifyAt)}?`,
        options: UP_OR_DOWN,
        votingDeadline: iso(now + 3000),
        verifyAt: iso(verifyAt),
      });
      ids.push(created.body.id);
      expect((await vote(created.body.id, 2, 'dave')).status).toBe(200);
      expect((await vote(created.body.id, 2, 'grace')).status).toBe(200);
    }
    await clockPast(now + 3800);
    // Up, down, up: in verifyAt order dave is right, wrong, right.
    await price('ETHUSD', '3010', verifyAts[0] - 50);
    await price('ETHUSD', '2990', verifyAts[1] - 50);
    await price('ETHUSD', '3010', verifyAts[2] - 50);

    const verifiedOne = async (index: number) => {
      await due(ids[index], 'ETHUSD', verifyAts[index]);
      await expectEventually(async () => expect((await prediction(ids[index])).status).toBe('verified'));
      await expectEventually(async () => {
        const [{ dirty }]: { dirty: number }[] = await db.query(
          'SELECT count(*)::int AS dirty FROM stats_dirty',
        );
        expect(dirty).toBe(0);
      });
    };
    // The last one first: its result waits until the two earlier ones are known.
    await verifiedOne(2);
    expect(await stats('dave')).toEqual(expect.objectContaining({ participations: 0, pending: 2 }));
    await verifiedOne(0);
    expect(await stats('dave')).toEqual(
      expect.objectContaining({ participations: 1, currentStreak: 1, maxStreak: 1 }),
    );
    await verifiedOne(1);
    const final = await stats('dave');
    expect(final).toEqual(
      expect.objectContaining({
        participations: 3,
        correct: 2,
        accuracy: '66.67',
        currentStreak: 1,
        maxStreak: 1,
      }),
    );
    expect(await stats('grace')).toEqual(expect.objectContaining({ currentStreak: 1, maxStreak: 1 }));
  });

  it('voids a prediction with no fresh price, and parks a malformed due event without blocking the next one', async () => {
    const now = Date.now();
    await price('XAGUSD', '30', now - 1000);
    const created = await create({
      symbol: 'XAGUSD',
      question: 'Silver?',
      options: UP_OR_DOWN,
      votingDeadline: iso(now + 2000),
      verifyAt: iso(now + 2000),
    });
    await vote(created.body.id, 1, 'heidi');
    // Five minutes and more before verifyAt: too old to decide it.
    await db.query("UPDATE price_observations SET as_of = as_of - interval '10 minutes' WHERE symbol = $1", [
      'XAGUSD',
    ]);
    await clockPast(now + 2000);
    await publishRaw(
      service.app,
      'prediction.due',
      {
        id: randomUUID(),
        type: 'prediction.due',
        version: 1,
        occurredAt: iso(Date.now()),
        producer: 'test',
        correlationId: 'x',
        data: { predictionId: 'nope', symbol: 'XAGUSD', verifyAt: iso(now), attempt: 1 },
      },
      randomUUID(),
    );
    await due(created.body.id, 'XAGUSD', now + 2000);

    const voided = await expectEventually(async () => {
      const found = await prediction(created.body.id);
      expect(found.status).toBe('void');
      return found;
    });
    expect(voided.statusReason).toMatch(
      /^no XAGUSD price at most 300 s before verifyAt .* within the 0 s grace period$/,
    );
    await expectEventually(async () => expect((await stats('heidi')).pending).toBe(0));
    expect((await stats('heidi')).participations).toBe(0);

    const jsm = await jetstreamManager(nc);
    const parked = await expectEventually(async () => {
      const message = await jsm.streams.getMessage(`${namespace.toUpperCase()}_DLQ`, {
        last_by_subj: `${namespace}.dlq.predictions__prediction_due`,
      });
      expect(message).toBeDefined();
      return message!;
    });
    expect(parked.header.get(HEADERS.dlqReason)).toMatch(/^invalid: .*predictionId must be a UUID/);
  });

  it('lets an admin resolve a manual prediction and cancel another; others get 403', async () => {
    const now = Date.now();
    await price('XPTUSD', '950', now - 1000);
    const manual = await create({
      symbol: 'XPTUSD',
      question: 'Will the platinum deficit be confirmed?',
      mode: 'manual',
      options: [{ label: 'Yes' }, { label: 'No' }],
      votingDeadline: iso(now + 2000),
      verifyAt: iso(now + 2000),
    });
    expect(manual.status).toBe(201);
    await vote(manual.body.id, 1, 'ivan');
    const early = await service.post<ErrorBody>(
      `/predictions/${manual.body.id}/resolve`,
      { option: 1 },
      bearer('root', ['admin']),
    );
    expect(early.status).toBe(409);
    await clockPast(now + 2000);
    expect(
      (await service.post(`/predictions/${manual.body.id}/resolve`, { option: 1 }, bearer('ivan'))).status,
    ).toBe(403);
    const resolved = await service.post<Prediction>(
      `/predictions/${manual.body.id}/resolve`,
      { option: 1 },
      bearer('root', ['admin']),
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.outcome?.winningOption).toBe(1);
    await expectEventually(async () => expect((await stats('ivan')).correct).toBe(1));

    const later = await create({
      symbol: 'XPTUSD',
      question: 'Platinum?',
      options: UP_OR_DOWN,
      votingDeadline: iso(Date.now() + 60_000),
      verifyAt: iso(Date.now() + 60_000),
    });
    const cancelled = await service.post<Prediction>(
      `/predictions/${later.body.id}/cancel`,
      { reason: 'duplicate question' },
      bearer('root', ['admin']),
    );
    expect(cancelled.body).toEqual(
      expect.objectContaining({ status: 'cancelled', statusReason: 'duplicate question' }),
    );
    expect((await vote(later.body.id, 1, 'ivan')).status).toBe(409);
  });

  it('ranks users on the hourly leaderboards and answers bad queries with 400', async () => {
    await fireJob('refresh-leaderboard');
    await expectEventually(() => expect(leaderboardEvents).toHaveLength(9));
    const byCorrect = await service.get<{ entries: { userId: string; correct: number; rank: number }[] }>(
      '/leaderboards/all-time/correct',
    );
    expect(byCorrect.body.entries[0]).toEqual(expect.objectContaining({ rank: 1, correct: 2 }));
    const byAccuracy = await service.get<{ entries: { userId: string; participations: number }[] }>(
      '/leaderboards/weekly/accuracy',
    );
    expect(byAccuracy.body.entries.length).toBeGreaterThan(0);
    // LEADERBOARD_MIN_PARTICIPATIONS=2: one call is not enough to be ranked by accuracy.
    expect(byAccuracy.body.entries.every((entry) => entry.participations >= 2)).toBe(true);
    expect((await service.get('/leaderboards/yearly/accuracy')).status).toBe(400);
    expect((await service.get('/predictions?status=bogus')).status).toBe(400);
    expect((await service.get('/predictions?cursor=garbage')).status).toBe(400);
    const page = await service.get<{ items: Prediction[]; nextCursor?: string }>('/predictions?limit=2');
    expect(page.body.items).toHaveLength(2);
    const next = await service.get<{ items: Prediction[] }>(
      `/predictions?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.items.map((item) => item.id)).not.toContain(page.body.items[0].id);
    const mine = await service.get<{ predictionId: string; correct?: boolean }[]>(
      '/me/votes',
      bearer('dave'),
    );
    expect(mine.body).toHaveLength(3);
  });
});
