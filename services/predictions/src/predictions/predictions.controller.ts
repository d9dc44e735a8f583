import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AdminOnly, Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import { CastVoteDto } from '../votes/dto/cast-vote.dto';
import { VoteDto } from '../votes/dto/vote.dto';
import { VotesService } from '../votes/votes.service';
import { CancelPredictionDto, ResolvePredictionDto } from './dto/admin.dto';
import { CreatePredictionDto } from './dto/create-prediction.dto';
import { ListPredictionsQuery } from './dto/list-predictions.query';
import { PredictionDto, PredictionPageDto } from './dto/prediction.dto';
import { PredictionAdminService } from './prediction-admin.service';
import { PredictionsRepository } from './predictions.repository';
import { PredictionsService } from './predictions.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('prediction id must be a UUID'),
});

@ApiTags('predictions')
@Controller('predictions')
export class PredictionsController {
  constructor(
    private readonly predictions: PredictionsService,
    private readonly repository: PredictionsRepository,
    private readonly votes: VotesService,
    private readonly admin: PredictionAdminService,
  ) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    summary: 'Open a prediction; auto mode needs options that cover every outcome exactly once',
  })
  @ApiCreatedResponse({ type: PredictionDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, times or condition syntax' })
  @ApiUnprocessableEntityResponse({
    description: 'No recent price for the symbol, or options with a gap or overlap',
  })
  create(@Body() body: CreatePredictionDto, @CurrentUser() user: AuthenticatedUser): Promise<PredictionDto> {
    return this.predictions.create(body, user.id);
  }

  @Get()
  @ApiOperation({ summary: 'Predictions, newest first (or closing soonest first with closingWithinMinutes)' })
  @ApiOkResponse({ type: PredictionPageDto })
  async list(@Query() query: ListPredictionsQuery): Promise<PredictionPageDto> {
    const limit = query.limit ?? 20;
    const closing = query.closingWithinMinutes !== undefined;
    const { items, rows } = await this.repository.list({
      statuses: query.status,
      symbol: query.symbol,
      closingBefore: closing ? new Date(Date.now() + query.closingWithinMinutes! * 60_000) : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const last = rows[rows.length - 1];
    return {
      items,
      ...(rows.length === limit && last
        ? { nextCursor: encodeCursor(closing ? last.voting_deadline : last.created_at, last.id) }
        : {}),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One prediction with its options, vote distribution and outcome' })
  @ApiOkResponse({ type: PredictionDto })
  @ApiNotFoundResponse()
  async one(@Param('id', uuid) id: string): Promise<PredictionDto> {
    const found = await this.repository.find(id);
    if (!found) throw new NotFoundException(`no prediction ${id}`);
    return found;
  }

  @Post(':id/votes')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Vote, or change your vote, while voting is open (identity from the token only)' })
  @ApiOkResponse({ type: VoteDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Voting is closed, or the prediction is decided' })
  vote(
    @Param('id', uuid) id: string,
    @Body() body: CastVoteDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<VoteDto> {
    return this.votes.cast(id, user.id, body.option);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @AdminOnly()
  @ApiOperation({ summary: 'Admin: name the winning option of a manual prediction after voting closed' })
  @ApiOkResponse({ type: PredictionDto })
  resolve(@Param('id', uuid) id: string, @Body() body: ResolvePredictionDto): Promise<PredictionDto> {
    return this.admin.resolve(id, body.option);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @AdminOnly()
  @ApiOperation({ summary: 'Admin: cancel a prediction that is not decided; its votes count for nobody' })
  @ApiOkResponse({ type: PredictionDto })
  cancel(@Param('id', uuid) id: string, @Body() body: CancelPredictionDto): Promise<PredictionDto> {
    return this.admin.cancel(id, body.reason);
  }
}

function encodeCursor(key: Date, id: string): string {
  return Buffer.from(`${key.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { key: Date; id: string } {
  const [key, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(key);
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) {
    throw new BadRequestException('cursor is not one this API gave out');
  }
  return { key: date, id };
}
