import {
  BadRequestException,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '@marketpulse/auth';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { ListNewsQuery } from './dto/list-news.query';
import { StoryDetailDto, StoryPageDto } from './dto/story.dto';
import { StoriesRepository } from './stories.repository';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('story id must be a UUID'),
});

@ApiTags('news')
@Controller('news')
export class NewsController {
  constructor(private readonly stories: StoriesRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Stories, newest first, by category, symbol, date and full-text search; cursor-paginated',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag of an earlier response' })
  @ApiOkResponse({ type: StoryPageDto, description: 'With an ETag that changes when stories arrive' })
  @ApiNotModifiedResponse({ description: 'Nothing changed since the ETag given in If-None-Match' })
  async list(
    @Query() query: ListNewsQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StoryPageDto | undefined> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    // The version moves with every change a list can show, so the tag holds without reading the list.
    const version = await this.stories.version();
    const etag = `W/"${version}-${createHash('sha1').update(JSON.stringify(query)).digest('base64url').slice(0, 16)}"`;
    response.setHeader('ETag', etag);
    response.setHeader('Cache-Control', 'no-cache');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      response.status(304);
      return undefined;
    }
    const limit = query.limit ?? 20;
    const { items, rows } = await this.stories.list({
      category: query.category,
      symbol: query.symbol,
      since: query.since ? new Date(query.since) : undefined,
      q: query.q,
      after,
      limit,
    });
    const last = rows[rows.length - 1];
    return {
      items,
      ...(rows.length === limit && last ? { nextCursor: encodeCursor(last.published_at, last.id) } : {}),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One story with every source that carried it and why it has each tag' })
  @ApiOkResponse({ type: StoryDetailDto })
  @ApiNotFoundResponse()
  async one(@Param('id', uuid) id: string): Promise<StoryDetailDto> {
    const story = await this.stories.find(id);
    if (!story) throw new NotFoundException(`no story ${id}`);
    return story;
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({ summary: 'Admin: delete a story; later fetches of any of its copies do not bring it back' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', uuid) id: string): Promise<void> {
    if (!(await this.stories.delete(id))) throw new NotFoundException(`no story ${id}`);
  }
}

function encodeCursor(publishedAt: Date, id: string): string {
  return Buffer.from(`${publishedAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { publishedAt: Date; id: string } {
  const [key, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const publishedAt = new Date(key);
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(publishedAt.getTime())) {
    throw new BadRequestException('cursor is not one this API gave out');
  }
  return { publishedAt, id };
}
