import { Body, Controller, Param, Post, Query, ValidationPipe } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ImportKindParams, ImportRequestDto, ImportResultDto } from './dto/import.dto';
import { ImportsService } from './imports.service';

/** The global pipe's options: the body is checked here because it may also be a bare text/csv string. */
const requestPipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

@ApiTags('imports')
@ApiExtraModels(ImportRequestDto)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @ApiOperation({
    summary:
      'Import one file of investors, companies, rounds, acquisitions, valuations, ipos, funds or fund-flows ' +
      '(CSV or JSON): validated row by row, applied all or nothing, idempotent on natural keys',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    description: 'JSON {format, content | rows, source?}, or the CSV file itself as a text/csv body',
    schema: { oneOf: [{ $ref: getSchemaPath(ImportRequestDto) }, { type: 'string' }] },
  })
  @ApiQuery({
    name: 'source',
    required: false,
    description: 'With a text/csv body: kept as each row’s source',
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'Unknown kind or a malformed request' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid rows, listed by line; nothing was applied' })
  async import(
    @Param() params: ImportKindParams,
    @Body() body: unknown,
    @Query('source') source?: string,
  ): Promise<ImportResultDto> {
    const request = (await requestPipe.transform(
      typeof body === 'string' ? { format: 'csv', content: body, ...(source ? { source } : {}) } : body,
      { type: 'body', metatype: ImportRequestDto },
    )) as ImportRequestDto;
    return this.imports.import(params.kind, request);
  }
}
