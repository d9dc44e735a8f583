import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEWS_CATEGORIES } from '@marketpulse/contracts';
import { FEED_KINDS } from '../../feeds/parsed-feed';
import { SourceConfigDto } from './source-input.dto';

export class SourceStatusDto {
  @ApiProperty({ description: 'Failed fetches in a row; the source backs off while this is above 0' })
  consecutiveFailures: number;
  @ApiPropertyOptional({ description: 'ok, not-modified or failed' }) lastStatus?: string;
  @ApiPropertyOptional() lastError?: string;
  @ApiPropertyOptional() lastFetchedAt?: string;
  @ApiPropertyOptional() lastSuccessAt?: string;
  @ApiPropertyOptional({ description: 'Items in the last feed read' }) lastItemCount?: number;
  @ApiPropertyOptional() etag?: string;
  @ApiPropertyOptional() lastModified?: string;
  @ApiProperty({ description: 'The first job run at or after this instant fetches the source' })
  nextDueAt: string;
}

export class SourceDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: FEED_KINDS }) kind: string;
  @ApiPropertyOptional({ enum: NEWS_CATEGORIES }) defaultCategory?: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty() pollIntervalSeconds: number;
  @ApiProperty({ type: SourceConfigDto }) config: SourceConfigDto;
  @ApiProperty({ type: SourceStatusDto }) status: SourceStatusDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
