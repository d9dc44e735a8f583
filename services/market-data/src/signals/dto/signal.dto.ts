import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SignalDto {
  @ApiProperty() symbol: string;
  @ApiProperty({ description: 'The bar (UTC day)' }) date: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: ['bullish', 'bearish'] }) direction: string;
  @ApiProperty() strength: string;
  @ApiPropertyOptional() fast?: string;
  @ApiPropertyOptional() slow?: string;
  @ApiPropertyOptional() distance?: string;
  @ApiPropertyOptional({ description: 'Bars of the fast average of a moving-average cross' })
  fastPeriod?: number;
  @ApiPropertyOptional({ description: 'Bars of the slow average crossed (200, or the configured pair)' })
  slowPeriod?: number;
  @ApiProperty({ description: 'Computed from synthetic (simulated) bars, wholly or in part' })
  synthetic: boolean;
  @ApiProperty() detectedAt: string;
}
