import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PORTFOLIO_ALERT_KINDS, SYMBOL_PATTERN, type PortfolioAlertKind } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AMOUNT_SHAPE, POSITIVE_AMOUNT } from '../../money/decimal-patterns';
import { MILESTONE_DIRECTIONS, type MilestoneDirection } from '../alert-rules';

const COOLDOWN_MAX = 7 * 24 * 3600;

export class CreateAlertDto {
  @ApiProperty({
    enum: PORTFOLIO_ALERT_KINDS,
    description:
      'price_above / price_below: a holding’s price crosses `threshold`; daily_move: a holding moves more ' +
      'than ±`threshold` % from the previous day’s last price; drawdown: a holding (with symbol) or the ' +
      'portfolio (without) falls `threshold` % from its peak; value_milestone: the holdings value reaches ' +
      '`threshold` in the base currency (rising to it, or falling to it with direction "down")',
  })
  @IsIn(PORTFOLIO_ALERT_KINDS, { message: `kind must be one of ${PORTFOLIO_ALERT_KINDS.join(', ')}` })
  kind: PortfolioAlertKind;

  @ApiPropertyOptional({ example: 'AAPL' })
  @IsOptional()
  @Matches(SYMBOL_PATTERN, { message: 'symbol must be a catalogue symbol such as AAPL' })
  symbol?: string;

  @ApiProperty({ example: '200', description: 'A price, a percent or a value, depending on the kind' })
  @Matches(POSITIVE_AMOUNT, { message: `threshold must be ${AMOUNT_SHAPE}` })
  threshold: string;

  @ApiPropertyOptional({
    enum: MILESTONE_DIRECTIONS,
    default: 'up',
    description:
      'value_milestone only: fire when the value rises to the threshold (up) or falls to it (down)',
  })
  @IsOptional()
  @IsIn(MILESTONE_DIRECTIONS, { message: `direction must be one of ${MILESTONE_DIRECTIONS.join(', ')}` })
  direction?: MilestoneDirection;

  @ApiPropertyOptional({ description: 'Seconds the alert stays quiet after firing (default from config)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(COOLDOWN_MAX)
  cooldownSeconds?: number;
}

export class UpdateAlertDto {
  @ApiPropertyOptional({ example: '210' })
  @IsOptional()
  @Matches(POSITIVE_AMOUNT, { message: `threshold must be ${AMOUNT_SHAPE}` })
  threshold?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(COOLDOWN_MAX)
  cooldownSeconds?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AlertDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PORTFOLIO_ALERT_KINDS })
  kind: PortfolioAlertKind;

  @ApiPropertyOptional()
  symbol?: string;

  @ApiProperty()
  threshold: string;

  @ApiPropertyOptional({ enum: MILESTONE_DIRECTIONS, description: 'value_milestone only' })
  direction?: MilestoneDirection;

  @ApiProperty()
  cooldownSeconds: number;

  @ApiProperty()
  active: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  lastTriggeredAt?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AlertFiringDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  alertId: string;

  @ApiProperty({ enum: PORTFOLIO_ALERT_KINDS })
  kind: PortfolioAlertKind;

  @ApiPropertyOptional()
  symbol?: string;

  @ApiProperty()
  threshold: string;

  @ApiProperty()
  observed: string;

  @ApiProperty({ enum: ['price', 'digest'] })
  trigger: string;

  @ApiProperty({ format: 'date-time' })
  firedAt: string;
}
