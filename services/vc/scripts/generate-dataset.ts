/**
 * Writes the bundled offline dataset of the VC service (services/vc/data/*.json). Everything in it is
 * synthetic: made-up companies, investors, funds and LPs, drawn from a seeded generator so the files are
 * the same on every run. Run with `npx ts-node -r tsconfig-paths/register services/vc/scripts/generate-dataset.ts`.
 *
 * Invariants the dataset keeps (and src/sync/bundled-dataset.spec.ts checks): post-money = pre-money +
 * amount; a company's rounds go up the stage ladder in date order; acquisitions and IPOs come after the
 * target's last round; fund cash flows are dated on or after 1 January of the vintage year; a fund's
 * NAV is never negative.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const LAST_DATE = '2026-11-15';
const NAV_DATE = '2026-09-30';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261125);
const between = (low: number, high: number) => low + (high - low) * random();
const integer = (low: number, high: number) => Math.floor(between(low, high + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const pickSome = <T>(items: readonly T[], count: number): T[] => {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(pool.splice(integer(0, pool.length - 1), 1)[0]);
  return chosen;
};
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => isoDate(new Date(Date.parse(date) + days * 86_400_000));
/** Whole currency units, rounded to `step`, as a decimal string with two places. */
const money = (value: number) => `${value}.00`;
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

const SECTORS: Record<string, string[]> = {
  ai: ['foundation-models', 'ai-infrastructure', 'applied-ai'],
  fintech: ['payments', 'lending', 'insurtech'],
  health: ['biotech', 'medtech', 'digital-health'],
  climate: ['energy-storage', 'carbon-removal', 'ev-charging'],
  robotics: ['industrial-automation', 'logistics-robots'],
  space: ['launch', 'satellites'],
  security: ['cloud-security', 'identity'],
  'enterprise-software': ['devtools', 'data-infrastructure'],
  consumer: ['marketplaces', 'gaming'],
};
const COUNTRY_CURRENCY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  IL: 'USD',
  IN: 'USD',
  SG: 'USD',
  CA: 'CAD',
};
const COUNTRIES = ['US', 'US', 'US', 'US', 'GB', 'DE', 'FR', 'NL', 'IL', 'IN', 'SG', 'CA'];
const PREFIXES = [
  'Helio',
  'Quanta',
  'Nimbus',
  'Vertex',
  'Lumen',
  'Arbor',
  'Cobalt',
  'Orbit',
  'Kestrel',
  'Tidal',
  'Ember',
  'Sable',
  'Polar',
  'Zephyr',
  'Atlas',
  'Fathom',
  'Nova',
  'Cinder',
  'Meridian',
  'Halcyon',
];
const SUFFIXES: Record<string, string[]> = {
  ai: ['AI', 'Labs', 'Minds'],
  fintech: ['Pay', 'Ledger', 'Capital'],
  health: ['Bio', 'Health', 'Therapeutics'],
  climate: ['Energy', 'Grid', 'Carbon'],
  robotics: ['Robotics', 'Automation'],
  space: ['Orbital', 'Aerospace'],
  security: ['Shield', 'Secure'],
  'enterprise-software': ['Cloud', 'Data', 'Stack'],
  consumer: ['Play', 'Market'],
};
// [stage, amount low, amount high, pre-money multiple of amount low, high] in US dollars.
const STAGES: [string, number, number, number, number][] = [
  ['pre-seed', 300_000, 1_500_000, 3, 6],
  ['seed', 1_500_000, 5_000_000, 3, 5],
  ['series-a', 8_000_000, 25_000_000, 2.5, 4.5],
  ['series-b', 20_000_000, 60_000_000, 2.5, 4],
  ['series-c', 40_000_000, 120_000_000, 3, 5],
  ['series-d', 80_000_000, 200_000_000, 3.5, 6],
  ['series-e', 120_000_000, 300_000_000, 4, 7],
  ['growth', 200_000_000, 600_000_000, 5, 9],
];
const LOCAL_PER_USD: Record<string, number> = { USD: 1, GBP: 0.75, EUR: 0.86, CAD: 1.4 };
const INVESTOR_KINDS: [string, number, string[]][] = [
  ['vc', 34, ['Ventures', 'Partners', 'Capital', 'Venture Partners']],
  ['cvc', 8, ['Ventures']],
  ['angel', 8, ['Angels', 'Syndicate']],
  ['pe', 6, ['Growth Equity', 'Private Equity']],
  ['sovereign', 4, ['Investment Authority', 'Sovereign Fund']],
];
const INVESTOR_WORDS = [
  'Northwind',
  'Alder',
  'Redwood',
  'Granite',
  'Bluewater',
  'Summit',
  'Harbor',
  'Foundry',
  'Lattice',
  'Signal',
  'Keystone',
  'Beacon',
  'Pioneer',
  'Ironbark',
  'Silverline',
  'Crescent',
  'Juniper',
  'Cedar',
  'Highland',
  'Wildflower',
  'Sequent',
  'Obsidian',
  'Evergreen',
  'Riverbend',
  'Copperleaf',
  'Starling',
  'Westgate',
  'Blackthorn',
  'Lakeshore',
  'Firstlight',
  'Ridgeline',
  'Oakmont',
  'Seabright',
  'Goldcrest',
  'Hawthorn',
  'Longview',
  'Brightpath',
  'Stonebridge',
  'Clearwater',
  'Maplestone',
  'Tallgrass',
  'Eastwind',
  'Bellwether',
  'Arrowhead',
  'Windward',
  'Silverpine',
  'Moorland',
  'Skylark',
  'Trident',
  'Greyhound',
  'Fairhaven',
  'Kingsford',
  'Marlowe',
  'Newhall',
  'Ashgrove',
  'Pembroke',
  'Thornbury',
  'Whitlock',
  'Yarrow',
  'Zenith',
];
const ACQUIRERS = [
  'Globex Systems',
  'Initech Software',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Cyberdyne',
  'Soylent Foods',
  'Tyrell Corporation',
  'Massive Dynamic',
  'Aperture Science',
  'Vandelay Industries',
];
const LPS = [
  'Ontario Teachers Pension Plan (synthetic)',
  'State Employees Retirement System',
  'Ivy University Endowment',
  'Nordic Pension Fund',
  'Family Office Meyer',
  'Pacific Insurance Group',
  'City Firefighters Pension',
  'Foundation for Open Science',
  'Gulf Investment Board',
  'Alpine Fund of Funds',
];
const EXCHANGES: [string, string][] = [
  ['NASDAQ', 'USD'],
  ['NASDAQ', 'USD'],
  ['NYSE', 'USD'],
  ['LSE', 'GBP'],
];

