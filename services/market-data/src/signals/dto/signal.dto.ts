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
  @ApiProperty() detectedAt: string;
}
