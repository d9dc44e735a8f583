import { FUNDING_STAGES } from '@marketpulse/contracts';
import Decimal from 'decimal.js';
import { DATASET_KINDS, type VcDataset } from '../dataset/vc-dataset';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledVcDataDirectory, readBundledDataset, readBundledIndexLevels } from './bundled-vc.provider';

describe('the bundled VC dataset', () => {
  let sut: VcDataset;

  beforeAll(() => {
    sut = readBundledDataset(bundledVcDataDirectory(), DATASET_KINDS);
  });

  it('is big enough to show a landscape: hundreds of rows', () => {
    expect(sut.companies.length).toBeGreaterThanOrEqual(100);
    expect(sut.rounds.length).toBeGreaterThanOrEqual(300);
    expect(sut.investors.length).toBeGreaterThanOrEqual(50);
    expect(sut.acquisitions.length).toBeGreaterThanOrEqual(15);
    expect(sut.funds.length).toBeGreaterThanOrEqual(20);
    expect(new Set(sut.ipos.map((ipo) => ipo.stage))).toEqual(
      new Set(['rumoured', 'filed', 'priced', 'listed', 'withdrawn']),
    );
  });

  it('has post-money = pre-money + amount in every round', () => {
    for (const round of sut.rounds) {
      expect(new Decimal(round.preMoney!).plus(round.amount).toFixed(2)).toBe(round.postMoney);
    }
  });

  it("orders each company's rounds up the stage ladder in date order", () => {
    const byCompany = new Map<string, typeof sut.rounds>();
    for (const round of sut.rounds)
      byCompany.set(round.companyId, [...(byCompany.get(round.companyId) ?? []), round]);
    for (const rounds of byCompany.values()) {
      const sorted = [...rounds].sort((a, b) => a.announcedOn.localeCompare(b.announcedOn));
      const ladder = sorted.map((round) => FUNDING_STAGES.indexOf(round.stage));
      expect(ladder).toEqual([...ladder].sort((a, b) => a - b));
      expect(new Set(ladder).size).toBe(ladder.length);
    }
  });

  it('references only known companies and investors, and dates exits after the last round', () => {
    const companies = new Set(sut.companies.map((company) => company.id));
    const investors = new Set(sut.investors.map((investor) => investor.id));
    const lastRound = new Map<string, string>();
    for (const round of sut.rounds) {
      expect(companies.has(round.companyId)).toBe(true);
      for (const id of round.investorIds) expect(investors.has(id)).toBe(true);
      if (round.announcedOn > (lastRound.get(round.companyId) ?? ''))
        lastRound.set(round.companyId, round.announcedOn);
    }
    for (const deal of sut.acquisitions) {
      expect(deal.announcedOn > lastRound.get(deal.targetCompanyId)!).toBe(true);
    }
  });

  it('dates fund flows on or after the vintage, commits exactly the fund size, and keeps NAV non-negative', () => {
    for (const fund of sut.funds) {
      const flows = sut['fund-flows'].filter((flow) => flow.fundId === fund.id);
      expect(flows.every((flow) => flow.date >= `${fund.vintage}-01-01`)).toBe(true);
      const committed = flows
        .filter((flow) => flow.kind === 'commitment')
        .reduce((sum, flow) => sum.plus(flow.amount), new Decimal(0));
      expect(committed.toFixed(2)).toBe(fund.size);
      expect(flows.every((flow) => !new Decimal(flow.amount).isNegative())).toBe(true);
    }
  });

  it('holds a daily PME index history from before the first cash flow to the last NAV date', () => {
    const levels = readBundledIndexLevels(bundledVcDataDirectory(), 'SPY');
    const dates = sut['fund-flows'].map((flow) => flow.date).sort();
    expect(levels[0].date <= dates[0]).toBe(true);
    expect(levels[levels.length - 1].date).toBe(dates[dates.length - 1]);
    for (let day = 1; day < levels.length; day += 1) {
      expect(levels[day].date > levels[day - 1].date).toBe(true);
      const move = new Decimal(levels[day].level)
        .div(levels[day - 1].level)
        .minus(1)
        .abs();
      // A daily move of the index beyond 12 % would be a broken series, not a market.
      expect(move.lt(0.12)).toBe(true);
    }
    expect(readBundledIndexLevels(bundledVcDataDirectory(), 'NO-SUCH-INDEX')).toEqual([]);
  });

  it('refuses an index history line that is not symbol, date and a positive level, naming the line', () => {
    const directory = mkdtempSync(join(tmpdir(), 'vc-index-'));
    try {
      writeFileSync(
        join(directory, 'index-levels.csv'),
        'symbol,date,level\nSPY,2020-01-02,320.5\nSPY,2020-01-03,0\n',
      );
      expect(() => readBundledIndexLevels(directory, 'SPY')).toThrow(
        'index-levels.csv line 3: expected symbol,YYYY-MM-DD,positive level',
      );
    } finally {
      rmSync(directory, { recursive: true });
    }
  });
});
