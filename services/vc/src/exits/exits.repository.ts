import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AcquisitionDto, AcquisitionsQuery, ExitDto, ExitsQuery } from './dto/exit.dto';

@Injectable()
export class ExitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async acquisitions(query: AcquisitionsQuery): Promise<AcquisitionDto[]> {
    const rows: (Omit<AcquisitionDto, 'price' | 'currency'> & {
      price: string | null;
      currency: string | null;
    })[] = await this.dataSource.query(
      `SELECT a.id, a.acquirer, a.target_company_id AS "targetCompanyId", c.name AS "targetName", c.sector,
                to_char(a.announced_on, 'YYYY-MM-DD') AS "announcedOn", a.price::text, a.currency, a.status, a.source
           FROM acquisitions a JOIN companies c ON c.id = a.target_company_id
          WHERE ($1::date IS NULL OR a.announced_on >= $1) AND ($2::date IS NULL OR a.announced_on <= $2)
            AND ($3::text IS NULL OR a.status = $3)
          ORDER BY a.announced_on DESC, a.id`,
      [query.from ?? null, query.to ?? null, query.status ?? null],
    );
    return rows.map(({ price, currency, ...row }) => ({
      ...row,
      ...(price && currency ? { price, currency } : {}),
    }));
  }

  /** Completed acquisitions and listings, newest first. */
  async exits(query: ExitsQuery): Promise<ExitDto[]> {
    const rows: {
      type: ExitDto['type'];
      company_id: string;
      company_name: string;
      date: string;
      via: string;
      value: string | null;
      currency: string | null;
    }[] = await this.dataSource.query(
      `SELECT * FROM (
           SELECT 'acquisition' AS type, a.target_company_id AS company_id, c.name AS company_name,
                  to_char(a.announced_on, 'YYYY-MM-DD') AS date, a.acquirer AS via, a.price::text AS value, a.currency
             FROM acquisitions a JOIN companies c ON c.id = a.target_company_id WHERE a.status = 'completed'
           UNION ALL
           -- A listing's expected date, else the day it was recorded as listed (not the row's last edit).
           SELECT 'ipo', i.company_id, c.name,
                  to_char(COALESCE(i.expected_on, (SELECT max(t.changed_at)::date FROM ipo_transitions t
                                                    WHERE t.company_id = i.company_id AND t.to_stage = 'listed'),
                                   i.updated_at::date), 'YYYY-MM-DD'),
                  i.exchange, i.valuation::text, CASE WHEN i.valuation IS NULL THEN NULL ELSE i.currency END
             FROM ipos i JOIN companies c ON c.id = i.company_id WHERE i.stage = 'listed'
         ) e
         WHERE ($1::text IS NULL OR e.date >= $1) AND ($2::text IS NULL OR e.date <= $2)
         ORDER BY e.date DESC, e.company_id`,
      [query.from ?? null, query.to ?? null],
    );
    return rows.map((row) => ({
      type: row.type,
      companyId: row.company_id,
      companyName: row.company_name,
      date: row.date,
      via: row.via,
      ...(row.value && row.currency ? { value: row.value, currency: row.currency } : {}),
    }));
  }
}
