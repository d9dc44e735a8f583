import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoundsRepository } from '../rounds/rounds.repository';
import type {
  CompaniesQuery,
  CompanyDetailDto,
  CompanyDto,
  CompanyValuationDto,
  ValuationDto,
  ValuationsQuery,
} from './dto/company.dto';
import { stepUps } from './step-ups';

interface CompanyRecord {
  id: string;
  name: string;
  sector: string;
  sub_sector: string;
  country: string;
  founded_year: number;
  status: string;
  source: string;
  imported_at: Date;
}

const toDto = (row: CompanyRecord): CompanyDto => ({
  id: row.id,
  name: row.name,
  sector: row.sector,
  subSector: row.sub_sector,
  country: row.country,
  foundedYear: row.founded_year,
  status: row.status,
  source: row.source,
  importedAt: row.imported_at.toISOString(),
});

@Injectable()
export class CompaniesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundsRepository,
  ) {}

  async list(query: CompaniesQuery): Promise<CompanyDto[]> {
    const rows: CompanyRecord[] = await this.dataSource.query(
      `SELECT * FROM companies WHERE ($1::text IS NULL OR sector = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY name LIMIT $3`,
      [query.sector ?? null, query.status ?? null, query.limit ?? 100],
    );
    return rows.map(toDto);
  }

  async detail(id: string): Promise<CompanyDetailDto> {
    const [company]: CompanyRecord[] = await this.dataSource.query('SELECT * FROM companies WHERE id = $1', [
      id,
    ]);
    if (!company) throw new NotFoundException(`No company '${id}'`);
    const rounds = (await this.rounds.find({ companyId: id })).reverse();
    const steps = stepUps(rounds);
    return {
      ...toDto(company),
      rounds: rounds.map((round, index) => ({ ...round, ...(steps[index] ? { stepUp: steps[index] } : {}) })),
      valuations: await this.valuations(id),
    };
  }

  async requireExists(id: string): Promise<void> {
    const found: unknown[] = await this.dataSource.query('SELECT 1 FROM companies WHERE id = $1', [id]);
    if (found.length === 0) throw new NotFoundException(`No company '${id}'`);
  }

  async valuations(id: string): Promise<ValuationDto[]> {
    return this.dataSource.query(
      `SELECT to_char(valued_on, 'YYYY-MM-DD') AS "valuedOn", basis, valuation::text, currency, source
         FROM valuations WHERE company_id = $1 ORDER BY valued_on, basis`,
      [id],
    );
  }

  /** Valuations of every company, newest first: each in its own currency. */
  async allValuations(query: ValuationsQuery): Promise<CompanyValuationDto[]> {
    return this.dataSource.query(
      `SELECT v.company_id AS "companyId", c.name AS "companyName", c.sector,
              to_char(v.valued_on, 'YYYY-MM-DD') AS "valuedOn", v.basis, v.valuation::text, v.currency, v.source
         FROM valuations v JOIN companies c ON c.id = v.company_id
        WHERE ($1::text IS NULL OR c.sector = $1) AND ($2::text IS NULL OR v.basis = $2)
          AND ($3::date IS NULL OR v.valued_on >= $3) AND ($4::date IS NULL OR v.valued_on <= $4)
        ORDER BY v.valued_on DESC, v.company_id, v.basis
        LIMIT $5`,
      [query.sector ?? null, query.basis ?? null, query.from ?? null, query.to ?? null, query.limit ?? 100],
    );
  }
}
