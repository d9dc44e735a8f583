import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { trimZeros } from '../money/decimal-text';
import { ZERO, toQuantity } from '../money/money';
import type { TransactionDto } from './dto/transaction.dto';
import { OversellError, derivePositions } from './position-calculator';
import type { LedgerEntry, TransactionType } from './transaction-types';

interface TransactionRow {
  id: string;
  type: TransactionType;
  trade_date: string;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  currency: string;
  fees: string;
  note: string | null;
  created_at: Date;
}

const COLUMNS = `id, type, to_char(trade_date, 'YYYY-MM-DD') AS trade_date, symbol, quantity, price, amount,
  currency, fees, note, created_at`;

export const toTransactionDto = (row: TransactionRow): TransactionDto => ({
  id: row.id,
  type: row.type,
  date: row.trade_date,
  ...(row.symbol ? { symbol: row.symbol } : {}),
  ...(row.quantity ? { quantity: trimZeros(row.quantity) } : {}),
  ...(row.price ? { price: trimZeros(row.price) } : {}),
  ...(row.amount ? { amount: trimZeros(row.amount) } : {}),
  currency: row.currency,
  fees: trimZeros(row.fees),
  ...(row.note ? { note: row.note } : {}),
  createdAt: row.created_at.toISOString(),
});

/** The fields of a transaction row a ledger entry (and so positions and flows) is made of. */
const ledgerFields = (
  row: Pick<
    TransactionRow,
    'type' | 'trade_date' | 'symbol' | 'quantity' | 'price' | 'amount' | 'currency' | 'fees'
  >,
): LedgerEntry => ({
  type: row.type,
  tradeDate: row.trade_date,
  symbol: row.symbol,
  quantity: row.quantity,
  price: row.price,
  amount: row.amount,
  currency: row.currency,
  fees: row.fees,
});

/** A ledger entry with where it was recorded: `seq` grows in recording order within a portfolio. */
export type RecordedEntry = LedgerEntry & { id: string; seq: number };

/**
 * A deleted transaction as it was recorded (`seq`, `baseRate`), where its deletion was (`reversedSeq`)
 * and the rate to the base currency then (`reversedBaseRate`), and today's rate of its currency to the
 * base currency (a deleted holding may be the portfolio's only one in it). Recorded rates only when
 * recorded to the current base currency.
 */
export type ReversedEntry = LedgerEntry & {
  seq: number;
  reversedSeq: number;
  reversedBaseRate: string | null;
  fxRate: string | null;
};

