import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogueService } from './catalogue.service';
import type { Instrument } from './instrument.entity';

@ApiTags('catalogue')
@Controller('instruments')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({ summary: 'The symbol catalogue: name, category, unit, currency, trading calendar' })
  list(): Promise<Instrument[]> {
    return this.catalogue.list();
  }
}
