import type { NewsCategory } from '@marketpulse/contracts';

/** A row of `tagging_rules`: terms that, found in an article, give it categories and symbols. */
export interface TaggingRule {
  id: string;
  /** keyword: whole words, any case. entity: exact case (tickers: "BTC", "AAPL"). */
  match: 'keyword' | 'entity';
  terms: string[];
  categories: NewsCategory[];
  symbols: string[];
  /** Lower first: decides the primary category when several rules match the title. */
  priority: number;
}

/** Why an article carries a tag. */
export interface TagExplanation {
  kind: 'category' | 'symbol';
  value: string;
  /** The rule id, or `source-default` for the source's default category. */
  rule: string;
  /** The text that matched, as it appears in the article. */
  matched?: string;
  field: 'title' | 'summary' | 'source';
}

export interface Tagging {
  category: NewsCategory;
  categories: NewsCategory[];
  symbols: string[];
  /** Symbols found in the title alone: part of what makes two texts the same story. */
  titleSymbols: string[];
  tags: TagExplanation[];
}
