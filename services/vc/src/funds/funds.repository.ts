import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FundFlow } from './fund-returns';

export interface FundRecord {
  id: string;
  name: string;
  managerId: string;
  managerName: string;
  vintage: number;
  size: string;
  currency: string;
  strategy: string;
  committed: string;
  flows: FundFlow[];
}

@Injectable()
export class FundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Funds with their calls, distributions and NAV statements (commitments are summed, not listed). */
  async load(filter: { id?: string; vintage?: number } = {}): Promise<FundRecord[]> {
    const funds: {
      id: string;
      name: string;
      manager_id: string;
      manager_name: string;
      vintage: number;
      size: string;
      currency: string;
      strategy: string;
      committed: string;
    }[] = await this.dataSource.query(
      `SELECT f.id, f.name, f.manager_id, i.name AS manager_name, f.vintage, f.size::text, f.currency, f.strategy,
              COALESCE((SELECT sum(amount) FROM fund_flows c WHERE c.fund_id = f.id AND c.kind = 'commitment'), 0)::text
                AS committed
         FROM funds f JOIN investors i ON i.id = f.manager_id
        WHERE ($1::text IS NULL OR f.id = $1) AND ($2::int IS NULL OR f.vintage = $2)
        ORDER BY f.vintage, f.id`,
      [filter.id ?? null, filter.vintage ?? null],
    );
    const flows: { fund_id: string; kind: FundFlow['kind']; date: string; amount: string }[] =
      await this.dataSource.query(
        `SELECT fund_id, kind, to_char(flow_date, 'YYYY-MM-DD') AS date, amount::text FROM fund_flows
          WHERE kind <> 'commitment' AND fund_id = ANY($1) ORDER BY fund_id, flow_date, kind`,
        [funds.map((fund) => fund.id)],
      );
    const byFund = new Map<string, FundFlow[]>();
    for (const flow of flows) {
      const list = byFund.get(flow.fund_id) ?? [];
      list.push({ kind: flow.kind, date: flow.date, amount: flow.amount });
      byFund.set(flow.fund_id, list);
    }
    return funds.map((fund) => ({
      id: fund.id,
      name: fund.name,
      managerId: fund.manager_id,
      managerName: fund.manager_name,
      vintage: fund.vintage,
      size: fund.size,
      currency: fund.currency,
      strategy: fund.strategy,
      committed: fund.committed,
      flows: byFund.get(fund.id) ?? [],
    }));
  }
}
