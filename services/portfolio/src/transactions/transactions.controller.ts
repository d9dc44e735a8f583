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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@marketpulse/auth';
import {
  CreateTransactionDto,
  ImportResultDto,
  ImportTransactionsDto,
  ListTransactionsQuery,
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

function checkKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1-200 printable ASCII characters without spaces');
  }
  return key;
}

@ApiTags('transactions')
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
  import(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Body() body: ImportTransactionsDto,
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') key?: string,
  ): Promise<ImportResultDto> {
    return this.transactions.importCsv(portfolioId, user.id, body.csv, checkKey(key));
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
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'A later sale would sell more than held' })
  remove(
    @Param('portfolioId', uuid('portfolio id')) portfolioId: string,
    @Param('id', uuid('transaction id')) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    return this.transactions.remove(portfolioId, user.id, id);
  }
}
