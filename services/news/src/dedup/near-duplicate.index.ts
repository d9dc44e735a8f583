import { isSameStory } from './story-fingerprint';

/** The fingerprint of one article (a story has one per copy), and its story. */
export interface IndexedStory {
  id: string;
  storyId: string;
  shingles: readonly number[];
  guard: string;
  publishedAt: number;
}

/**
 * Article fingerprints by word pair, in memory: which stored story, if any, a new text repeats (compared
 * with every copy of the story, not only its first). The ingester keeps it
 * in step with the table (under its lock) and loads older time ranges when an item needs them.
 */
export class NearDuplicateIndex {
  private readonly byShingle = new Map<number, IndexedStory[]>();
  private readonly stories = new Map<string, IndexedStory>();

  get size(): number {
    return this.stories.size;
  }

  add(story: IndexedStory): void {
    if (this.stories.has(story.id)) return;
    this.stories.set(story.id, story);
    for (const shingle of story.shingles) {
      const owners = this.byShingle.get(shingle);
      if (owners) owners.push(story);
      else this.byShingle.set(shingle, [story]);
    }
  }

  /** Forgets stories published before `time` (they can be loaded again if an old item needs them). */
  evictBefore(time: number): void {
    for (const story of this.stories.values()) {
      if (story.publishedAt >= time) continue;
      this.stories.delete(story.id);
      for (const shingle of story.shingles) {
        const owners = this.byShingle.get(shingle)?.filter((owner) => owner !== story);
        if (owners && owners.length > 0) this.byShingle.set(shingle, owners);
        else this.byShingle.delete(shingle);
      }
    }
  }

  /** The story of the most similar copy published within `windowMs` that passes `isSameStory`. */
  match(
    text: { shingles: readonly number[]; guard: string; publishedAt: number },
    windowMs: number,
  ): string | undefined {
    // Fingerprints hold distinct shingles.
    const shared = new Map<IndexedStory, number>();
    for (const shingle of text.shingles) {
      for (const owner of this.byShingle.get(shingle) ?? []) {
        if (owner.guard !== text.guard || Math.abs(owner.publishedAt - text.publishedAt) > windowMs) continue;
        shared.set(owner, (shared.get(owner) ?? 0) + 1);
      }
    }
    const size = text.shingles.length;
    let best: { storyId: string; jaccard: number } | undefined;
    for (const [owner, count] of shared) {
      if (
        !isSameStory({ size, guard: text.guard }, { size: owner.shingles.length, guard: owner.guard }, count)
      )
        continue;
      const jaccard = count / (size + owner.shingles.length - count);
      if (!best || jaccard > best.jaccard) best = { storyId: owner.storyId, jaccard };
    }
    return best?.storyId;
  }
}
