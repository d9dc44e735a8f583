import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { PredictionCreated } from '@marketpulse/contracts';
import { OutboxPublisher } from '@marketpulse/messaging';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ConditionSyntaxError,
  checkCoverage,
  formatCondition,
  parseCondition,
  type ConditionNode,
} from '../conditions';
import { PredictionsConfig } from '../predictions.config';
import { PriceProjectionRepository } from '../prices/price-projection.repository';
import type { CreatePredictionDto } from './dto/create-prediction.dto';
import type { PredictionDto } from './dto/prediction.dto';
import { PredictionsRepository, trimZeros } from './predictions.repository';

const MAX_HORIZON_MS = 366 * 24 * 3600 * 1000;

/** Opening a prediction: the rules a question must meet before anyone can vote on it. */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PredictionsRepository,
    private readonly prices: PriceProjectionRepository,
    private readonly outbox: OutboxPublisher,
    private readonly config: PredictionsConfig,
  ) {}

  async create(input: CreatePredictionDto, userId: string, now = new Date()): Promise<PredictionDto> {
    const mode = input.mode ?? 'auto';
    const votingDeadline = new Date(input.votingDeadline);
    const verifyAt = new Date(input.verifyAt);
    this.checkTimes(now, votingDeadline, verifyAt);
    this.checkLabels(input.options.map((option) => option.label));
    const conditions = this.parseConditions(input, mode);

    const price = await this.prices.latest(input.symbol);
    const oldest = new Date(now.getTime() - this.config.PREDICTION_CREATE_MAX_PRICE_AGE_MS);
    if (!price || price.asOf < oldest) {
      const known = await this.prices.symbolsPricedSince(oldest);
      const when = price
        ? `its last price is from ${price.asOf.toISOString()}`
        : 'no price has been seen for it';
      throw new UnprocessableEntityException(
        `no recent price for ${input.symbol} (${when}; a prediction needs one at most ` +
          `${this.config.PREDICTION_CREATE_MAX_PRICE_AGE_MS / 1000} s old). ` +
          `Symbols with a recent price: ${known.length > 0 ? known.join(', ') : 'none yet'}`,
      );
    }
    if (mode === 'auto') {
      const problems = checkCoverage(conditions as ConditionNode[], new Decimal(price.price));
      if (problems.length > 0) {
        throw new UnprocessableEntityException(
          problems.map((problem) => `options must cover every outcome exactly once: ${problem.message}`),
        );
      }
    }

    const id = randomUUID();
    const options = input.options.map((option, index) => ({
      option: index + 1,
      label: option.label.trim(),
      condition: conditions[index] ? formatCondition(conditions[index]) : '',
    }));
    await this.dataSource.transaction(async (manager) => {
      await this.repository.insert(manager, {
        id,
        symbol: input.symbol,
        question: input.question.trim(),
        mode,
        createdBy: userId,
        createdAt: now,
        votingDeadline,
        verifyAt,
        priceAtCreate: price.price,
        priceAtCreateAsOf: price.asOf,
        currency: price.currency,
        options,
      });
      await this.outbox.publishInTransaction(manager, PredictionCreated, {
        predictionId: id,
        symbol: input.symbol,
        question: input.question.trim(),
        mode,
        options,
        votingDeadline: votingDeadline.toISOString(),
        verifyAt: verifyAt.toISOString(),
        priceAtCreate: trimZeros(price.price),
        priceAtCreateAsOf: price.asOf.toISOString(),
        createdBy: userId,
      });
    });
    return (await this.repository.find(id))!;
  }

  private checkTimes(now: Date, votingDeadline: Date, verifyAt: Date): void {
    if (votingDeadline.getTime() <= now.getTime()) {
      throw new BadRequestException(`votingDeadline (${votingDeadline.toISOString()}) must be in the future`);
    }
    if (verifyAt.getTime() < votingDeadline.getTime()) {
      throw new BadRequestException(
        `verifyAt (${verifyAt.toISOString()}) must not be before votingDeadline (${votingDeadline.toISOString()})`,
      );
    }
    if (verifyAt.getTime() - now.getTime() > MAX_HORIZON_MS) {
      throw new BadRequestException('verifyAt must be within 366 days');
    }
  }

  private checkLabels(labels: string[]): void {
    const seen = new Set<string>();
    labels.forEach((label, index) => {
      const key = label.trim().toLowerCase();
      if (key === '') throw new BadRequestException(`option ${index + 1}: label must not be blank`);
      if (seen.has(key))
        throw new BadRequestException(`option ${index + 1}: label '${label.trim()}' is used twice`);
      seen.add(key);
    });
  }

  /** Auto mode needs a condition per option; manual mode may carry them as documentation. */
  private parseConditions(
    input: CreatePredictionDto,
    mode: 'auto' | 'manual',
  ): (ConditionNode | undefined)[] {
    return input.options.map((option, index) => {
      const source = option.condition?.trim() ?? '';
      if (source === '') {
        if (mode === 'auto')
          throw new BadRequestException(`option ${index + 1}: an auto prediction needs a condition`);
        return undefined;
      }
      try {
        return parseCondition(source);
      } catch (error) {
        if (error instanceof ConditionSyntaxError) {
          throw new BadRequestException(`option ${index + 1}: ${error.message}`);
        }
        throw error;
      }
    });
  }
}
