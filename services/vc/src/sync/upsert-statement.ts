/** One table's set-based upsert: the rows travel as one jsonb array parameter. */
export interface UpsertTable {
  /** Schema-less table name (the search path is the service's schema). */
  table: string;
  /** Natural key columns (a unique constraint). */
  key: readonly string[];
  /** Every column the rows carry, key included, with its SQL type. */
  columns: Readonly<Record<string, string>>;
  /** What to return for each inserted or changed row. */
  returning: readonly string[];
}

/**
 * `INSERT … ON CONFLICT DO UPDATE … WHERE changed`: a row whose values are all the same as the stored
 * ones is not touched (its `source` and `imported_at` stay), so a re-run changes nothing and returns
 * nothing. Rows that were inserted come back with `inserted = true`, changed ones with false.
 * Parameters: $1 the rows as a jsonb array of objects keyed by column name, $2 the source.
 */
export function upsertStatement(spec: UpsertTable): string {
  const names = Object.keys(spec.columns);
  const values = names.filter((name) => !spec.key.includes(name));
  const record = names.map((name) => `${name} ${spec.columns[name]}`).join(', ');
  const changed =
    values.length === 0
      ? 'false'
      : `(${values.map((name) => `t.${name}`).join(', ')}) IS DISTINCT FROM (${values
          .map((name) => `EXCLUDED.${name}`)
          .join(', ')})`;
  const set = [...values, 'source', 'imported_at'].map((name) => `${name} = EXCLUDED.${name}`).join(', ');
  return `WITH written AS (
    INSERT INTO ${spec.table} AS t (${names.join(', ')}, source, imported_at)
    SELECT ${names.join(', ')}, $2, now() FROM jsonb_to_recordset($1::jsonb) AS r(${record})
    ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${set}
    WHERE ${changed}
    RETURNING ${spec.returning.map((name) => `t.${name}`).join(', ')}, (t.xmax = 0) AS inserted
  ) SELECT * FROM written`;
}
