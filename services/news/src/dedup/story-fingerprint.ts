/** Words that carry no story: dropping them makes "X rises as Y" and "X rises, Y" the same text. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from has have in into is it its of on or over said says than that ' +
    'the their this to was were will with after amid about up down new its his her they we you after before'
  ).split(' '),
);

/** Words used for similarity; at most this many, so a long summary cannot drown the title. */
const MAX_WORDS = 80;

export interface StoryFingerprint {
  /** Distinct 32-bit hashes of the word pairs of the normalised title and summary. */
  shingles: number[];
  /**
   * What must be equal for two texts to be one story however similar their wording: the numbers in
   * the title and the symbols the title is about ("Gold rises 2%" vs "Silver rises 2%", "... 2%" vs
   * "... 3%" are different stories).
   */
  guard: string;
}

export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\d)[,.](\d)/g, '$1$2')
    .split(/[^a-z0-9%$]+/)
    .filter((word) => word.length > 0 && !STOPWORDS.has(word));
}

/** FNV-1a, folded into a signed 32-bit integer (a PostgreSQL `integer`). */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export function fingerprint(
  title: string,
  summaryText: string,
  titleSymbols: readonly string[],
): StoryFingerprint {
  const titleWords = normaliseWords(title);
  const words = [...titleWords, '|', ...normaliseWords(summaryText)].slice(0, MAX_WORDS);
  const shingles = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) shingles.add(hash32(`${words[i]} ${words[i + 1]}`));
  if (words.length === 1) shingles.add(hash32(words[0]));
  const numbers = [...new Set(titleWords.filter((word) => /\d/.test(word)))].sort();
  const symbols = [...new Set(titleSymbols)].sort();
  return { shingles: [...shingles], guard: `${numbers.join(',')}|${symbols.join(',')}` };
}

/** Jaccard at or above this: the same text, give or take an edit. */
export const SAME_STORY_JACCARD = 0.5;
/** Or the shorter text is this much inside the longer one (a truncated syndicated copy)... */
export const SAME_STORY_CONTAINMENT = 0.8;
/** ...and long enough for containment to mean something. */
const MIN_CONTAINED_SHINGLES = 6;

/**
 * Whether two texts are the same story: same guard, and similar enough shingles. `shared` is the size
 * of the intersection, which the database counts without moving the sets.
 */
export function isSameStory(
  a: { size: number; guard: string },
  b: { size: number; guard: string },
  shared: number,
): boolean {
  if (a.guard !== b.guard || shared === 0) return false;
  const jaccard = shared / (a.size + b.size - shared);
  if (jaccard >= SAME_STORY_JACCARD) return true;
  const smaller = Math.min(a.size, b.size);
  return smaller >= MIN_CONTAINED_SHINGLES && shared / smaller >= SAME_STORY_CONTAINMENT;
}
