import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { tickSubject } from '@marketpulse/contracts';
import { JobDto, JobRunDto, RunNowResponseDto, RunsQueryDto } from '../dto/job.dto';
import { TickFirer } from '../firing/tick-firer.service';
import { JobRunsQuery } from '../runs/job-runs.query';
import { JobCatalogueService } from './job-catalogue.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly catalogue: JobCatalogueService,
    private readonly runs: JobRunsQuery,
    private readonly firer: TickFirer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every job: schedule, next run, last run and status, consecutive failures' })
  @ApiOkResponse({ type: [JobDto] })
  list(): Promise<JobDto[]> {
    return this.runs.describe(this.catalogue.jobs);
  }

  @Get(':name')
  @ApiOperation({ summary: 'One job' })
  @ApiOkResponse({ type: JobDto })
  @ApiNotFoundResponse({ description: 'Unknown job' })
  async one(@Param('name') name: string): Promise<JobDto> {
    const [job] = await this.runs.describe([this.catalogue.require(name)]);
    return job;
  }

  @Get(':name/runs')
  @ApiOperation({ summary: 'Recent runs of a job, newest first' })
  @ApiOkResponse({ type: [JobRunDto] })
  recentRuns(@Param('name') name: string, @Query() query: RunsQueryDto): Promise<JobRunDto[]> {
    return this.runs.recent(this.catalogue.require(name).name, query.limit ?? 20);
  }

  @Post(':name/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Fire the job now (a manual run); its outcome shows in the job runs' })
  @ApiAcceptedResponse({ type: RunNowResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown job' })
  async runNow(@Param('name') name: string): Promise<RunNowResponseDto> {
    const job = this.catalogue.require(name);
    const { runId, tick } = await this.firer.fire(job, new Date(), 'manual');
    return {
      runId,
      job: job.name,
      scheduledFor: tick.scheduledFor,
      subject: tickSubject(job.service, job.job),
    };
  }
}
