import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PERFORMANCE_RANGES, type PerformanceRange } from '../performance-ranges';

export class PerformanceQuery {
  @ApiPropertyOptional({ enum: PERFORMANCE_RANGES, default: 'MAX' })
  @IsOptional()
  @IsIn(PERFORMANCE_RANGES, { message: `range must be one of ${PERFORMANCE_RANGES.join(', ')}` })
  range?: PerformanceRange;
}

const UNREALISED_PERCENT =
  'unrealisedGain / cost basis of the shares still held (of the holdings priced now), percent, before ' +
  'fees; omitted when that cost is zero (nothing held)';
const REALISED_PERCENT =
  'realisedGain / cost of the shares sold (what the cost method took out of the cost basis at each sale: ' +
  'the cost of all shares bought less the cost basis still held), percent, before fees; omitted when ' +
  'nothing was sold';

export class HoldingPerformanceDto {
  @ApiProperty()
  symbol: string;

  @ApiPropertyOptional({ description: 'In the base currency' })
  unrealisedGain?: string;

  @ApiPropertyOptional({ description: UNREALISED_PERCENT })
  unrealisedGainPercent?: string;

  @ApiPropertyOptional()
  realisedGain?: string;

  @ApiPropertyOptional({ description: REALISED_PERCENT })
  realisedGainPercent?: string;

  @ApiPropertyOptional()
  dividends?: string;

  @ApiPropertyOptional()
  fees?: string;

  @ApiPropertyOptional({
    description: '(unrealised + realised + dividends) / invested, percent, before fees',
  })
  returnPercent?: string;

  @ApiPropertyOptional()
  dayChange?: string;

  @ApiPropertyOptional({
    description:
      'First day the holding’s returns cover, as the portfolio’s from; later when the starting snapshot ' +
      'could not price the holding (its returns then start at the first snapshot that could, or now). ' +
      'Omitted with the return figures',
  })
  from?: string;

  @ApiPropertyOptional({
    description:
      'The holding’s returns start later than the range (no snapshot at its start, or one that could not ' +
      'price the holding). Omitted with the return figures',
  })
  partial?: boolean;

  @ApiPropertyOptional({
    description:
      'Time-weighted return of the holding over the range before fees, percent. Measured as the ' +
      'portfolio’s, over the same snapshots: the holding’s value is its line in each (zero when not held; ' +
      'a snapshot that could not price it is skipped), its flows are its buys and sales (net: and its ' +
      'fees), its dividends income. The return figures are omitted when the holding has no value now',
  })
  twrGrossPercent?: string;

  @ApiPropertyOptional({ description: 'As twrGrossPercent, after the holding’s fees' })
  twrNetPercent?: string;

  @ApiPropertyOptional({
    description: 'Money-weighted return (XIRR, annual, after fees) of the holding, percent',
  })
  xirrPercent?: string;

  @ApiPropertyOptional({ description: 'Why XIRR is not defined for the holding’s flows' })
  xirrUndefinedReason?: string;

  @ApiPropertyOptional({
    description: 'Largest fall of the holding’s net time-weighted index from a peak in the range, percent',
  })
  maxDrawdownPercent?: string;
}

export class PerformanceDto {
  @ApiProperty({ enum: PERFORMANCE_RANGES })
  range: PerformanceRange;

  @ApiProperty({ description: 'First day of the range (the close before it is the starting value)' })
  from: string;

  @ApiProperty()
  to: string;

  @ApiProperty()
  baseCurrency: string;

  @ApiProperty({ description: 'Holdings value now' })
  value: string;

  @ApiProperty({
    description:
      'A price or FX rate behind the value and gains is older than the staleness limit (or missing)',
  })
  stale: boolean;

  @ApiProperty({ description: 'Since inception, in the base currency' })
  unrealisedGain: string;

  @ApiProperty()
  realisedGain: string;

  @ApiProperty({ description: 'Dividends, on their own line (not in price gains)' })
  dividends: string;

  @ApiProperty({ description: 'Trading, dividend and account fees' })
  fees: string;

  @ApiPropertyOptional({ description: UNREALISED_PERCENT })
  unrealisedGainPercent?: string;

  @ApiPropertyOptional({ description: REALISED_PERCENT })
  realisedGainPercent?: string;

  @ApiProperty({ description: 'unrealised + realised + dividends' })
  grossGain: string;

  @ApiProperty({ description: 'grossGain − fees' })
  netGain: string;

  @ApiPropertyOptional({ description: 'grossGain / invested, percent' })
  grossGainPercent?: string;

  @ApiPropertyOptional({ description: 'netGain / invested, percent' })
  netGainPercent?: string;

  @ApiProperty({ description: 'Change of the holdings since the previous day’s last prices' })
  dayChange: string;

  @ApiProperty({ description: 'Time-weighted return over the range before fees, percent' })
  twrGrossPercent: string;

  @ApiProperty({ description: 'Time-weighted return over the range after fees, percent' })
  twrNetPercent: string;

  @ApiPropertyOptional({ description: 'Money-weighted return (XIRR, annual, after fees), percent' })
  xirrPercent?: string;

  @ApiPropertyOptional({ description: 'Why XIRR is not defined for these flows' })
  xirrUndefinedReason?: string;

  @ApiProperty({ description: 'Largest fall of the time-weighted index from a peak in the range, percent' })
  maxDrawdownPercent: string;

  @ApiProperty({ description: 'Snapshots (plus now) the returns are computed from' })
  points: number;

  @ApiProperty({ description: 'No snapshot at the start of the range: returns start at the first one in it' })
  partial: boolean;

  @ApiPropertyOptional({ type: HoldingPerformanceDto })
  topGainer?: HoldingPerformanceDto;

  @ApiPropertyOptional({ type: HoldingPerformanceDto })
  topLoser?: HoldingPerformanceDto;

  @ApiPropertyOptional({ description: 'Mean returnPercent across holdings' })
  averageHoldingReturnPercent?: string;

  @ApiProperty({ type: [HoldingPerformanceDto] })
  holdings: HoldingPerformanceDto[];
}

export class PerformanceSummaryDto {
  @ApiProperty({ example: '2026-11-23' })
  day: string;

  @ApiProperty({ description: 'unrealised + realised + dividends since inception, base currency' })
  grossGain: string;

  @ApiProperty({ description: 'grossGain − all fees' })
  netGain: string;

  @ApiProperty()
  dayChange: string;

  @ApiPropertyOptional()
  topGainer?: string;

  @ApiPropertyOptional()
  topGainerPercent?: string;

  @ApiPropertyOptional()
  topLoser?: string;

  @ApiPropertyOptional()
  topLoserPercent?: string;

  @ApiPropertyOptional({ description: 'Mean return across holdings, percent' })
  averageReturnPercent?: string;

  @ApiProperty({ format: 'date-time' })
  computedAt: string;
}
