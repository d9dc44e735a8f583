import { PartialType, PickType } from '@nestjs/swagger';
import { CreateInstrumentDto } from './create-instrument.dto';

/**
 * What may change on an existing instrument. The symbol, quote currency and price decimals stay: prices,
 * bars and every consumer's projection are keyed and scaled by them.
 */
export class UpdateInstrumentDto extends PartialType(
  PickType(CreateInstrumentDto, [
    'name',
    'category',
    'unit',
    'calendar',
    'exchangeTimezone',
    'referencePrice',
    'annualVolatility',
    'providerSymbols',
    'providerOrder',
    'enabled',
  ] as const),
) {}
