import type { EntityManager } from 'typeorm';
import type { FundFlowRow, FundRow, RoundRow } from '../dataset/dataset-rows';
import type { RowError } from '../dataset/row-validation';
import type { DatasetKind, VcDataset } from '../dataset/vc-dataset';
import { describeRefusal, isFinal, pathTo } from '../ipos/ipo-stage-machine';
import { SELECT_IPO, sameIpo, type StoredIpo } from '../ipos/ipo-writer';

type Lines<K extends DatasetKind> = { line: number; row: VcDataset[K][number] }[];

async function existing(manager: EntityManager, table: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { id: string }[] = await manager.query(`SELECT id FROM ${table} WHERE id = ANY($1)`, [
    [...new Set(ids)],
  ]);
  return new Set(rows.map((row) => row.id));
}

/**
 * What a row may only be checked against the stored data for: the company, investors or fund it names
 * exist; a fund flow is not dated before its vintage; an IPO does not move backwards.
 */
export async function referenceErrors<K extends DatasetKind>(
  manager: EntityManager,
  kind: K,
  lines: Lines<K>,
): Promise<RowError[]> {
  const errors = new Map<number, string[]>();
  const add = (line: number, message: string) => errors.set(line, [...(errors.get(line) ?? []), message]);
  const companyRef = (row: VcDataset[K][number]): string | undefined =>
    'companyId' in row ? row.companyId : 'targetCompanyId' in row ? row.targetCompanyId : undefined;

  if (kind === 'rounds' || kind === 'acquisitions' || kind === 'valuations' || kind === 'ipos') {
    const known = await existing(
      manager,
      'companies',
      lines.map(({ row }) => companyRef(row)!),
    );
    for (const { line, row } of lines) {
      if (!known.has(companyRef(row)!)) add(line, `unknown company '${companyRef(row)}'`);
    }
  }
  if (kind === 'rounds') {
    const rounds = lines as Lines<'rounds'>;
    const known = await existing(
      manager,
      'investors',
      rounds.flatMap(({ row }) => investorsOf(row)),
    );
    for (const { line, row } of rounds) {
      for (const id of investorsOf(row)) if (!known.has(id)) add(line, `unknown investor '${id}'`);
    }
  }
  if (kind === 'funds') {
    const funds = lines as Lines<'funds'>;
    const known = await existing(
      manager,
      'investors',
      funds.map(({ row }) => (row as FundRow).managerId),
    );
    for (const { line, row } of funds)
      if (!known.has(row.managerId)) add(line, `unknown manager '${row.managerId}'`);
  }
  if (kind === 'fund-flows') {
    const flows = lines as Lines<'fund-flows'>;
    const ids = [...new Set(flows.map(({ row }) => (row as FundFlowRow).fundId))];
    const vintages: { id: string; vintage: number }[] = await manager.query(
      'SELECT id, vintage FROM funds WHERE id = ANY($1)',
      [ids],
    );
    const vintageOf = new Map(vintages.map((fund) => [fund.id, fund.vintage]));
    for (const { line, row } of flows) {
      const vintage = vintageOf.get(row.fundId);
      if (vintage === undefined) add(line, `unknown fund '${row.fundId}'`);
      else if (row.date < `${vintage}-01-01`)
        add(line, `date ${row.date} is before the fund's vintage year ${vintage}`);
    }
  }
  if (kind === 'ipos') {
    const ipos = lines as Lines<'ipos'>;
    const stored: StoredIpo[] = await manager.query(`${SELECT_IPO} WHERE i.company_id = ANY($1)`, [
      ipos.map(({ row }) => row.companyId),
    ]);
    const byCompany = new Map(stored.map((ipo) => [ipo.company_id, ipo]));
    for (const { line, row } of ipos) {
      const before = byCompany.get(row.companyId);
      if (!before || sameIpo(before, row)) continue;
      if (before.stage !== row.stage && !pathTo(before.stage, row.stage)) {
        add(line, describeRefusal(before.stage, row.stage));
      } else if (isFinal(before.stage)) {
        add(line, `the IPO is ${before.stage}, a final stage: it can no longer change`);
      }
    }
  }
  return [...errors.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, messages]) => ({ line, errors: messages }));
}

const investorsOf = (row: RoundRow): string[] => [
  ...new Set([...row.investorIds, ...(row.leadInvestorId ? [row.leadInvestorId] : [])]),
];
