import type { EntityManager } from 'typeorm';
import { dailyBarColumns, type DailyBarRow } from './daily-bar-row';

/** Rows per statement: a year of the whole catalogue is one or two statements. */
const CHUNK = 20_000;

/**
 * Inserts bars set-based (`unnest` of column arrays: no parameter-count limit), leaving existing bars as
 * they are. When a statement fails, it is rolled back to its savepoint and retried one instrument at a
 * time, so one bad series does not keep the others out. Runs inside the caller's transaction.
 */
export async function insertDailyBars(
  manager: EntityManager,
  groups: DailyBarRow[][],
): Promise<{ inserted: number; failed: { symbol: string; error: string }[] }> {
  let inserted = 0;
  const failed: { symbol: string; error: string }[] = [];
  for (const chunk of chunks(groups)) {
    try {
      inserted += await guarded(manager, chunk.flat());
    } catch {
      for (const bars of chunk) {
        try {
          inserted += await guarded(manager, bars);
        } catch (error) {
          failed.push({
            symbol: bars[0].symbol,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }
  }
  return { inserted, failed };
}

async function guarded(manager: EntityManager, bars: DailyBarRow[]): Promise<number> {
  if (bars.length === 0) return 0;
  await manager.query('SAVEPOINT daily_bars_insert');
  try {
    const [{ inserted }]: { inserted: number }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO daily_bars (symbol, date, open, high, low, close, source, synthetic)
         SELECT * FROM unnest($1::varchar[], $2::date[], $3::numeric[], $4::numeric[], $5::numeric[],
                              $6::numeric[], $7::varchar[], $8::boolean[])
         ON CONFLICT (symbol, date) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS inserted FROM inserted`,
      dailyBarColumns(bars),
    );
    await manager.query('RELEASE SAVEPOINT daily_bars_insert');
    return inserted;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT daily_bars_insert');
    throw error;
  }
}

/** Whole instruments per chunk, about CHUNK rows each. */
function chunks(groups: DailyBarRow[][]): DailyBarRow[][][] {
  const result: DailyBarRow[][][] = [];
  let current: DailyBarRow[][] = [];
  let size = 0;
  for (const bars of groups) {
    if (size > 0 && size + bars.length > CHUNK) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(bars);
    size += bars.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}
