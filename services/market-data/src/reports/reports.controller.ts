import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LatestReportQueryDto, ReportsQueryDto } from './dto/reports-query.dto';
import { isCalendarDay } from '../validation/calendar-day';
import { REPORT_KINDS, type ReportKind, type TrendReport } from './trend-report';
import { TrendReportsRepository, type ReportListing } from './trend-reports.repository';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: TrendReportsRepository) {}

  @Get()
  @ApiOperation({ summary: 'Trend reports written so far, newest first, with their summaries' })
  list(@Query() query: ReportsQueryDto): Promise<ReportListing[]> {
    return this.reports.list(query.kind, query.limit ?? 30);
  }

  @Get('latest')
  @ApiOperation({
    summary: 'The latest daily report (08:00 UTC) or weekly summary (Sunday 08:00 UTC)',
    description: 'Trend regime per asset (price vs 50/200-day), momentum ranks, top movers, fresh signals.',
  })
  @ApiNotFoundResponse({ description: 'No report of this kind yet' })
  async latest(@Query() query: LatestReportQueryDto): Promise<TrendReport> {
    const kind = query.kind ?? 'daily';
    return this.found(await this.reports.find(kind), kind);
  }

  @Get(':kind/:date')
  @ApiOperation({ summary: 'The report of a kind for a day, or the latest one (/reports/daily/latest)' })
  @ApiNotFoundResponse({ description: 'No report of this kind for that day' })
  async get(@Param('kind') kind: string, @Param('date') date: string): Promise<TrendReport> {
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
      throw new BadRequestException(`kind must be one of ${REPORT_KINDS.join(', ')}`);
    }
    if (date === 'latest') return this.found(await this.reports.find(kind as ReportKind), kind as ReportKind);
    if (!isCalendarDay(date)) {
      throw new BadRequestException(
        `'${date.slice(0, 20)}' is not a day such as 2026-11-25 (one that exists, from 1900)`,
      );
    }
    return this.found(await this.reports.find(kind as ReportKind, date), kind as ReportKind, date);
  }

  private found(report: TrendReport | undefined, kind: ReportKind, date?: string): TrendReport {
    if (report) return report;
    const job = kind === 'daily' ? 'market-data.daily-report' : 'market-data.weekly-summary';
    throw new NotFoundException(
      `No ${kind} report${date ? ` for ${date}` : ' yet'}: the ${job} job writes one (POST /jobs/${job}/run on the scheduler)`,
    );
  }
}
