import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '@marketpulse/auth';
import { CreateSourceDto, UpdateSourceDto } from './dto/source-input.dto';
import { SourceDto } from './dto/source.dto';
import type { SourceRow } from './source';
import { SourcesRepository, toSourceDto } from './sources.repository';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('source id must be a UUID'),
});

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesRepository) {}

  @Get()
  @ApiOperation({ summary: 'Every source with its fetch status (failures, last error, next due)' })
  @ApiOkResponse({ type: [SourceDto] })
  async list(): Promise<SourceDto[]> {
    return (await this.sources.list()).map(toSourceDto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One source with its fetch status' })
  @ApiOkResponse({ type: SourceDto })
  @ApiNotFoundResponse()
  async one(@Param('id', uuid) id: string): Promise<SourceDto> {
    return toSourceDto(found(await this.sources.find(id), id));
  }

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Admin: add a source; it is fetched by the next job run' })
  @ApiCreatedResponse({ type: SourceDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a json-api source without config.mapping' })
  @ApiConflictResponse({ description: 'A source with this name exists' })
  async create(@Body() body: CreateSourceDto): Promise<SourceDto> {
    requireMapping(body.kind, body.config?.mapping);
    const created = await this.sources.create(body);
    if (!created) throw new ConflictException(`a source named '${body.name}' exists`);
    return toSourceDto(created);
  }

  @Patch(':id')
  @AdminOnly()
  @ApiOperation({
    summary: 'Admin: change a source; a new url, kind or config resets its validators and backoff',
  })
  @ApiOkResponse({ type: SourceDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another source has this name' })
  async update(@Param('id', uuid) id: string, @Body() body: UpdateSourceDto): Promise<SourceDto> {
    const current = found(await this.sources.find(id), id);
    requireMapping(body.kind ?? current.kind, body.config ? body.config.mapping : current.config.mapping);
    try {
      return toSourceDto(found(await this.sources.update(id, body), id));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new ConflictException(`a source named '${body.name}' exists`);
      }
      throw error;
    }
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({ summary: 'Admin: remove a source; its stories stay' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', uuid) id: string): Promise<void> {
    if (!(await this.sources.remove(id))) throw new NotFoundException(`no source ${id}`);
  }
}

function found(row: SourceRow | undefined, id: string): SourceRow {
  if (!row) throw new NotFoundException(`no source ${id}`);
  return row;
}

function requireMapping(kind: string, mapping: unknown): void {
  if (kind === 'json-api' && !mapping) {
    throw new BadRequestException('a json-api source needs config.mapping (at least title and url paths)');
  }
}
