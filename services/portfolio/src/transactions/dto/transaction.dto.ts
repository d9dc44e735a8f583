import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SYMBOL_PATTERN } from '@marketpulse/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';
import {
  AMOUNT_SHAPE,
  NON_NEGATIVE_AMOUNT,
  POSITIVE_AMOUNT,
  POSITIVE_PRICE,
  POSITIVE_QUANTITY,
  PRICE_SHAPE,
  QUANTITY_SHAPE,
} from '../../money/decimal-patterns';
import { TRANSACTION_TYPES, type TransactionType } from '../transaction-types';

/** Longest CSV accepted, as a text/csv body or as the JSON `csv` field. */
export const MAX_CSV_CHARS = 5_000_000;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateTransactionDto {
  @ApiProperty({ enum: TRANSACTION_TYPES })
  @IsIn(TRANSACTION_TYPES, { message: `type must be one of ${TRANSACTION_TYPES.join(', ')}` })
  type: TransactionType;

  @ApiProperty({ example: '2026-11-20', description: 'Trade date (UTC), not in the future' })
  @Matches(ISO_DATE, { message: 'date must be a date such as 2026-11-20' })
  date: string;

  @ApiPropertyOptional({ example: 'AAPL', description: 'Required for buy, sell, dividend and split' })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a catalogue symbol such as AAPL' })
  symbol?: string;

  @ApiPropertyOptional({
    example: '10',
    description: 'Shares for buy and sell; new shares per old share for a split (2 for a 2-for-1)',
  })
  @IsOptional()
  @Matches(POSITIVE_QUANTITY, { message: `quantity must be ${QUANTITY_SHAPE}` })
  quantity?: string;

  @ApiPropertyOptional({ example: '187.25', description: 'Unit price for buy and sell' })
  @IsOptional()
  @Matches(POSITIVE_PRICE, { message: `price must be ${PRICE_SHAPE}` })
  price?: string;

  @ApiPropertyOptional({ example: '12.50', description: 'Total of a dividend, fee, deposit or withdrawal' })
  @IsOptional()
  @Matches(POSITIVE_AMOUNT, { message: `amount must be ${AMOUNT_SHAPE}` })
  amount?: string;

  @ApiPropertyOptional({
    example: 'USD',
    description: "Defaults to the symbol's currency, or the base currency for cash movements",
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string;

  @ApiPropertyOptional({ example: '1.00', default: '0' })
  @IsOptional()
  @Matches(NON_NEGATIVE_AMOUNT, {
    message:
      'fees must be a non-negative decimal string such as "1.00", at most 18 digits before the point and 8 after',
  })
  fees?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ImportTransactionsDto {
  @ApiProperty({
    description:
      'CSV text with a header row. Columns (any order, case-insensitive): date, type, symbol, quantity, ' +
      'price, amount, currency, fees, note. Empty cells are absent values. All rows or none are recorded.',
    example: 'date,type,symbol,quantity,price,fees\n2026-11-20,buy,AAPL,10,187.25,1\n',
    maxLength: MAX_CSV_CHARS,
  })
  @IsString()
  @MaxLength(MAX_CSV_CHARS)
  csv: string;
}

export class ListTransactionsQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class TransactionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TRANSACTION_TYPES })
  type: TransactionType;

  @ApiProperty({ example: '2026-11-20' })
  date: string;

  @ApiPropertyOptional()
  symbol?: string;

  @ApiPropertyOptional()
  quantity?: string;

  @ApiPropertyOptional()
  price?: string;

  @ApiPropertyOptional()
  amount?: string;

  @ApiProperty()
  currency: string;

  @ApiProperty()
  fees: string;

  @ApiPropertyOptional()
  note?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ImportResultDto {
  @ApiProperty()
  imported: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  ids: string[];
}
