import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, IsSymbol } from '@marketpulse/contracts';
import {
  INSTRUMENT_CATEGORIES,
  TRADING_CALENDARS,
  type InstrumentCategory,
  type TradingCalendar,
} from '../instrument.entity';
import { PRICE_PROVIDER_NAMES, type PriceProviderName } from '../../market-data.config';
import { IsTimeZone } from './is-time-zone.decorator';
import { ProviderSymbolsDto } from './provider-symbols.dto';

/** A new catalogue entry. Prices start from `referencePrice` in the simulation until a provider answers. */
export class CreateInstrumentDto {
  @ApiProperty({ example: 'ARM', description: 'Upper-case letters, digits, _ or - (at most 32)' })
  @IsSymbol()
  symbol: string;

  @ApiProperty({ example: 'Arm Holdings' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: INSTRUMENT_CATEGORIES })
  @IsIn(INSTRUMENT_CATEGORIES, { message: `category must be one of ${INSTRUMENT_CATEGORIES.join(', ')}` })
  category: InstrumentCategory;

  @ApiProperty({
    example: 'share',
    description: 'What one price is for: share, troy ounce, barrel, EUR, ...',
  })
  @IsString()
  @Length(1, 32)
  unit: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code of the quote currency' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter upper-case ISO 4217 code such as USD' })
  currency: string;

  @ApiProperty({ enum: TRADING_CALENDARS, description: '24/7, FX-style 24/5, or exchange hours' })
  @IsIn(TRADING_CALENDARS, { message: `calendar must be one of ${TRADING_CALENDARS.join(', ')}` })
  calendar: TradingCalendar;

  @ApiPropertyOptional({ example: 'America/New_York', description: 'Required for the exchange calendar' })
  @ValidateIf(
    (dto: CreateInstrumentDto) =>
      dto.calendar === 'exchange' || (dto.exchangeTimezone !== undefined && dto.exchangeTimezone !== null),
  )
  @IsTimeZone()
  exchangeTimezone?: string;

  @ApiProperty({
    example: '140.25',
    description: 'Starting level of the simulation, a positive decimal: ≤ 16 integer digits, ≤ 8 places',
  })
  @IsDecimalString({ positive: true })
  // The column is numeric(24,8): a longer integer part overflows it (a 500), more places are rounded away.
  @Matches(/^\d{1,16}(\.\d{1,8})?$/, {
    message: 'referencePrice must have at most 16 integer digits and 8 decimal places, e.g. "140.25"',
  })
  referencePrice: string;

  @ApiProperty({ example: '0.35', description: 'Annualised volatility of the simulation (0.35 = 35 %)' })
  @IsDecimalString({ positive: true })
  @Matches(/^(0(\.\d{1,4})?|[1-4](\.\d{1,4})?|5(\.0{1,4})?)$/, {
    message: 'annualVolatility must be between 0 and 5 with at most 4 decimals, e.g. "0.35"',
  })
  annualVolatility: string;

  @ApiProperty({ example: 2, minimum: 0, maximum: 8 })
  @IsInt()
  @Min(0)
  @Max(8)
  priceDecimals: number;

  @ApiPropertyOptional({ type: ProviderSymbolsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProviderSymbolsDto)
  providerSymbols?: ProviderSymbolsDto;

  @ApiPropertyOptional({
    type: [String],
    enum: PRICE_PROVIDER_NAMES,
    nullable: true,
    example: ['twelvedata', 'stooq', 'simulated'],
    description:
      'The providers asked for this instrument, in this order: the first answers, the next only for what it ' +
      'could not. Only these are asked (those the deployment configures; list simulated to keep the ' +
      'simulation as the last resort). Null or [] keeps the global MARKET_DATA_PROVIDERS order. At least ' +
      'one listed provider must be configured and able to quote the instrument (a providerSymbols entry; ' +
      'frankfurter: fx pairs), or the request is refused (422). Daily history (the import-history job) is ' +
      'asked of these first, then of the configured providers of history the order leaves out (Stooq), in ' +
      'the global order, so an order for quotes does not cost the instrument its real history. On the ' +
      'offline default (the simulation only) an order must list simulated, and changes nothing else.',
  })
  @IsOptional()
  @IsArray({ message: 'providerOrder must be a list of provider names, e.g. ["twelvedata", "stooq"]' })
  @ArrayMaxSize(PRICE_PROVIDER_NAMES.length, {
    message: `providerOrder has at most ${PRICE_PROVIDER_NAMES.length} providers`,
  })
  @ArrayUnique({ message: 'providerOrder must name each provider at most once' })
  @IsIn(PRICE_PROVIDER_NAMES, {
    each: true,
    message: `each providerOrder entry must be one of ${PRICE_PROVIDER_NAMES.join(', ')}`,
  })
  providerOrder?: PriceProviderName[] | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
