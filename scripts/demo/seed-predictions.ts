import 'reflect-metadata';
import { mintDemoToken } from '@marketpulse/auth';
import { loadConfig } from '@marketpulse/config';
// Tooling, not a service: it signs demo users' tokens with the secret the predictions service verifies.
import { PredictionsConfig } from '../../services/predictions/src/predictions.config';

/**
 * Demo data for `make up`: a few predictions on instruments with a live price, due over the next hour, and
 * votes from demo users, all through the public HTTP API as a client would. Each run adds a round.
 *   PREDICTIONS_URL (http://127.0.0.1:3003), MARKET_DATA_URL (http://127.0.0.1:3001), DEMO_USERS (24)
 */
const PREDICTIONS_URL = process.env.PREDICTIONS_URL ?? 'http://127.0.0.1:3003';
const MARKET_DATA_URL = process.env.MARKET_DATA_URL ?? 'http://127.0.0.1:3001';
const USERS = Number(process.env.DEMO_USERS ?? 24);
const HORIZONS_MIN = [2, 3, 5, 10, 30, 60];

const config = loadConfig(PredictionsConfig);
const token = (user: string) =>
  mintDemoToken(config.AUTH_JWT_SECRET, user, {
    ttlSec: 3600,
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });

async function call<T>(method: string, url: string, user?: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(user ? { authorization: `Bearer ${token(user)}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A small deterministic generator, so a demo round is the same on every laptop. */
function* choices(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

/** Right after start-up the first prices may still be on their way to market-data and predictions. */
async function patiently<T>(attempt: () => Promise<T>, seconds = 45): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function main(): Promise<void> {
  const live = await patiently(async () => {
    const prices = await call<{ symbol: string; name: string; stale: boolean }[]>(
      'GET',
      `${MARKET_DATA_URL}/prices/latest`,
    );
    const fresh = prices.filter((price) => !price.stale);
    if (fresh.length === 0) throw new Error('no live prices yet; is market-data running?');
    return fresh;
  });
  const random = choices(Math.floor(Date.now() / 60_000));
  let created = 0;
  let votes = 0;
  for (const [index, minutes] of HORIZONS_MIN.entries()) {
    const instrument = live[index % live.length];
    const band = minutes <= 5 ? '0.02' : '0.1';
    const now = Date.now();
    const prediction = await patiently(() =>
      call<{ id: string }>('POST', `${PREDICTIONS_URL}/predictions`, 'demo-host', {
        symbol: instrument.symbol,
        question: `Where will ${instrument.name} be in ${minutes} minutes?`,
        options: [
          { label: `Down more than ${band} %`, condition: `price_change_percent < -${band}` },
          {
            label: `Within ±${band} %`,
            condition: `price_change_percent >= -${band} AND price_change_percent <= ${band}`,
          },
          { label: `Up more than ${band} %`, condition: `price_change_percent > ${band}` },
        ],
        votingDeadline: new Date(now + (minutes * 60_000) / 2).toISOString(),
        verifyAt: new Date(now + minutes * 60_000).toISOString(),
      }),
    );
    created++;
    for (let user = 1; user <= USERS; user++) {
      if (random.next().value < 0.3) continue;
      const option = 1 + Math.floor(random.next().value * 3);
      await call('POST', `${PREDICTIONS_URL}/predictions/${prediction.id}/votes`, `demo-user-${user}`, {
        option,
      });
      votes++;
    }
  }
  process.stdout.write(
    `[marketpulse] demo: ${created} predictions, ${votes} votes (due over the next hour)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[marketpulse] demo predictions not seeded: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
