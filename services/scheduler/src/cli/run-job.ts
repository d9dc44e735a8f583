import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import {
  STREAMS,
  Tick,
  tickSubject,
  validateEnvelope,
  type EventEnvelope,
  type JobCompletedV1,
  type JobFailedV1,
} from '@marketpulse/contracts';
import { SubjectNamespace, buildEvent, newEventId } from '@marketpulse/messaging';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { buildJobCatalogue, type ScheduledJob } from '../jobs/job-catalogue';
import { SchedulerConfig } from '../scheduler.config';

const USAGE = `usage: npm run job -- <service.job> [<service.job> ...] | --all [--timeout <seconds>]
Fires the jobs once (manual runs) and waits for their job.completed / job.failed.
Exits 0 when all completed, 1 when any failed or timed out, 2 on bad usage.`;

interface Outcome {
  job: string;
  status: 'completed' | 'failed' | 'timeout';
  detail: string;
}

async function main(argv: string[]): Promise<number> {
  const names: string[] = [];
  let timeoutMs = 120_000;
  let all = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--all') all = true;
    else if (arg === '--timeout') timeoutMs = Number(argv[++index]) * 1000;
    else if (arg.startsWith('--')) names.push(`(unknown option ${arg})`);
    else names.push(arg);
  }
  const config = loadConfig(SchedulerConfig);
  const catalogue = buildJobCatalogue({
    overridesFile: config.SCHEDULER_JOBS_FILE,
    enabled: config.SCHEDULER_ENABLED_JOBS,
    disabled: config.SCHEDULER_DISABLED_JOBS,
  });
  let jobs: ScheduledJob[];
  if (all) {
    jobs = catalogue.filter((job) => job.enabled);
  } else {
    const unknown = names.filter((name) => !catalogue.some((job) => job.name === name));
    if (names.length === 0 || unknown.length > 0 || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      if (unknown.length > 0) process.stderr.write(`unknown job(s): ${unknown.join(', ')}\n`);
      process.stderr.write(`${USAGE}\nknown jobs: ${catalogue.map((job) => job.name).join(', ')}\n`);
      return 2;
    }
    jobs = names.map((name) => catalogue.find((job) => job.name === name)!);
  }

  const namespace = new SubjectNamespace(config.MESSAGING_NAMESPACE);
  const nc = await connect({
    servers: config.NATS_URL.split(','),
    user: config.NATS_USER,
    pass: config.NATS_PASSWORD,
    name: 'marketpulse-job-cli',
  });
  try {
    const pending = new Map<string, ScheduledJob>();
    const outcomes: Outcome[] = [];
    let settle: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (settle = resolve));
    // Subscribe before firing, so a fast job cannot report before we listen.
    const subscription = nc.subscribe(namespace.subject('job.*'));
    void (async () => {
      for await (const message of subscription) {
        try {
          const envelope = validateEnvelope(message.json()) as EventEnvelope<JobCompletedV1 & JobFailedV1>;
          const job = pending.get(envelope.data.runId);
          if (!job || (envelope.type !== 'job.completed' && envelope.type !== 'job.failed')) continue;
          pending.delete(envelope.data.runId);
          const failed = envelope.type === 'job.failed';
          outcomes.push({
            job: job.name,
            status: failed ? 'failed' : 'completed',
            detail: failed
              ? envelope.data.error
              : `${envelope.data.durationMs} ms ${JSON.stringify(envelope.data.counts)}${envelope.data.skipped ? ` skipped: ${envelope.data.skipped}` : ''}`,
          });
          if (pending.size === 0) settle();
        } catch {
          // Not a job outcome we understand: not ours to judge here.
        }
      }
    })();
    await nc.flush();

    const js = jetstream(nc);
    for (const job of jobs) {
      const now = new Date();
      const runId = newEventId();
      const event = buildEvent(
        Tick,
        {
          runId,
          service: job.service,
          job: job.job,
          scheduledFor: now.toISOString(),
          firedAt: now.toISOString(),
          expiresAt: job.cron.expiresAt(now).toISOString(),
          manual: true,
        },
        'scheduler-cli',
        { id: runId, correlationId: runId },
      );
      const headers = natsHeaders();
      for (const [key, value] of Object.entries(event.headers)) headers.set(key, value);
      pending.set(runId, job);
      try {
        await js.publish(
          namespace.subject(tickSubject(job.service, job.job)),
          JSON.stringify(event.envelope),
          {
            msgID: runId,
            headers,
          },
        );
        process.stdout.write(`fired ${job.name} (run ${runId})\n`);
      } catch (error) {
        pending.delete(runId);
        const hint = `is the platform up? (stream ${namespace.stream(STREAMS.SCHEDULER.name)} at ${config.NATS_URL})`;
        outcomes.push({
          job: job.name,
          status: 'failed',
          detail: `could not publish the tick: ${(error as Error).message}; ${hint}`,
        });
      }
    }
    if (pending.size > 0) {
      await Promise.race([allDone, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    }
    for (const job of pending.values()) {
      outcomes.push({
        job: job.name,
        status: 'timeout',
        detail: `no outcome within ${timeoutMs / 1000} s: is ${job.service} running?`,
      });
    }
    subscription.unsubscribe();
    for (const outcome of outcomes)
      process.stdout.write(`${outcome.status.padEnd(9)} ${outcome.job}  ${outcome.detail}\n`);
    return outcomes.every((outcome) => outcome.status === 'completed') ? 0 : 1;
  } finally {
    await nc.drain();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`job CLI failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
