import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { NEWS_CATEGORIES } from '@marketpulse/contracts';
import { TaggingRulesRepository } from './tagging-rules.repository';

export class TaggingRuleDto {
  @ApiProperty() id: string;
  @ApiProperty({
    enum: ['keyword', 'entity'],
    description: 'keyword: whole words, any case; entity: exact case',
  })
  match: string;
  @ApiProperty({ type: [String] }) terms: string[];
  @ApiProperty({ enum: NEWS_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ type: [String], example: ['XAUUSD'] }) symbols: string[];
  @ApiProperty({ description: 'Lower first; the first rule matching the title names the primary category' })
  priority: number;
  @ApiProperty() enabled: boolean;
  @ApiProperty() description: string;
}

@ApiTags('tagging')
@Controller('tagging-rules')
export class TaggingRulesController {
  constructor(private readonly rules: TaggingRulesRepository) {}

  @Get()
  @ApiOperation({ summary: 'The keyword and entity rules that give articles categories and symbols' })
  @ApiOkResponse({ type: [TaggingRuleDto] })
  list(): Promise<TaggingRuleDto[]> {
    return this.rules.list();
  }
}
