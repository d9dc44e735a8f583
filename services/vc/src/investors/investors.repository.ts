import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InvestorDto } from './dto/investor.dto';

@Injectable()
export class InvestorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<InvestorDto[]> {
    const rows: {
      id: string;
      name: string;
      kind: string;
      country: string;
      aum: string | null;
      aum_currency: string | null;
    }[] = await this.dataSource.query(
      'SELECT id, name, kind, country, aum::text, aum_currency FROM investors ORDER BY name',
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      country: row.country,
      ...(row.aum && row.aum_currency ? { aum: row.aum, aumCurrency: row.aum_currency } : {}),
    }));
  }
}
