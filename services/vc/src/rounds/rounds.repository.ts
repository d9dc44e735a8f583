import { Injectable } from '@nestjs/common';
import type { FundingStage } from '@marketpulse/contracts';
import { DataSource } from 'typeorm';
import type { RoundDto } from './dto/round.dto';

export interface RoundFilter {
  sector?: string;
  stage?: FundingStage;
  country?: string;
  investor?: string;
  currency?: string;
  companyId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

interface RoundRecord {
  id: string;
  company_id: string;
  company_name: string;
  sector: string;
  country: string;
  stage: FundingStage;
  announced_on: string;
  amount: string;
  currency: string;
  pre_money: string | null;
  post_money: string | null;
  lead_investor_id: string | null;
  investor_ids: string[];
  source: string;
  imported_at: Date;
}

@Injectable()
export class RoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async find(filter: RoundFilter): Promise<RoundDto[]> {
    const rows: RoundRecord[] = await this.dataSource.query(
      `SELECT r.id, r.company_id, c.name AS company_name, c.sector, c.country, r.stage,
              to_char(r.announced_on, 'YYYY-MM-DD') AS announced_on, r.amount::text, r.currency,
              r.pre_money::text, r.post_money::text, r.lead_investor_id, r.investor_ids, r.source, r.imported_at
         FROM funding_rounds r JOIN companies c ON c.id = r.company_id
        WHERE ($1::text IS NULL OR c.sector = $1)
          AND ($2::text IS NULL OR r.stage = $2)
          AND ($3::text IS NULL OR c.country = $3)
          AND ($4::text IS NULL OR $4 = ANY(r.investor_ids))
          AND ($5::text IS NULL OR r.currency = $5)
          AND ($6::text IS NULL OR r.company_id = $6)
          AND ($7::date IS NULL OR r.announced_on >= $7)
          AND ($8::date IS NULL OR r.announced_on <= $8)
        ORDER BY r.announced_on DESC, r.id
        LIMIT $9`,
      [
        filter.sector ?? null,
        filter.stage ?? null,
        filter.country ?? null,
        filter.investor ?? null,
        filter.currency ?? null,
        filter.companyId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.limit ?? null,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      companyId: row.company_id,
      companyName: row.company_name,
      sector: row.sector,
      country: row.country,
      stage: row.stage,
      announcedOn: row.announced_on,
      amount: row.amount,
      currency: row.currency,
      ...(row.pre_money ? { preMoney: row.pre_money } : {}),
      ...(row.post_money ? { postMoney: row.post_money } : {}),
      ...(row.lead_investor_id ? { leadInvestorId: row.lead_investor_id } : {}),
      investorIds: row.investor_ids,
      source: row.source,
      importedAt: row.imported_at.toISOString(),
    }));
  }
}
