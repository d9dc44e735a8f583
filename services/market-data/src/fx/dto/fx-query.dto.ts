import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, Matches } from 'class-validator';

/** `eur` and `EUR` name the same currency; surrounding blanks are not worth a 400. */
const upperCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Plain decimals only: no sign, no exponent (1e3 is refused, not read as 1000), at most 20 integer digits
 * and 12 places, the same bounds as the decimal strings of the contracts.
 */
export const AMOUNT = /^\d{1,20}(\.\d{1,12})?$/;

export class FxRatesQueryDto {
  @ApiPropertyOptional({ example: 'EUR', default: 'USD', description: 'ISO 4217 code, any case' })
  @IsOptional()
  @Transform(upperCase)
  @Matches(CURRENCY, { message: 'base must be a three-letter currency code such as USD' })
  base?: string;
}

export class FxConvertQueryDto {
  @ApiProperty({ example: '100', description: 'A plain decimal ≥ 0: at most 20 integer digits, 12 places' })
  @IsDefined({ message: 'amount is required, e.g. amount=100' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(AMOUNT, {
    message:
      'amount must be a plain decimal ≥ 0 such as 100 or 99.95 (no sign or exponent, ≤ 20 integer digits, ≤ 12 places)',
  })
  amount: string;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code, any case' })
  @IsDefined({ message: 'from is required, e.g. from=EUR' })
  @Transform(upperCase)
  @Matches(CURRENCY, { message: 'from must be a three-letter currency code such as EUR' })
  from: string;

  @ApiProperty({ example: 'JPY', description: 'ISO 4217 code, any case' })
  @IsDefined({ message: 'to is required, e.g. to=JPY' })
  @Transform(upperCase)
  @Matches(CURRENCY, { message: 'to must be a three-letter currency code such as JPY' })
  to: string;
}
