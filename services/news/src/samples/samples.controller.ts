import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NewsConfig } from '../news.config';
import { SAMPLE_FILE, sampleFeedsDirectory } from './sample-feeds';

const CONTENT_TYPES: Record<string, string> = {
  '.atom.xml': 'application/atom+xml',
  '.rdf.xml': 'application/rdf+xml',
  '.xml': 'application/rss+xml',
  '.feed.json': 'application/feed+json',
  '.json': 'application/json',
};

/**
 * The bundled sample feeds, so a laptop with no network still has news: the seeded sources read them
 * from here. Served like a real feed host: ETag, Last-Modified, 304 and a max-age.
 */
@ApiTags('samples')
@Controller('samples')
export class SamplesController {
  private readonly directory = sampleFeedsDirectory();

  constructor(private readonly config: NewsConfig) {}

  @Get(':file')
  @ApiOperation({ summary: 'A bundled sample feed (NEWS_SAMPLES_ENABLED)' })
  @ApiOkResponse({ description: 'The feed, as a feed host would serve it' })
  @ApiNotFoundResponse()
  serve(@Param('file') file: string, @Res() response: Response): void {
    const directory = this.directory;
    if (!this.config.NEWS_SAMPLES_ENABLED || !directory || !SAMPLE_FILE.test(file)) {
      throw new NotFoundException(`no sample feed '${file}'`);
    }
    if (!existsSync(join(directory, file))) throw new NotFoundException(`no sample feed '${file}'`);
    const suffix = Object.keys(CONTENT_TYPES).find((ending) => file.endsWith(ending)) ?? '.xml';
    response.sendFile(file, {
      root: directory,
      maxAge: 60_000,
      headers: { 'Content-Type': CONTENT_TYPES[suffix] },
    });
  }
}
