import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CurrencyNoteDto } from './landscape.dto';

export class CurrencyTotalDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty()
  rounds: number;

  @ApiProperty({ example: '845000000.00', description: 'In this currency' })
  total: string;
}

export class SummaryDto {
  @ApiProperty({ example: { private: 98, acquired: 17, public: 4, closed: 5 } })
  companiesByStatus: Record<string, number>;

  @ApiProperty()
  investors: number;

  @ApiProperty()
  rounds: number;

  @ApiProperty()
  acquisitions: number;

  @ApiProperty()
  funds: number;

  @ApiProperty({ example: { rumoured: 5, filed: 4, priced: 2, listed: 4, withdrawn: 2 } })
  iposByStage: Record<string, number>;

  @ApiPropertyOptional({ example: '2026-11-12' })
  latestRoundOn?: string;

  @ApiProperty({ type: [CurrencyTotalDto], description: 'Raised per currency, each in its own currency' })
  raisedByCurrency: CurrencyTotalDto[];

  @ApiProperty({ example: '61234000000.00', description: 'Everything raised, in `currency.currency`' })
  raisedTotal: string;

  @ApiProperty({ type: CurrencyNoteDto })
  currency: CurrencyNoteDto;
}
