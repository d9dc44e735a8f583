import {
  BadRequestException,
  Body,
  Controller,
  DefaultValuePipe,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { HoldingsService } from '../holdings/holdings.service';
import { MarketProjectionRepository } from '../prices/market-projection.repository';
import { PortfolioConfig } from '../portfolio.config';
import { checkAlert } from './alert-rules';
import { AlertsRepository } from './alerts.repository';
import { AlertDto, AlertFiringDto, CreateAlertDto, UpdateAlertDto } from './dto/alert.dto';

const uuid = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${what} must be a UUID`) });
const limit = new ParseIntPipe({
  exceptionFactory: () => new BadRequestException('limit must be an integer'),
});

@ApiTags('alerts')
@Authenticated()
@Controller('portfolios/:portfolioId/alerts')
export class AlertsController {
  constructor(
    private readonly holdings: HoldingsService,
    private readonly alerts: AlertsRepository,
    private readonly market: MarketProjectionRepository,
    private readonly config: PortfolioConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an alert; evaluated on every price event and in the 18:00 digest' })
  @ApiCreatedResponse({ type: AlertDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Symbol missing, not allowed or unknown for the kind' })
  async create(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Body() body: CreateAlertDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertDto> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    const problems = checkAlert(body.kind, body.symbol, body.threshold, body.direction);
    if (body.symbol && problems.length === 0 && !(await this.market.knownSymbols([body.symbol])).size) {
      problems.push(`unknown symbol ${body.symbol}: no price has been seen for it`);
    }
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
    return this.alerts.create(
      portfolio.id,
      body.kind,
      body.symbol,
      body.threshold,
      body.cooldownSeconds ?? this.config.PORTFOLIO_ALERT_COOLDOWN_SEC,
      body.direction,
    );
  }

  @Get()
  @ApiOperation({ summary: 'The portfolio’s alerts' })
  @ApiOkResponse({ type: [AlertDto] })
  @ApiNotFoundResponse()
  async list(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertDto[]> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    return this.alerts.list(portfolio.id);
  }

  @Get('history')
  @ApiOperation({ summary: 'Firings of all the portfolio’s alerts, newest first' })
  @ApiQuery({ name: 'limit', required: false, schema: { default: 100, maximum: 1000 } })
  @ApiOkResponse({ type: [AlertFiringDto] })
  @ApiNotFoundResponse()
  async history(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Query('limit', new DefaultValuePipe(100), limit) count: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertFiringDto[]> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    return this.alerts.history(portfolio.id, undefined, clamp(count));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert' })
  @ApiOkResponse({ type: AlertDto })
  @ApiNotFoundResponse()
  async one(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('alert id')) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertDto> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    const alert = await this.alerts.find(portfolio.id, id);
    if (!alert) throw new NotFoundException(`no alert ${id}`);
    return alert;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Firings of one alert, newest first' })
  @ApiQuery({ name: 'limit', required: false, schema: { default: 100, maximum: 1000 } })
  @ApiOkResponse({ type: [AlertFiringDto] })
  @ApiNotFoundResponse()
  async alertHistory(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('alert id')) id: string,
    @Query('limit', new DefaultValuePipe(100), limit) count: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertFiringDto[]> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    if (!(await this.alerts.find(portfolio.id, id))) throw new NotFoundException(`no alert ${id}`);
    return this.alerts.history(portfolio.id, id, clamp(count));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the threshold (re-arms), the cooldown, or pause/resume' })
  @ApiOkResponse({ type: AlertDto })
  @ApiNotFoundResponse()
  async update(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('alert id')) id: string,
    @Body() body: UpdateAlertDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AlertDto> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    const existing = await this.alerts.find(portfolio.id, id);
    if (!existing) throw new NotFoundException(`no alert ${id}`);
    if (body.threshold !== undefined) {
      const problems = checkAlert(existing.kind, existing.symbol, body.threshold);
      if (problems.length > 0) throw new UnprocessableEntityException(problems);
    }
    return (await this.alerts.update(portfolio.id, id, body))!;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an alert and its history' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('alert id')) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    const portfolio = await this.holdings.owned(portfolioId, user.id);
    if (!(await this.alerts.delete(portfolio.id, id))) throw new NotFoundException(`no alert ${id}`);
  }
}

const clamp = (count: number) => Math.min(Math.max(count, 1), 1000);
