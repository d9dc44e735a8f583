import type { DatasetKind, VcDataset } from '../dataset/vc-dataset';
import type { IndexLevel } from '../funds/fund-returns';

export const VC_PROVIDER = Symbol('VC_PROVIDER');

/**
 * Where the daily sync gets its data. The offline default is the bundled dataset; a provider backed by a
 * commercial feed implements the same interface and is bound in its place.
 */
export interface VcProvider {
  /** Kept as `source` on every row it delivers. */
  readonly name: string;
  /** The rows of the asked kinds, validated; the other kinds may come back empty. */
  load(kinds: readonly DatasetKind[]): Promise<VcDataset>;
  /**
   * Daily closes of a public-market index, oldest first, so the PME has levels for cash flows older than
   * the live `price.updated` feed; empty when the provider has no history of that symbol.
   */
  indexHistory(symbol: string): Promise<IndexLevel[]>;
}
