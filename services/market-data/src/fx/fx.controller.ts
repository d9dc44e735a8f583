import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FxConvertQueryDto, FxRatesQueryDto } from './dto/fx-query.dto';
import { FxConversionDto, FxRatesDto } from './dto/fx-rate.dto';
import { PIVOT_CURRENCY } from './fx-math';
import { FxRatesService } from './fx-rates.service';

@ApiTags('fx')
@Controller('fx')
export class FxController {
  constructor(private readonly fx: FxRatesService) {}

  @Get('rates')
  @ApiOperation({
    summary: 'The latest rate of every FX pair, and one unit of base in every other known currency',
    description: 'Derived rates use the direct pair, the inverse pair (1 / rate) or a cross through USD.',
  })
  @ApiOkResponse({ type: FxRatesDto })
  @ApiBadRequestResponse({ description: 'base is not a three-letter code' })
  @ApiNotFoundResponse({ description: 'Unknown currency; the message lists the known ones' })
  rates(@Query() query: FxRatesQueryDto): Promise<FxRatesDto> {
    return this.fx.rates(query.base ?? PIVOT_CURRENCY);
  }

  @Get('convert')
  @ApiOperation({
    summary: 'Convert an amount between two currencies',
    description:
      'Direct pair, inverse pair or a cross through USD, at 34 significant digits; `converted` is rounded ' +
      'half-even to 8 places. From a currency to itself the rate is 1.',
  })
  @ApiOkResponse({ type: FxConversionDto })
  @ApiBadRequestResponse({
    description: 'amount is not a plain decimal ≥ 0, or a currency is not three letters',
  })
  @ApiNotFoundResponse({ description: 'Unknown currency (the message lists the known ones), or no rate yet' })
  convert(@Query() query: FxConvertQueryDto): Promise<FxConversionDto> {
    return this.fx.convert(query.amount, query.from, query.to);
  }
}
