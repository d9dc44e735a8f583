import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { NEWS_CATEGORIES, type NewsCategory } from '@marketpulse/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FEED_KINDS, type FeedKind } from '../../feeds/parsed-feed';

const PATH = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
const pathMessage = '$property must be a dot path such as data.articles';

/** Where the generic JSON adapter finds an item's fields (dot paths). */
export class JsonApiMappingDto {
  @ApiPropertyOptional({
    example: 'data.articles',
    description: 'Path of the item array; omit when the response is the array',
  })
  @IsOptional()
  @Matches(PATH, { message: pathMessage })
  itemsPath?: string;

  @ApiProperty({ example: 'headline' })
  @Matches(PATH, { message: pathMessage })
  title: string;

  @ApiProperty({ example: 'links.web' })
  @Matches(PATH, { message: pathMessage })
  url: string;

  @ApiPropertyOptional({ example: 'id' })
  @IsOptional()
  @Matches(PATH, { message: pathMessage })
  guid?: string;

  @ApiPropertyOptional({ example: 'teaser' })
  @IsOptional()
  @Matches(PATH, { message: pathMessage })
  summary?: string;

  @ApiPropertyOptional({ example: 'published' })
  @IsOptional()
  @Matches(PATH, { message: pathMessage })
  publishedAt?: string;

  @ApiPropertyOptional({ example: 'links.canonical' })
  @IsOptional()
  @Matches(PATH, { message: pathMessage })
  canonicalUrl?: string;
}

export class SourceConfigDto {
  @ApiPropertyOptional({ type: JsonApiMappingDto, description: 'Required for kind json-api' })
  @IsOptional()
  @ValidateNested()
  @Type(() => JsonApiMappingDto)
  mapping?: JsonApiMappingDto;
}

export class CreateSourceDto {
  @ApiProperty({ example: 'Marketwire' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({
    example: 'https://marketwire.example/rss',
    description: 'An http(s) URL, or a path such as /samples/marketwire.xml served by this service',
  })
  @IsString()
  @MaxLength(2000)
  @Matches(/^(https?:\/\/[^\s/?#]+[^\s]*|\/[^\s]*)$/, {
    message: 'url must be an http(s) URL or a path starting with / (resolved against this service)',
  })
  url: string;

  @ApiProperty({ enum: FEED_KINDS })
  @IsIn(FEED_KINDS, { message: `kind must be one of ${FEED_KINDS.join(', ')}` })
  kind: FeedKind;

  @ApiPropertyOptional({
    enum: NEWS_CATEGORIES,
    description: 'Category of items no rule places in the title',
  })
  @IsOptional()
  @IsIn(NEWS_CATEGORIES, { message: `defaultCategory must be one of ${NEWS_CATEGORIES.join(', ')}` })
  defaultCategory?: NewsCategory;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: 900, minimum: 60, maximum: 604800 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(604800)
  pollIntervalSeconds?: number;

  @ApiPropertyOptional({ type: SourceConfigDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceConfigDto)
  config?: SourceConfigDto;
}

export class UpdateSourceDto extends PartialType(CreateSourceDto) {}
