import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEWS_CATEGORIES } from '@marketpulse/contracts';

export class StoryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Plain text' }) title: string;
  @ApiPropertyOptional({ description: 'Sanitised HTML: formatting and http(s) links only' }) summary?: string;
  @ApiProperty({ description: 'The article of the source that carried it first' }) url: string;
  @ApiProperty({ enum: NEWS_CATEGORIES }) category: string;
  @ApiProperty({ enum: NEWS_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ type: [String], example: ['XAUUSD'] }) symbols: string[];
  @ApiProperty() publishedAt: string;
  @ApiProperty({ description: 'When this service first saw it' }) firstSeenAt: string;
  @ApiProperty({ description: 'Articles (copies from sources) grouped into this story' })
  articleCount: number;
}

export class StoryPageDto {
  @ApiProperty({ type: [StoryDto] }) items: StoryDto[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export class TagDto {
  @ApiProperty({ enum: ['category', 'symbol'] }) kind: string;
  @ApiProperty({ example: 'XAUUSD' }) value: string;
  @ApiProperty({ description: 'The tagging rule id, source-default or fallback', example: 'gold' })
  rule: string;
  @ApiPropertyOptional({ description: 'The text that matched', example: 'bullion' }) matched?: string;
  @ApiProperty({ enum: ['title', 'summary', 'source'] }) field: string;
}

export class StoryArticleDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ description: 'Absent once the source was removed' }) sourceId?: string;
  @ApiProperty() sourceName: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty() publishedAt: string;
  @ApiProperty() fetchedAt: string;
}

/** A source that carried the story under a URL that is the same once canonicalised as a stored one. */
export class StorySightingDto {
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty() sourceName: string;
  @ApiProperty({ description: 'The URL as that source gave it' }) url: string;
  @ApiProperty({ format: 'date-time' }) firstSeenAt: string;
}

export class StoryDetailDto extends StoryDto {
  @ApiProperty({ type: [TagDto], description: 'Why the story has each category and symbol' }) tags: TagDto[];
  @ApiProperty({ type: [StoryArticleDto], description: 'Every source that carried the story' })
  sources: StoryArticleDto[];
  @ApiProperty({
    type: [StorySightingDto],
    description: 'Other sources that carried it under the same URL (a copy, not an article of its own)',
  })
  alsoSeenAt: StorySightingDto[];
}
