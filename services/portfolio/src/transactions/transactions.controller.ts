import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import {
  CreateTransactionDto,
  ImportResultDto,
  ImportTransactionsDto,
  ListTransactionsQuery,
  MAX_CSV_CHARS,
  TransactionDto,
} from './dto/transaction.dto';
import { TransactionsService } from './transactions.service';

const uuid = (what: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${what} must be a UUID`) });

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Any unique text (e.g. a uuid); a retry with the same key gets the first answer, applied once',
});

const CSV_EXAMPLE = 'date,type,symbol,quantity,price,fees\n2026-11-20,buy,AAPL,10,187.25,1\n';

function csvOf(body: unknown): string {
  const csv = typeof body === 'string' ? body : (body as { csv?: unknown } | undefined)?.csv;
  if (typeof csv !== 'string' || csv.trim() === '') {
    throw new BadRequestException('send the CSV as a text/csv body, or as JSON {"csv": "<the file>"}');
  }
  if (csv.length > MAX_CSV_CHARS)
    throw new BadRequestException(`the CSV is longer than ${MAX_CSV_CHARS} characters`);
  return csv;
}

function checkKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1-200 printable ASCII characters without spaces');
  }
  return key;
}

@ApiTags('transactions')
@ApiExtraModels(ImportTransactionsDto)
@Authenticated()
@Controller('portfolios/:portfolioId/transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a buy, sell, dividend, fee, deposit, withdrawal or split' })
  @idempotencyHeader
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiBadRequestResponse({ description: 'A field has the wrong format' })
  @ApiNotFoundResponse({ description: 'No such portfolio of yours' })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used for a different request' })
  @ApiUnprocessableEntityResponse({
    description:
      'Future date, unknown symbol, wrong currency, missing field for the type, or selling more than held',
  })
  add(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Body() body: CreateTransactionDto,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') key?: string,
  ): Promise<TransactionDto> {
    return this.transactions.add(portfolioId, user.id, body, checkKey(key));
  }

  @Post('import')
  @ApiOperation({
    summary: 'Import transactions from CSV: all rows or none, every bad row reported by its line',
  })
  @idempotencyHeader
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiNotFoundResponse({ description: 'No such portfolio of yours' })
  @ApiUnprocessableEntityResponse({ description: 'Problems, one per message, each starting with its line' })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    description: 'The file as a text/csv body, or as JSON {"csv": "..."}',
    schema: {
      oneOf: [{ $ref: getSchemaPath(ImportTransactionsDto) }, { type: 'string', example: CSV_EXAMPLE }],
    },
  })
  import(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    // Either a text/csv body (a string) or the JSON form: both are checked here, not by the global pipe.
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') key?: string,
  ): Promise<ImportResultDto> {
    return this.transactions.importCsv(portfolioId, user.id, csvOf(body), checkKey(key));
  }

  @Get()
  @ApiOperation({ summary: 'Transactions, newest trade date first' })
  @ApiOkResponse({ type: [TransactionDto] })
  @ApiNotFoundResponse({ description: 'No such portfolio of yours' })
  list(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Query() query: ListTransactionsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<TransactionDto[]> {
    return this.transactions.list(portfolioId, user.id, query.limit ?? 100, query.offset ?? 0);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a transaction (refused if a later sale would then oversell)' })
  @ApiNoContentResponse({ description: 'Deleted, or already deleted from this portfolio (a retry)' })
  @ApiNotFoundResponse({ description: 'No such portfolio of yours, or no such transaction ever in it' })
  @ApiUnprocessableEntityResponse({ description: 'A later sale would sell more than held' })
  remove(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('transaction id')) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    return this.transactions.remove(portfolioId, user.id, id);
  }
}
