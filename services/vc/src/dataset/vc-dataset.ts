import type { ClassConstructor } from 'class-transformer';
import {
  AcquisitionRow,
  CompanyRow,
  FundFlowRow,
  FundRow,
  InvestorRow,
  IpoRow,
  RoundRow,
  ValuationRow,
} from './dataset-rows';

/** Everything a provider delivers, kind by kind, in the order the rows must be applied. */
export interface VcDataset {
  investors: InvestorRow[];
  companies: CompanyRow[];
  rounds: RoundRow[];
  acquisitions: AcquisitionRow[];
  valuations: ValuationRow[];
  ipos: IpoRow[];
  funds: FundRow[];
  'fund-flows': FundFlowRow[];
}

export type DatasetKind = keyof VcDataset;

/** Parents before children: a round names its company and investors, so those come first. */
export const DATASET_KINDS: readonly DatasetKind[] = [
  'investors',
  'companies',
  'rounds',
  'acquisitions',
  'valuations',
  'ipos',
  'funds',
  'fund-flows',
];

export const ROW_CLASSES: { [K in DatasetKind]: ClassConstructor<VcDataset[K][number]> } = {
  investors: InvestorRow,
  companies: CompanyRow,
  rounds: RoundRow,
  acquisitions: AcquisitionRow,
  valuations: ValuationRow,
  ipos: IpoRow,
  funds: FundRow,
  'fund-flows': FundFlowRow,
};

export const emptyDataset = (): VcDataset => ({
  investors: [],
  companies: [],
  rounds: [],
  acquisitions: [],
  valuations: [],
  ipos: [],
  funds: [],
  'fund-flows': [],
});

/** The natural key of a row: a re-import of the same key updates the row instead of adding one. */
export const NATURAL_KEYS: { [K in DatasetKind]: (row: VcDataset[K][number]) => string } = {
  investors: (row) => row.id,
  companies: (row) => row.id,
  rounds: (row) => roundId(row),
  acquisitions: (row) => acquisitionId(row),
  valuations: (row) => `${row.companyId}/${row.valuedOn}/${row.basis}`,
  ipos: (row) => row.companyId,
  funds: (row) => row.id,
  'fund-flows': (row) => `${row.fundId}/${row.kind}/${row.date}/${row.lp ?? ''}`,
};

export const roundId = (row: Pick<RoundRow, 'companyId' | 'stage' | 'announcedOn'>): string =>
  `${row.companyId}/${row.stage}/${row.announcedOn}`;

export const acquisitionId = (row: Pick<AcquisitionRow, 'targetCompanyId' | 'announcedOn'>): string =>
  `${row.targetCompanyId}/${row.announcedOn}`;