// ---- investors ----
interface Investor {
  id: string;
  name: string;
  kind: string;
  country: string;
  aum?: string;
  aumCurrency?: string;
}
const investors: Investor[] = [];
const words = [...INVESTOR_WORDS];
for (const [kind, count, suffixes] of INVESTOR_KINDS) {
  for (let index = 0; index < count; index++) {
    const name = `${words.shift()} ${pick(suffixes)}`;
    const country = pick(['US', 'US', 'US', 'GB', 'DE', 'FR', 'SG', 'IL']);
    const aumMillions =
      kind === 'angel'
        ? integer(5, 60)
        : kind === 'sovereign'
          ? integer(50_000, 400_000)
          : kind === 'pe'
            ? integer(5_000, 60_000)
            : integer(150, 12_000);
    investors.push({
      id: slug(name),
      name,
      kind,
      country,
      aum: money(aumMillions * 1_000_000),
      aumCurrency: 'USD',
    });
  }
}
const byKind = (...kinds: string[]) => investors.filter((investor) => kinds.includes(investor.kind));

// ---- companies and rounds ----
interface Company {
  id: string;
  name: string;
  sector: string;
  subSector: string;
  country: string;
  foundedYear: number;
  status: string;
}
interface Round {
  companyId: string;
  stage: string;
  announcedOn: string;
  amount: string;
  currency: string;
  preMoney: string;
  postMoney: string;
  leadInvestorId: string;
  investorIds: string[];
}
interface Valuation {
  companyId: string;
  valuedOn: string;
  valuation: string;
  currency: string;
  basis: string;
}
const companies: Company[] = [];
const rounds: Round[] = [];
const valuations: Valuation[] = [];
const lastRound = new Map<string, Round>();
const usedNames = new Set<string>();
while (companies.length < 130) {
  const sector = pick(Object.keys(SECTORS));
  const name = `${pick(PREFIXES)} ${pick(SUFFIXES[sector])}`;
  if (usedNames.has(name)) continue;
  usedNames.add(name);
  const country = pick(COUNTRIES);
  const currency = COUNTRY_CURRENCY[country];
  const foundedYear = integer(2012, 2024);
  const company: Company = {
    id: slug(name),
    name,
    sector,
    subSector: pick(SECTORS[sector]),
    country,
    foundedYear,
    status: 'private',
  };
  companies.push(company);
  let stageIndex = random() < 0.4 ? 0 : 1;
  let date = addDays(`${foundedYear}-01-01`, integer(60, 420));
  let previousPost = 0;
  const maxRounds = integer(1, 6);
  for (let count = 0; count < maxRounds && stageIndex < STAGES.length && date <= LAST_DATE; count++) {
    const [stage, low, high, multipleLow, multipleHigh] = STAGES[stageIndex];
    const rate = LOCAL_PER_USD[currency];
    const step = stageIndex < 2 ? 50_000 : 500_000;
    const amount = roundTo(between(low, high) * rate, step);
    // A later round is priced off the previous post-money: usually an up-round, now and then a down-round.
    const stepUp = random() < 0.1 ? between(0.6, 0.95) : between(1.4, 3.2);
    const pre =
      previousPost === 0
        ? roundTo(amount * between(multipleLow, multipleHigh), step)
        : roundTo(Math.max(previousPost * stepUp, amount * 1.5), step);
    const post = pre + amount;
    const leadPool =
      stageIndex <= 1
        ? byKind('vc', 'angel')
        : stageIndex >= 6
          ? byKind('pe', 'sovereign', 'vc')
          : byKind('vc', 'cvc');
    const lead = pick(leadPool);
    const others = pickSome(
      investors.filter(
        (investor) => investor.id !== lead.id && (stageIndex > 1 || investor.kind !== 'sovereign'),
      ),
      integer(0, 4),
    );
    const round: Round = {
      companyId: company.id,
      stage,
      announcedOn: date,
      amount: money(amount),
      currency,
      preMoney: money(pre),
      postMoney: money(post),
      leadInvestorId: lead.id,
      investorIds: [lead.id, ...others.map((investor) => investor.id)],
    };
    rounds.push(round);
    lastRound.set(company.id, round);
    valuations.push({
      companyId: company.id,
      valuedOn: date,
      valuation: money(post),
      currency,
      basis: 'round',
    });
    // Now and then a secondary sale marks the company between rounds.
    if (random() < 0.2) {
      const markedOn = addDays(date, integer(120, 300));
      if (markedOn <= LAST_DATE) {
        valuations.push({
          companyId: company.id,
          valuedOn: markedOn,
          valuation: money(roundTo(post * between(0.8, 1.6), step)),
          currency,
          basis: 'secondary',
        });
      }
    }
    previousPost = post;
    stageIndex += random() < 0.15 ? 2 : 1;
    date = addDays(date, integer(270, 760));
  }
}

