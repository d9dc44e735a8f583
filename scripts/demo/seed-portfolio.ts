import 'reflect-metadata';
import { mintDemoToken } from '@marketpulse/auth';
import { loadConfig } from '@marketpulse/config';
import Decimal from 'decimal.js';
// Tooling, not a service: it signs demo users' tokens with the secret the portfolio service verifies.
import { PortfolioConfig } from '../../services/portfolio/src/portfolio.config';

/**
 * Demo data for `make up`: a USD and a EUR portfolio for each of a few demo users, funded, holding some of
 * the instruments with a live price (bought at that price today), with a dividend and two alerts, all
 * through the public HTTP API as a client would. Idempotency keys make a re-run add nothing twice.
 *   PORTFOLIO_URL (http://127.0.0.1:3004), MARKET_DATA_URL (http://127.0.0.1:3001), DEMO_PORTFOLIO_USERS (3)
 */
const PORTFOLIO_URL = process.env.PORTFOLIO_URL ?? 'http://127.0.0.1:3004';
const MARKET_DATA_URL = process.env.MARKET_DATA_URL ?? 'http://127.0.0.1:3001';
const USERS = Number(process.env.DEMO_PORTFOLIO_USERS ?? 3);

const config = loadConfig(PortfolioConfig);
const token = (user: string) =>
  mintDemoToken(config.AUTH_JWT_SECRET, user, {
    ttlSec: 3600,
    issuer: config.AUTH_JWT_ISSUER,
    audience: config.AUTH_JWT_AUDIENCE,
  });

async function call<T>(method: string, url: string, user: string, body?: unknown, key?: string): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token(user)}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Right after start-up the first prices may still be on their way to market-data and portfolio. */
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

interface LivePrice {
  symbol: string;
  price: string;
  currency: string;
  stale: boolean;
}

async function main(): Promise<void> {
  const live = await patiently(async () => {
    const response = await fetch(`${MARKET_DATA_URL}/prices/latest`);
    if (!response.ok) throw new Error(`GET /prices/latest: ${response.status}`);
    const fresh = ((await response.json()) as LivePrice[]).filter((price) => !price.stale);
    if (fresh.length === 0) throw new Error('no live prices yet; is market-data running?');
    return fresh;
  });
  const today = new Date().toISOString().slice(0, 10);
  let transactions = 0;
  for (let user = 1; user <= USERS; user++) {
    const owner = `demo-user-${user}`;
    const existing = await call<{ name: string }[]>('GET', `${PORTFOLIO_URL}/portfolios`, owner);
    for (const base of ['USD', 'EUR']) {
      const name = `Demo ${base}`;
      if (existing.some((portfolio) => portfolio.name === name)) continue;
      const portfolio = await call<{ id: string }>('POST', `${PORTFOLIO_URL}/portfolios`, owner, {
        name,
        baseCurrency: base,
        costMethod: user % 2 === 0 ? 'fifo' : 'average',
      });
      const path = `${PORTFOLIO_URL}/portfolios/${portfolio.id}/transactions`;
      await call(
        'POST',
        path,
        owner,
        { type: 'deposit', date: today, amount: '100000' },
        `${portfolio.id}-deposit`,
      );
      transactions++;
      const held = live.slice((user + (base === 'EUR' ? 3 : 0)) % live.length).slice(0, 4);
      for (const [index, instrument] of held.entries()) {
        // About a sixth of the deposit per position (a ton of nickel costs more than a share), so cash stays
        // positive whatever the instrument.
        const budget = new Decimal(10000 + ((user * 7 + index * 3) % 6) * 1000);
        const quantity = Decimal.max(1, budget.div(instrument.price).floor()).toFixed(0);
        await patiently(() =>
          call(
            'POST',
            path,
            owner,
            {
              type: 'buy',
              date: today,
              symbol: instrument.symbol,
              quantity,
              price: instrument.price,
              fees: '1',
            },
            `${portfolio.id}-buy-${instrument.symbol}`,
          ),
        );
        transactions++;
      }
      if (held[0]) {
        await call(
          'POST',
          path,
          owner,
          { type: 'dividend', date: today, symbol: held[0].symbol, amount: '12.50' },
          `${portfolio.id}-dividend`,
        );
        transactions++;
        await call('POST', `${PORTFOLIO_URL}/portfolios/${portfolio.id}/alerts`, owner, {
          kind: 'daily_move',
          symbol: held[0].symbol,
          threshold: '2',
        });
      }
      await call('POST', `${PORTFOLIO_URL}/portfolios/${portfolio.id}/alerts`, owner, {
        kind: 'drawdown',
        threshold: '5',
      });
    }
  }
  process.stdout.write(`[marketpulse] demo: portfolios for ${USERS} users, ${transactions} transactions\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[marketpulse] demo portfolios not seeded: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
