import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IPO_STAGES } from '@marketpulse/contracts';
import { AdvanceIpoDto, IpoDetailDto, IpoStageGroupDto } from './dto/ipo.dto';
import { IpoWriter } from './ipo-writer';
import { IposRepository } from './ipos.repository';

@ApiTags('ipos')
@Controller('ipos')
export class IposController {
  constructor(
    private readonly ipos: IposRepository,
    private readonly writer: IpoWriter,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The IPO pipeline by stage, each stage by expected date' })
  @ApiOkResponse({ type: [IpoStageGroupDto] })
  async pipeline(): Promise<IpoStageGroupDto[]> {
    const all = await this.ipos.find();
    return IPO_STAGES.map((stage) => {
      const ipos = all.filter((ipo) => ipo.stage === stage);
      return { stage, count: ipos.length, ipos };
    });
  }

  @Get(':companyId')
  @ApiOperation({ summary: 'One company in the pipeline, with its stage history' })
  @ApiOkResponse({ type: IpoDetailDto })
  @ApiNotFoundResponse({ description: 'The company is not in the pipeline' })
  async detail(@Param('companyId') companyId: string): Promise<IpoDetailDto> {
    const [ipo] = await this.ipos.find(companyId);
    if (!ipo) throw new NotFoundException(`No IPO in the pipeline for company '${companyId}'`);
    return { ...ipo, transitions: await this.ipos.transitions(companyId) };
  }

  @Post(':companyId/transitions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move an IPO one stage: rumoured → filed → priced → listed, or to withdrawn before listing',
  })
  @ApiOkResponse({ type: IpoDetailDto })
  @ApiNotFoundResponse({ description: 'The company is not in the pipeline' })
  @ApiConflictResponse({ description: 'Not an allowed move; the message names the allowed ones' })
  @ApiUnprocessableEntityResponse({
    description: 'Pricing without a price, listing without a ticker or price',
  })
  async advance(@Param('companyId') companyId: string, @Body() body: AdvanceIpoDto): Promise<IpoDetailDto> {
    const { to, ...fields } = body;
    await this.writer.advanceAlone(companyId, { ...fields, stage: to }, 'api');
    return this.detail(companyId);
  }
}
