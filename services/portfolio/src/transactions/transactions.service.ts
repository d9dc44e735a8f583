import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MarketProjectionRepository } from '../prices/market-projection.repository';
import { PortfoliosRepository, type PortfolioRow } from '../portfolios/portfolios.repository';
import { PortfolioConfig } from '../portfolio.config';
import { ValuedPublisher } from '../valuation/valued.publisher';
import { parseTransactionsCsv } from './csv-transactions.parser';
import type { CreateTransactionDto, ImportResultDto, TransactionDto } from './dto/transaction.dto';
import { IdempotencyRepository, requestHash } from './idempotency.repository';
import { LedgerService, OversoldException } from './ledger.service';
import { checkTransaction } from './transaction-rules';
import { TransactionsRepository, toTransactionDto } from './transactions.repository';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Recording and removing transactions; every change replays the ledger under the portfolio's row lock. */
@Injectable()
export class TransactionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portfolios: PortfoliosRepository,
    private readonly transactions: TransactionsRepository,
    private readonly ledger: LedgerService,
    private readonly market: MarketProjectionRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly config: PortfolioConfig,
    private readonly publisher: ValuedPublisher,
  ) {}

  async add(
    portfolioId: string,
    owner: string,
    input: CreateTransactionDto,
    idempotencyKey: string | undefined,
    now = new Date(),
  ): Promise<TransactionDto> {
    const added = await this.idempotent(
      portfolioId,
      owner,
      idempotencyKey,
      'add',
      input,
      async (manager, portfolio) => {
        const known = await this.market.knownSymbols(input.symbol ? [input.symbol] : [], manager);
        const outcome = checkTransaction(input, known, portfolio.base_currency, today(now));
        if ('problems' in outcome) throw new UnprocessableEntityException(outcome.problems);
        const [row] = await this.transactions.insert(manager, portfolio.id, [outcome]);
        await this.ledger.rebuild(manager, portfolio, now);
        return toTransactionDto(row);
      },
    );
    this.publisher.kick();
    return added;
  }

  /** All rows or none: any bad row (format, rule or holdings) fails the file, with every problem by line. */
  async importCsv(
    portfolioId: string,
    owner: string,
    csv: string,
    idempotencyKey: string | undefined,
    now = new Date(),
  ): Promise<ImportResultDto> {
    const imported = await this.idempotent(
      portfolioId,
      owner,
      idempotencyKey,
      'import',
      { csv },
      async (manager, portfolio) => {
        const parsed = parseTransactionsCsv(csv, this.config.PORTFOLIO_CSV_MAX_ROWS);
        const problems = [...parsed.problems];
        const symbols = [
          ...new Set(parsed.rows.flatMap((row) => (row.input.symbol ? [row.input.symbol] : []))),
        ];
        const known = await this.market.knownSymbols(symbols, manager);
        const entries = [];
        for (const row of parsed.rows) {
          const outcome = checkTransaction(row.input, known, portfolio.base_currency, today(now));
          if ('problems' in outcome) problems.push(...outcome.problems.map((p) => `line ${row.line}: ${p}`));
          else entries.push(outcome);
        }
        if (problems.length > 0) throw new UnprocessableEntityException(problems);
        const rows = await this.transactions.insert(manager, portfolio.id, entries);
        try {
          await this.ledger.rebuild(manager, portfolio, now);
        } catch (error) {
          // The replay names the sale by its new id; the file's author knows it by its line. A sale
          // already recorded (oversold by an earlier-dated sale in the file) keeps the bare message.
          if (error instanceof OversoldException) {
            const lineOf = new Map(rows.map((row, index) => [row.id, parsed.rows[index].line]));
            const line = lineOf.get(error.transactionId ?? '');
            if (line !== undefined)
              throw new UnprocessableEntityException([`line ${line}: ${error.message}`]);
          }
          throw error;
        }
        return { imported: rows.length, ids: rows.map((row) => row.id) };
      },
    );
    this.publisher.kick();
    return imported;
  }

  async list(portfolioId: string, owner: string, limit: number, offset: number): Promise<TransactionDto[]> {
    await this.owned(portfolioId, owner);
    return this.transactions.list(portfolioId, limit, offset);
  }

  /**
   * Refused (422) when a later sale would then sell more than was held. Deleting a transaction already
   * deleted from this portfolio succeeds without changing anything: it is a retry whose first answer was
   * lost, and a 404 would tell the client the delete never happened.
   */
  async remove(portfolioId: string, owner: string, id: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const portfolio = await this.owned(portfolioId, owner, manager, true);
      if (!(await this.transactions.delete(manager, portfolio.id, id))) {
        if (await this.transactions.wasDeleted(manager, portfolio.id, id)) return;
        throw new NotFoundException(`no transaction ${id} in portfolio ${portfolioId}`);
      }
      await this.ledger.rebuild(manager, portfolio, now);
    });
    this.publisher.kick();
  }

  /**
   * Runs `work` once per Idempotency-Key: a retry (same key, same request) gets the first answer; the same
   * key with a different request is refused. A lock on the owner's key makes a concurrent retry wait for
   * the first attempt to commit, then find its answer.
   */
  private async idempotent<T>(
    portfolioId: string,
    owner: string,
    key: string | undefined,
    route: string,
    body: unknown,
    work: (manager: EntityManager, portfolio: PortfolioRow) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.owned(portfolioId, owner, manager, true);
      if (key === undefined) return work(manager, portfolio);
      const hash = requestHash(`${route} ${portfolioId}`, body);
      await this.idempotency.lock(manager, owner, key);
      const stored = await this.idempotency.find(manager, owner, key);
      if (stored) {
        if (stored.request_hash !== hash) {
          throw new ConflictException(`Idempotency-Key ${key} was already used for a different request`);
        }
        return stored.response as T;
      }
      const result = await work(manager, portfolio);
      await this.idempotency.save(manager, owner, key, hash, 201, result);
      return result;
    });
  }

  private async owned(
    id: string,
    owner: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<PortfolioRow> {
    const portfolio = await this.portfolios.findOwned(id, owner, manager, lock);
    if (!portfolio) throw new NotFoundException(`no portfolio ${id}`);
    return portfolio;
  }
}
