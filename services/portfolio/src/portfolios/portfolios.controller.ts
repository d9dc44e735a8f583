import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { CreatePortfolioDto, PortfolioDto, UpdatePortfolioDto } from './dto/portfolio.dto';
import { PortfoliosService } from './portfolios.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('portfolio id must be a UUID'),
});

@ApiTags('portfolios')
@Authenticated()
@Controller('portfolios')
export class PortfoliosController {
  constructor(private readonly portfolios: PortfoliosService) {}

  @Post()
  @ApiOperation({ summary: 'Create a portfolio of your own, with its base currency and cost method' })
  @ApiCreatedResponse({ type: PortfolioDto })
  create(@Body() body: CreatePortfolioDto, @CurrentUser() user: AuthenticatedUser): Promise<PortfolioDto> {
    return this.portfolios.create(user.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your portfolios with their current value' })
  @ApiOkResponse({ type: [PortfolioDto] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<PortfolioDto[]> {
    return this.portfolios.list(user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your portfolios (another user’s is not found)' })
  @ApiOkResponse({ type: PortfolioDto })
  @ApiNotFoundResponse()
  one(@Param('id', uuid) id: string, @CurrentUser() user: AuthenticatedUser): Promise<PortfolioDto> {
    return this.portfolios.get(id, user.id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change the base currency (revalues) or the cost method (replays the ledger)',
  })
  @ApiOkResponse({ type: PortfolioDto })
  @ApiNotFoundResponse()
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdatePortfolioDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PortfolioDto> {
    return this.portfolios.update(id, user.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a portfolio with its transactions, snapshots and alerts' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  remove(@Param('id', uuid) id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.portfolios.remove(id, user.id);
  }
}
