import { Injectable } from '@nestjs/common';
import type { IpoStage } from '@marketpulse/contracts';
import { DataSource } from 'typeorm';
import type { IpoDto, IpoTransitionDto } from './dto/ipo.dto';
import { allowedTransitions } from './ipo-stage-machine';

interface IpoRecord {
  company_id: string;
  company_name: string;
  sector: string;
  stage: IpoStage;
  exchange: string | null;
  ticker: string | null;
  expected_on: string | null;
  valuation: string | null;
  price: string | null;
  currency: string;
  updated_at: Date;
}

@Injectable()
export class IposRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(companyId?: string): Promise<IpoDto[]> {
    const rows: IpoRecord[] = await this.dataSource.query(
      `SELECT i.company_id, c.name AS company_name, c.sector, i.stage, i.exchange, i.ticker,
              to_char(i.expected_on, 'YYYY-MM-DD') AS expected_on, i.valuation::text, i.price::text, i.currency,
              i.updated_at
         FROM ipos i JOIN companies c ON c.id = i.company_id
        WHERE $1::text IS NULL OR i.company_id = $1
        ORDER BY i.expected_on NULLS LAST, c.name`,
      [companyId ?? null],
    );
    return rows.map((row) => ({
      companyId: row.company_id,
      companyName: row.company_name,
      sector: row.sector,
      stage: row.stage,
      allowedNext: [...allowedTransitions(row.stage)],
      ...(row.exchange ? { exchange: row.exchange } : {}),
      ...(row.ticker ? { ticker: row.ticker } : {}),
      ...(row.expected_on ? { expectedOn: row.expected_on } : {}),
      ...(row.valuation ? { valuation: row.valuation } : {}),
      ...(row.price ? { price: row.price } : {}),
      currency: row.currency,
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  async transitions(companyId: string): Promise<IpoTransitionDto[]> {
    const rows: { from_stage: string | null; to_stage: string; changed_at: Date; source: string }[] =
      await this.dataSource.query(
        `SELECT from_stage, to_stage, changed_at, source FROM ipo_transitions WHERE company_id = $1
          ORDER BY changed_at, to_stage`,
        [companyId],
      );
    return rows.map((row) => ({
      ...(row.from_stage ? { fromStage: row.from_stage } : {}),
      toStage: row.to_stage,
      changedAt: row.changed_at.toISOString(),
      source: row.source,
    }));
  }
}