/** The ledger: the only source of truth of a portfolio's holdings. */
@Injectable()
export class TransactionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts in the given order (which breaks ties between transactions of one day). */
  async insert(
    manager: EntityManager,
    portfolioId: string,
    entries: readonly { entry: LedgerEntry; note?: string }[],
  ): Promise<TransactionRow[]> {
    if (entries.length === 0) return [];
    const column = <T>(pick: (item: { entry: LedgerEntry; note?: string }) => T) => entries.map(pick);
    return manager.query(
      // The rate to the base currency as the snapshots would take it now (stale or not, see
      // SnapshotsRepository.takeAll): a missing one is stored as null, not a refusal.
      `INSERT INTO transactions (id, portfolio_id, type, trade_date, symbol, quantity, price, amount, currency, fees, note,
                                 base_rate, base_currency)
       SELECT i.id, f.id, i.type, i.trade_date, i.symbol, i.quantity, i.price, i.amount, i.currency, i.fees, i.note,
              r.rate, f.base_currency
         FROM unnest($2::uuid[], $3::text[], $4::date[], $5::text[], $6::numeric[], $7::numeric[], $8::numeric[],
                     $9::text[], $10::numeric[], $11::text[])
              WITH ORDINALITY AS i(id, type, trade_date, symbol, quantity, price, amount, currency, fees, note, ord)
         JOIN portfolios f ON f.id = $1
         LEFT JOIN LATERAL fx_rate(i.currency, f.base_currency) r ON true
        ORDER BY i.ord
       RETURNING ${COLUMNS}`,
      [
        portfolioId,
        column(() => randomUUID()),
        column(({ entry }) => entry.type),
        column(({ entry }) => entry.tradeDate),
        column(({ entry }) => entry.symbol ?? null),
        column(({ entry }) => entry.quantity ?? null),
        column(({ entry }) => entry.price ?? null),
        column(({ entry }) => entry.amount ?? null),
        column(({ entry }) => entry.currency),
        column(({ entry }) => entry.fees),
        column(({ note }) => note ?? null),
      ],
    );
  }

  /**
   * Every transaction in replay order: by date, then as recorded. `baseRate` only where it was recorded
   * to the portfolio's current base currency (a rate to another one converts into the wrong unit).
   */
  async ledger(manager: EntityManager, portfolioId: string): Promise<RecordedEntry[]> {
    const rows: (TransactionRow & { seq: string; base_rate: string | null })[] = await manager.query(
      `SELECT ${COLUMNS}, seq,
              CASE WHEN base_currency = (SELECT base_currency FROM portfolios WHERE id = $1) THEN base_rate END
                AS base_rate
         FROM transactions WHERE portfolio_id = $1 ORDER BY trade_date, seq`,
      [portfolioId],
    );
    return rows.map((row) => ({
      id: row.id,
      seq: Number(row.seq),
      baseRate: row.base_rate,
      ...ledgerFields(row),
    }));
  }

  async list(portfolioId: string, limit: number, offset: number): Promise<TransactionDto[]> {
    const rows: TransactionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM transactions WHERE portfolio_id = $1
        ORDER BY trade_date DESC, seq DESC LIMIT $2 OFFSET $3`,
      [portfolioId, limit, offset],
    );
    return rows.map(toTransactionDto);
  }

  /**
   * Deletes a transaction and records its reversal, whose seq (from the same sequence) comes after every
   * transaction the portfolio had: the caller holds the portfolio's row lock, as when recording. A deleted
   * split is also taken out of the snapshots that saw it (see unsplitSnapshots).
   */
  async delete(manager: EntityManager, portfolioId: string, id: string): Promise<boolean> {
    // The deleted shares leave the holdings now: at today's rate, taken as when recording, beside the
    // original's own rate.
    const [reversal]: { type: TransactionType; symbol: string | null; original_seq: string; seq: string }[] =
      await manager.query(
        `WITH gone AS (DELETE FROM transactions WHERE portfolio_id = $1 AND id = $2 RETURNING *),
         reversed AS (
           INSERT INTO transaction_reversals (transaction_id, portfolio_id, original_seq, type, trade_date, symbol,
                                              quantity, price, amount, currency, fees, base_rate, base_currency,
                                              deleted_base_rate, deleted_base_currency)
           SELECT g.id, g.portfolio_id, g.seq, g.type, g.trade_date, g.symbol, g.quantity, g.price, g.amount,
                  g.currency, g.fees, g.base_rate, g.base_currency, r.rate, f.base_currency
             FROM gone g
             JOIN portfolios f ON f.id = g.portfolio_id
             LEFT JOIN LATERAL fx_rate(g.currency, f.base_currency) r ON true
           RETURNING type, symbol, original_seq, seq)
         SELECT * FROM reversed`,
        [portfolioId, id],
      );
    if (!reversal) return false;
    if (reversal.type === 'split' && reversal.symbol) {
      await this.unsplitSnapshots(manager, portfolioId, {
        symbol: reversal.symbol,
        seq: Number(reversal.original_seq),
        reversedSeq: Number(reversal.seq),
      });
    }
    return true;
  }

  /**
   * A split moves no money, so no flow can explain it: a snapshot that valued the multiplied quantity
   * (a mistaken 2-for-1 at the unsplit price) would read as a loss once it is deleted. Each snapshot that
   * saw it (ledger seq from its seq to before its deletion's, whatever the snapshot's day: a snapshot
   * holds every transaction recorded before it, whatever its date) gets the symbol's line as if it had
   * never been: the quantity its ledger replays to without the split (not the quantity over the ratio,
   * which would also divide shares traded after the split's date), the line's value in proportion, and
   * the total by the line's change. Cost basis is as it was: a split does not change it.
   */
  private async unsplitSnapshots(
    manager: EntityManager,
    portfolioId: string,
    split: { symbol: string; seq: number; reversedSeq: number },
  ): Promise<void> {
    const seen: { ledger_seq: string }[] = await manager.query(
      `SELECT DISTINCT ledger_seq FROM snapshots
        WHERE portfolio_id = $1 AND ledger_seq >= $2 AND ledger_seq < $3
          AND holdings @> jsonb_build_array(jsonb_build_object('symbol', $4::text))`,
      [portfolioId, split.seq, split.reversedSeq, split.symbol],
    );
    if (seen.length === 0) return;
    // The symbol's ledger as any snapshot could have seen it: live and deleted entries (this split too).
    const rows: (Omit<TransactionRow, 'id' | 'note' | 'created_at'> & {
      seq: string;
      reversed_seq: string | null;
    })[] = await manager.query(
      `SELECT type, to_char(trade_date, 'YYYY-MM-DD') AS trade_date, symbol, quantity, price, amount, currency, fees,
              seq, NULL AS reversed_seq
         FROM transactions WHERE portfolio_id = $1 AND symbol = $2
       UNION ALL
       SELECT type, to_char(trade_date, 'YYYY-MM-DD'), symbol, quantity, price, amount, currency, fees,
              original_seq, seq
         FROM transaction_reversals WHERE portfolio_id = $1 AND symbol = $2
        ORDER BY trade_date, seq`,
      [portfolioId, split.symbol],
    );
    const history = rows.map((row) => ({
      seq: Number(row.seq),
      reversedSeq: row.reversed_seq === null ? Infinity : Number(row.reversed_seq),
      ...ledgerFields(row),
    }));
    const ledgerSeqs: string[] = [];
    const quantities: string[] = [];
    for (const { ledger_seq } of seen) {
      const at = Number(ledger_seq);
      const unsplit = history.filter(
        (entry) => entry.seq <= at && entry.reversedSeq > at && entry.seq !== split.seq,
      );
      try {
        const position = derivePositions(unsplit, 'average').positions.get(split.symbol);
        ledgerSeqs.push(ledger_seq);
        quantities.push(toQuantity(position?.quantity ?? ZERO));
      } catch (error) {
        // A sale deleted since sold shares only the split had made: no ledger without the split explains
        // that snapshot, which keeps what it held.
        if (!(error instanceof OversellError)) throw error;
      }
    }
    // Rounded as the snapshots round a line's value; a line priced at nothing (null) stays so.
    await manager.query(
      `WITH unsplit AS (SELECT * FROM unnest($3::bigint[], $4::numeric[]) AS u(ledger_seq, quantity)),
       corrected AS (
         SELECT s.day,
                jsonb_agg(CASE WHEN v.line IS NULL THEN l.line
                               ELSE l.line || jsonb_build_object('quantity', u.quantity::text, 'value', v.now::text)
                          END ORDER BY l.ord) AS holdings,
                COALESCE(sum(v.now - v.was), 0) AS change
           FROM snapshots s
           JOIN unsplit u ON u.ledger_seq = s.ledger_seq
           CROSS JOIN LATERAL jsonb_array_elements(s.holdings) WITH ORDINALITY AS l(line, ord)
           LEFT JOIN LATERAL (
             SELECT l.line, (l.line->>'value')::numeric AS was,
                    round((l.line->>'value')::numeric * u.quantity / (l.line->>'quantity')::numeric, 8) AS now
              WHERE l.line->>'symbol' = $2) v ON true
          WHERE s.portfolio_id = $1
          GROUP BY s.day)
       UPDATE snapshots s SET holdings = c.holdings, value = round(s.value + c.change, 8)
         FROM corrected c
        WHERE s.portfolio_id = $1 AND s.day = c.day`,
      [portfolioId, split.symbol, ledgerSeqs, quantities],
    );
  }

  /** Whether the transaction was in the portfolio and has been deleted (its reversal is kept). */
  async wasDeleted(manager: EntityManager, portfolioId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM transaction_reversals WHERE portfolio_id = $1 AND transaction_id = $2',
      [portfolioId, id],
    );
    return rows.length > 0;
  }

  /**
   * The deleted transactions some snapshot of the portfolio saw and a later one (if any) did not: only
   * those are in a value the live ledger no longer explains. One deleted before any snapshot saw it, or
   * deleted and recorded between the same two snapshots, is as if it had never been.
   */
  async reversals(
    manager: EntityManager,
    portfolioId: string,
    baseCurrency: string,
  ): Promise<ReversedEntry[]> {
    const rows: (Omit<TransactionRow, 'id' | 'note' | 'created_at'> & {
      original_seq: string;
      seq: string;
      base_rate: string | null;
      deleted_base_rate: string | null;
      fx_rate: string | null;
    })[] = await manager.query(
      `SELECT r.type, to_char(r.trade_date, 'YYYY-MM-DD') AS trade_date, r.symbol, r.quantity, r.price, r.amount,
              r.currency, r.fees, r.original_seq, r.seq, x.rate AS fx_rate,
              CASE WHEN r.base_currency = $2 THEN r.base_rate END AS base_rate,
              CASE WHEN r.deleted_base_currency = $2 THEN r.deleted_base_rate END AS deleted_base_rate
         FROM transaction_reversals r LEFT JOIN LATERAL fx_rate(r.currency, $2) x ON true
        WHERE r.portfolio_id = $1
          AND EXISTS (SELECT 1 FROM snapshots s WHERE s.portfolio_id = r.portfolio_id
                         AND s.ledger_seq >= r.original_seq AND s.ledger_seq < r.seq)
        ORDER BY r.trade_date, r.original_seq`,
      [portfolioId, baseCurrency],
    );
    return rows.map((row) => ({
      seq: Number(row.original_seq),
      reversedSeq: Number(row.seq),
      baseRate: row.base_rate,
      reversedBaseRate: row.deleted_base_rate,
      fxRate: row.fx_rate,
      ...ledgerFields(row),
    }));
  }
}
