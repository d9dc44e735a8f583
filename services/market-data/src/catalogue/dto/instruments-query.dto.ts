import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INSTRUMENT_CATEGORIES, type InstrumentCategory } from '../instrument.entity';

export class InstrumentsQueryDto {
  @ApiPropertyOptional({ enum: INSTRUMENT_CATEGORIES })
  @IsOptional()
  @IsIn(INSTRUMENT_CATEGORIES, { message: `category must be one of ${INSTRUMENT_CATEGORIES.join(', ')}` })
  category?: InstrumentCategory;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only instruments quoted (true) or retired (false)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'enabled must be true or false' })
  enabled?: 'true' | 'false';
}
