import { acquisitionId, roundId, type DatasetKind, type VcDataset } from '../dataset/vc-dataset';
import type { UpsertTable } from './upsert-statement';

interface TableMapping<K extends DatasetKind> {
  spec: UpsertTable;
  /** The row as the jsonb object the statement reads (column name → value). */
  toRecord(row: VcDataset[K][number]): Record<string, unknown>;
}

/** How each kind of row lands in its table. IPOs are not here: they move through the state machine. */
export const VC_TABLES: { [K in Exclude<DatasetKind, 'ipos'>]: TableMapping<K> } = {
  investors: {
    spec: {
      table: 'investors',
      key: ['id'],
      columns: {
        id: 'text',
        name: 'text',
        kind: 'text',
        country: 'text',
        aum: 'numeric',
        aum_currency: 'text',
      },
      returning: ['id'],
    },
    toRecord: (row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      country: row.country,
      aum: row.aum ?? null,
      aum_currency: row.aumCurrency ?? null,
    }),
  },
  companies: {
    spec: {
      table: 'companies',
      key: ['id'],
      columns: {
        id: 'text',
        name: 'text',
        sector: 'text',
        sub_sector: 'text',
        country: 'text',
        founded_year: 'smallint',
        status: 'text',
      },
      returning: ['id'],
    },
    toRecord: (row) => ({
      id: row.id,
      name: row.name,
      sector: row.sector,
      sub_sector: row.subSector,
      country: row.country,
      founded_year: row.foundedYear,
      status: row.status,
    }),
  },
  rounds: {
    spec: {
      table: 'funding_rounds',
      key: ['id'],
      columns: {
        id: 'text',
        company_id: 'text',
        stage: 'text',
        announced_on: 'date',
        amount: 'numeric',
        currency: 'text',
        pre_money: 'numeric',
        post_money: 'numeric',
        lead_investor_id: 'text',
        investor_ids: 'text[]',
      },
      returning: ['id'],
    },
    toRecord: (row) => ({
      id: roundId(row),
      company_id: row.companyId,
      stage: row.stage,
      announced_on: row.announcedOn,
      amount: row.amount,
      currency: row.currency,
      pre_money: row.preMoney ?? null,
      post_money: row.postMoney ?? null,
      lead_investor_id: row.leadInvestorId ?? null,
      investor_ids: [...new Set(row.investorIds)].sort(),
    }),
  },
  acquisitions: {
    spec: {
      table: 'acquisitions',
      key: ['id'],
      columns: {
        id: 'text',
        acquirer: 'text',
        target_company_id: 'text',
        announced_on: 'date',
        price: 'numeric',
        currency: 'text',
        status: 'text',
      },
      returning: ['id'],
    },
    toRecord: (row) => ({
      id: acquisitionId(row),
      acquirer: row.acquirer,
      target_company_id: row.targetCompanyId,
      announced_on: row.announcedOn,
      price: row.price ?? null,
      currency: row.currency ?? null,
      status: row.status,
    }),
  },
  valuations: {
    spec: {
      table: 'valuations',
      key: ['company_id', 'valued_on', 'basis'],
      columns: {
        company_id: 'text',
        valued_on: 'date',
        basis: 'text',
        valuation: 'numeric',
        currency: 'text',
      },
      returning: ['company_id'],
    },
    toRecord: (row) => ({
      company_id: row.companyId,
      valued_on: row.valuedOn,
      basis: row.basis,
      valuation: row.valuation,
      currency: row.currency,
    }),
  },
  funds: {
    spec: {
      table: 'funds',
      key: ['id'],
      columns: {
        id: 'text',
        name: 'text',
        manager_id: 'text',
        vintage: 'smallint',
        size: 'numeric',
        currency: 'text',
        strategy: 'text',
      },
      returning: ['id'],
    },
    toRecord: (row) => ({
      id: row.id,
      name: row.name,
      manager_id: row.managerId,
      vintage: row.vintage,
      size: row.size,
      currency: row.currency,
      strategy: row.strategy,
    }),
  },
  'fund-flows': {
    spec: {
      table: 'fund_flows',
      key: ['fund_id', 'kind', 'flow_date', 'lp'],
      columns: { fund_id: 'text', kind: 'text', flow_date: 'date', lp: 'text', amount: 'numeric' },
      returning: ['fund_id'],
    },
    toRecord: (row) => ({
      fund_id: row.fundId,
      kind: row.kind,
      flow_date: row.date,
      lp: row.lp ?? '',
      amount: row.amount,
    }),
  },
};
