import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers. Checks no dependency.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database and NATS answer within 2 s. 503 when one does not.' })
  async ready(@Res() response: Response): Promise<void> {
    const dependencies = await this.registry.check(2000);
    const ready = Object.values(dependencies).every((dependency) => dependency.status === 'up');
    response
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ready ? 'ready' : 'not_ready', dependencies });
  }
}
