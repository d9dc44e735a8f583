import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ImportKindParams, ImportRequestDto, ImportResultDto } from './dto/import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @ApiOperation({
    summary:
      'Import one file of investors, companies, rounds, acquisitions, valuations, ipos, funds or fund-flows ' +
      '(CSV or JSON): validated row by row, applied all or nothing, idempotent on natural keys',
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ description: 'Unknown kind or a malformed request' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid rows, listed by line; nothing was applied' })
  import(@Param() params: ImportKindParams, @Body() body: ImportRequestDto): Promise<ImportResultDto> {
    return this.imports.import(params.kind, body);
  }
}
