import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const PROVIDER_SYMBOL = /^[A-Za-z0-9.^=/_:-]{1,32}$/;

/** How each external provider names the instrument; a provider without an entry is not asked for it. */
export class ProviderSymbolsDto {
  @ApiPropertyOptional({ example: 'xauusd', description: 'Symbol at Stooq' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  @Matches(PROVIDER_SYMBOL, { message: 'stooq must be a provider symbol such as "xauusd" or "aapl.us"' })
  stooq?: string;

  @ApiPropertyOptional({ example: 'XAU/USD', description: 'Symbol at Twelve Data' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  @Matches(PROVIDER_SYMBOL, { message: 'twelvedata must be a provider symbol such as "XAU/USD" or "AAPL"' })
  twelvedata?: string;
}
