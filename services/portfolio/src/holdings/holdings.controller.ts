import { BadRequestException, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { HoldingsDto } from './dto/holding.dto';
import { HoldingsService } from './holdings.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('portfolio id must be a UUID'),
});

@ApiTags('holdings')
@Authenticated()
@Controller('portfolios/:portfolioId/holdings')
export class HoldingsController {
  constructor(private readonly holdings: HoldingsService) {}

  @Get()
  @ApiOperation({
    summary: 'Open holdings valued at the latest prices in the base currency, each flagged when stale',
  })
  @ApiOkResponse({ type: HoldingsDto })
  @ApiNotFoundResponse()
  get(@Param('portfolioId', uuid) id: string, @CurrentUser() user: AuthenticatedUser): Promise<HoldingsDto> {
    return this.holdings.get(id, user.id);
  }
}
