import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { SignalDto } from './dto/signal.dto';
import { SignalsQueryDto } from './dto/signals-query.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

@ApiTags('signals')
@Controller('signals')
export class SignalsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Stored indicator signals, newest bar first (daily detect-signals job)' })
  @ApiOkResponse({ type: [SignalDto] })
  async list(@Query() query: SignalsQueryDto): Promise<SignalDto[]> {
    const since = query.since ?? new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
    const rows: {
      symbol: string;
      date: string;
      type: string;
      direction: string;
      strength: string;
      fast: string | null;
      slow: string | null;
      distance: string | null;
      fast_period: number | null;
      slow_period: number | null;
      synthetic: boolean;
      detected_at: Date;
    }[] = await this.dataSource.query(
      `SELECT symbol, date::text AS date, type, direction, strength::text, fast::text, slow::text, distance::text,
              fast_period, slow_period, synthetic, detected_at
         FROM signals
        WHERE date >= $1 AND ($2::text IS NULL OR symbol = $2) AND ($3::text IS NULL OR type = $3)
        ORDER BY date DESC, symbol, type LIMIT $4`,
      [since, query.symbol ?? null, query.type ?? null, query.limit ?? 100],
    );
    return rows.map((row) => ({
      symbol: row.symbol,
      date: row.date,
      type: row.type,
      direction: row.direction,
      strength: row.strength,
      ...(row.fast !== null ? { fast: row.fast } : {}),
      ...(row.slow !== null ? { slow: row.slow } : {}),
      ...(row.distance !== null ? { distance: row.distance } : {}),
      ...(row.fast_period !== null ? { fastPeriod: row.fast_period } : {}),
      ...(row.slow_period !== null ? { slowPeriod: row.slow_period } : {}),
      synthetic: row.synthetic,
      detectedAt: row.detected_at.toISOString(),
    }));
  }
}
