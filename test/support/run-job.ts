import type { INestApplication } from '@nestjs/common';
import { Tick } from '@marketpulse/contracts';
import type { Msg } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { expectEventually } from './expect-eventually';
import { publishEvent } from './publish-event';

/**
 * Fires a job the way the scheduler does (a manual tick through the service's own publisher) and, given
 * the `job.>` messages a plain client collects, waits until the run completed. Returns the run id.
 */
export async function runJob(
  app: INestApplication,
  target: { service: string; job: string; scheduledFor?: Date },
  outcomes: Msg[],
  namespace: string,
): Promise<string> {
  const runId = randomUUID();
  const now = new Date();
  await publishEvent(app, Tick, {
    runId,
    service: target.service,
    job: target.job,
    scheduledFor: (target.scheduledFor ?? now).toISOString(),
    firedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    manual: true,
  });
  await expectEventually(() => {
    const outcome = outcomes.find(
      (message) => message.json<{ data: { runId: string } }>().data.runId === runId,
    );
    expect(outcome?.subject).toBe(`${namespace}.job.completed`);
  }, 30_000);
  return runId;
}
