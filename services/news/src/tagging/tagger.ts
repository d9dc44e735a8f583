import type { NewsCategory } from '@marketpulse/contracts';
import type { TagExplanation, Tagging, TaggingRule } from './tagging-rule';

/** Used when neither a rule nor the source says anything. */
export const FALLBACK_CATEGORY: NewsCategory = 'macro';

interface CompiledRule {
  rule: TaggingRule;
  pattern: RegExp;
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Applies tagging rules to articles; compile once per rule set, tag many articles. */
export class Tagger {
  private readonly compiled: CompiledRule[];

  constructor(rules: readonly TaggingRule[]) {
    this.compiled = [...rules]
      .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
      .map((rule) => ({
        rule,
        // Letters or digits on either side mean another word ("golden", "BTCX"): no match.
        pattern: new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${[...rule.terms]
            .sort((a, b) => b.length - a.length)
            .map(escape)
            .join('|')})(?![\\p{L}\\p{N}])`,
          rule.match === 'keyword' ? 'iu' : 'u',
        ),
      }));
  }

  tag(title: string, summary: string, defaultCategory?: NewsCategory | null): Tagging {
    const tags: TagExplanation[] = [];
    const categories = new Set<NewsCategory>();
    const symbols = new Set<string>();
    const titleSymbols = new Set<string>();
    let titleCategory: NewsCategory | undefined;
    let summaryCategory: NewsCategory | undefined;

    if (defaultCategory) {
      categories.add(defaultCategory);
      tags.push({ kind: 'category', value: defaultCategory, rule: 'source-default', field: 'source' });
    }
    for (const { rule, pattern } of this.compiled) {
      const inTitle = pattern.exec(title);
      const found = inTitle ?? pattern.exec(summary);
      if (!found) continue;
      const field = inTitle ? 'title' : 'summary';
      for (const category of rule.categories) {
        if (field === 'title') titleCategory ??= category;
        else summaryCategory ??= category;
        if (categories.has(category)) continue;
        categories.add(category);
        tags.push({ kind: 'category', value: category, rule: rule.id, matched: found[0], field });
      }
      for (const symbol of rule.symbols) {
        if (field === 'title') titleSymbols.add(symbol);
        if (symbols.has(symbol)) continue;
        symbols.add(symbol);
        tags.push({ kind: 'symbol', value: symbol, rule: rule.id, matched: found[0], field });
      }
    }
    // What the headline is about beats the feed's beat; the feed's beat beats a passing mention.
    const category = titleCategory ?? defaultCategory ?? summaryCategory ?? FALLBACK_CATEGORY;
    if (!categories.has(category)) {
      categories.add(category);
      tags.push({ kind: 'category', value: category, rule: 'fallback', field: 'source' });
    }
    return {
      category,
      categories: [category, ...[...categories].filter((value) => value !== category)],
      symbols: [...symbols],
      titleSymbols: [...titleSymbols],
      tags,
    };
  }
}
