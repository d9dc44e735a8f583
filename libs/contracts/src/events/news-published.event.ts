import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { SYMBOL_PATTERN } from '../identifiers';

export const NEWS_CATEGORIES = [
  'gold',
  'silver',
  'forex',
  'crypto',
  'commodities',
  'equities',
  'venture',
  'macro',
] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

/** One source that carried the story when it was first published. */
export class NewsSourceRefV1 {
  @IsUUID()
  sourceId: string;

  @IsString()
  @Length(1, 120)
  name: string;

  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  url: string;
}

export class NewsPublishedV1 {
  /** The story: every copy of it (URL variants, syndicated versions) is one story, published once. */
  @IsUUID()
  storyId: string;

  /** Plain text, sanitised. */
  @IsString()
  @Length(1, 1000)
  title: string;

  /** Plain text, sanitised (the API serves the safe HTML version). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;

  /** Link to the article of the source that first carried it. */
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  url: string;

  /** The primary category, also the last subject token. */
  @IsIn(NEWS_CATEGORIES)
  category: NewsCategory;

  @IsArray()
  @IsIn(NEWS_CATEGORIES, { each: true })
  categories: NewsCategory[];

  /** Catalogue symbols the story is about, e.g. XAUUSD for gold, BTCUSD for bitcoin. */
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(SYMBOL_PATTERN, { each: true, message: 'each symbol must be a catalogue symbol such as XAUUSD' })
  symbols: string[];

  @ValidateNested()
  @Type(() => NewsSourceRefV1)
  source: NewsSourceRefV1;

  @IsISO8601({ strict: true })
  publishedAt: string;
}

export const NewsPublished = defineEvent<NewsPublishedV1>({
  type: 'news.published',
  version: 1,
  stream: 'NEWS',
  subjectPattern: 'news.published.*',
  subject: (payload) => `news.published.${payload.category}`,
  payload: NewsPublishedV1,
  summary:
    'A new, deduplicated news story. Copies of a story already published (URL variants, the same GUID, syndicated near-duplicates) publish nothing.',
  example: {
    storyId: '3b8f6f2e-5d0c-4a7e-9b1d-2f6c8e4a1d90',
    title: 'Gold climbs to record as Fed signals rate cuts',
    summary:
      'Bullion rose 1.8% to a record high after the Federal Reserve signalled two rate cuts next year.',
    url: 'https://marketwire.example/markets/gold-record-fed-cuts',
    category: 'gold',
    categories: ['gold', 'commodities', 'macro'],
    symbols: ['XAUUSD'],
    source: {
      sourceId: '5a1d0f8c-9a5b-4d1e-8f3a-6c2b7e9d0a11',
      name: 'Marketwire',
      url: 'https://marketwire.example/rss',
    },
    publishedAt: '2026-11-23T08:15:00.000Z',
  },
});