// ---- acquisitions ----
interface Acquisition {
  acquirer: string;
  targetCompanyId: string;
  announcedOn: string;
  price?: string;
  currency?: string;
  status: string;
}
const acquisitions: Acquisition[] = [];
const exited = new Set<string>();
for (const company of companies) {
  const last = lastRound.get(company.id);
  if (!last || acquisitions.length >= 32 || random() > 0.3) continue;
  const announcedOn = addDays(last.announcedOn, integer(150, 700));
  if (announcedOn > LAST_DATE) continue;
  const status = random() < 0.72 ? 'completed' : random() < 0.6 ? 'announced' : 'terminated';
  const disclosed = random() < 0.7;
  const post = Number(last.postMoney.slice(0, -3));
  acquisitions.push({
    acquirer: pick(ACQUIRERS),
    targetCompanyId: company.id,
    announcedOn,
    status,
    ...(disclosed
      ? { price: money(roundTo(post * between(0.7, 2.5), 1_000_000)), currency: last.currency }
      : {}),
  });
  if (status !== 'terminated') exited.add(company.id);
  if (status === 'completed') company.status = 'acquired';
}
for (const company of companies) {
  if (company.status === 'private' && lastRound.has(company.id) && random() < 0.05) company.status = 'closed';
}

// ---- IPO pipeline ----
interface Ipo {
  companyId: string;
  stage: string;
  exchange?: string;
  ticker?: string;
  expectedOn?: string;
  valuation?: string;
  price?: string;
  currency: string;
}
const ipos: Ipo[] = [];
const PIPELINE = [
  'listed',
  'listed',
  'listed',
  'listed',
  'priced',
  'priced',
  'filed',
  'filed',
  'filed',
  'filed',
  'rumoured',
  'rumoured',
  'rumoured',
  'rumoured',
  'rumoured',
  'withdrawn',
  'withdrawn',
];
const candidates = companies.filter((company) => {
  const last = lastRound.get(company.id);
  return (
    company.status === 'private' &&
    !exited.has(company.id) &&
    last &&
    STAGES.findIndex(([stage]) => stage === last.stage) >= 4 &&
    last.announcedOn < '2026-05-01'
  );
});
const tickers = new Set<string>();
for (const company of candidates.slice(0, PIPELINE.length)) {
  const stage = PIPELINE[ipos.length];
  const last = lastRound.get(company.id)!;
  const [exchange, exchangeCurrency] = pick(EXCHANGES);
  const currency = exchange === 'LSE' ? 'GBP' : 'USD';
  const valuationUsd =
    (Number(last.postMoney.slice(0, -3)) / LOCAL_PER_USD[last.currency]) * between(1.1, 2.2);
  const valuation = money(roundTo(valuationUsd * LOCAL_PER_USD[currency], 10_000_000));
  const base = company.name.replace(/[^A-Za-z]/g, '').toUpperCase();
  let ticker = `${base.slice(0, 3)}${base.slice(-1)}`;
  while (tickers.has(ticker)) ticker = `${ticker.slice(0, 3)}${String.fromCharCode(65 + integer(0, 25))}`;
  tickers.add(ticker);
  const expectedOn =
    stage === 'listed'
      ? addDays('2026-02-01', integer(0, 270))
      : stage === 'priced'
        ? addDays('2026-11-26', integer(0, 25))
        : stage === 'filed'
          ? addDays('2027-01-10', integer(0, 80))
          : stage === 'withdrawn'
            ? undefined
            : addDays('2027-03-01', integer(0, 240));
  const priced = stage === 'listed' || stage === 'priced';
  ipos.push({
    companyId: company.id,
    stage,
    currency: exchangeCurrency,
    valuation,
    ...(stage !== 'rumoured' ? { exchange } : {}),
    ...(stage === 'listed' || stage === 'priced' || stage === 'filed' ? { ticker } : {}),
    ...(expectedOn ? { expectedOn } : {}),
    ...(priced ? { price: `${integer(14, 48)}.00` } : {}),
  });
  if (stage === 'listed') {
    company.status = 'public';
    valuations.push({ companyId: company.id, valuedOn: expectedOn!, valuation, currency, basis: 'ipo' });
  }
}

// ---- funds and their cash flows ----
interface Fund {
  id: string;
  name: string;
  managerId: string;
  vintage: number;
  size: string;
  currency: string;
  strategy: string;
}
interface FundFlow {
  fundId: string;
  kind: string;
  date: string;
  amount: string;
  lp?: string;
}
const funds: Fund[] = [];
const flows: FundFlow[] = [];
const quarterEnds = (from: string, to: string) => {
  const dates: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const end of ['03-31', '06-30', '09-30', '12-31']) {
      const date = `${year}-${end}`;
      if (date >= from && date <= to) dates.push(date);
    }
  }
  return dates;
};
const managers = byKind('vc', 'pe');
for (let index = 0; index < 24; index++) {
  const manager = managers[index % managers.length];
  const vintage = 2012 + (index % 12);
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'][Math.floor(index / managers.length) + integer(0, 3)];
  const currency = random() < 0.8 ? 'USD' : 'EUR';
  const sizeMillions = manager.kind === 'pe' ? integer(800, 3_000) : integer(80, 900);
  const size = sizeMillions * 1_000_000;
  const fund: Fund = {
    id: slug(`${manager.name} Fund ${roman} ${vintage}`),
    name: `${manager.name} Fund ${roman}`,
    managerId: manager.id,
    vintage,
    size: money(size),
    currency,
    strategy: manager.kind === 'pe' ? 'growth' : pick(['seed', 'early-stage', 'multi-stage']),
  };
  if (funds.some((existing) => existing.id === fund.id)) continue;
  funds.push(fund);
  // Commitments add up to the fund size exactly.
  const lps = pickSome(LPS, integer(3, 7));
  let committed = 0;
  lps.forEach((lp, lpIndex) => {
    const amount =
      lpIndex === lps.length - 1
        ? size - committed
        : roundTo((size / lps.length) * between(0.6, 1.3), 1_000_000);
    committed += amount;
    flows.push({ fundId: fund.id, kind: 'commitment', date: `${vintage}-01-01`, amount: money(amount), lp });
  });
  // A value path: the fund ends at `multiple` × paid-in, realised gradually from year three on.
  const multiple = between(0.7, 3.4);
  const calledShare = between(0.82, 0.98);
  let paidIn = 0;
  let distributed = 0;
  for (const date of quarterEnds(`${vintage}-01-01`, NAV_DATE)) {
    const years = (Date.parse(date) - Date.parse(`${vintage}-01-01`)) / (365.25 * 86_400_000);
    const targetPaid = size * calledShare * Math.min(1, years / 5);
    const call = roundTo(targetPaid - paidIn, 100_000);
    if (targetPaid - paidIn >= 100_000) {
      paidIn += call;
      flows.push({
        fundId: fund.id,
        kind: 'call',
        date: addDays(date, -integer(5, 40)),
        amount: money(call),
      });
    }
    const value = paidIn * (1 + (multiple - 1) * Math.min(1, years / 9) + between(-0.03, 0.03));
    const realised = Math.min(0.95, Math.max(0, (years - 3) / 8));
    const distribution = roundTo(value * realised - distributed, 100_000);
    if (value * realised - distributed >= 100_000) {
      distributed += distribution;
      flows.push({
        fundId: fund.id,
        kind: 'distribution',
        date: addDays(date, -integer(1, 20)),
        amount: money(distribution),
      });
    }
    flows.push({
      fundId: fund.id,
      kind: 'nav',
      date,
      amount: money(roundTo(Math.max(0, value - distributed), 100_000)),
    });
  }
}

/**
 * The PME index: a synthetic S&P 500 proxy (SPY-scaled), one close per weekday from the last weekday of
 * 2011 (before the first fund cash flow) to the last NAV date. Drawn from its own seed so adding it left
 * every other file unchanged: daily log returns with the index's long-run drift and volatility, then
 * bent (a Brownian bridge) to start and end near the real proxy's levels of those dates.
 */
const INDEX_SYMBOL = 'SPY';
const INDEX_FROM = '2011-12-30';
const INDEX_START_LEVEL = 125.5;
const INDEX_END_LEVEL = 660;
const indexRandom = mulberry32(500);
const normal = () => {
  const u = 1 - indexRandom();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * indexRandom());
};
const indexDates: string[] = [];
for (let date = INDEX_FROM; date <= NAV_DATE; date = addDays(date, 1)) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) indexDates.push(date);
}
const dailyVolatility = 0.16 / Math.sqrt(252);
let walk = 0;
const walkPath = indexDates.map((_, day) => {
  if (day > 0) walk += 0.1 / 252 - dailyVolatility ** 2 / 2 + dailyVolatility * normal();
  return walk;
});
const totalLog = Math.log(INDEX_END_LEVEL / INDEX_START_LEVEL);
const lastStep = indexDates.length - 1;
const indexLevels = indexDates.map((date, day) => {
  const bent = walkPath[day] + (day / lastStep) * (totalLog - walkPath[lastStep]);
  return { symbol: INDEX_SYMBOL, date, level: (INDEX_START_LEVEL * Math.exp(bent)).toFixed(2) };
});

const directory = join(__dirname, '..', 'data');
mkdirSync(directory, { recursive: true });
// Written as the repository's Prettier would format them, so a format check passes on the data too.
const write = async (file: string, rows: unknown[]): Promise<void> => {
  const path = join(directory, file);
  const options = await resolveConfig(path);
  writeFileSync(path, await format(JSON.stringify(rows), { ...options, filepath: path }));
};

async function main(): Promise<void> {
  await write('investors.json', investors);
  await write('companies.json', companies);
  await write('rounds.json', rounds);
  await write('acquisitions.json', acquisitions);
  await write('valuations.json', valuations);
  await write('ipos.json', ipos);
  await write('funds.json', funds);
  await write('fund-flows.json', flows);
  writeFileSync(
    join(directory, 'index-levels.csv'),
    ['symbol,date,level', ...indexLevels.map((row) => `${row.symbol},${row.date},${row.level}`)].join('\n') +
      '\n',
  );
  process.stdout.write(
    `investors ${investors.length}, companies ${companies.length}, rounds ${rounds.length}, acquisitions ${acquisitions.length}, ` +
      `valuations ${valuations.length}, ipos ${ipos.length}, funds ${funds.length}, fund flows ${flows.length}, ` +
      `index levels ${indexLevels.length}\n`,
  );
}

void main();
