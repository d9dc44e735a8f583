/**
 * The consuming service of the pipeline bench, in a process of its own as it would be in production
 * (one service publishes, another consumes). Talks to the bench over IPC:
 *   parent → { expect: n }   child → { done: latenciesMs[] } once n events arrived since the last expect
 */
import 'reflect-metadata';
import { ProbeConfig } from '../../test/support/probe/probe.config';
import { startService } from '../../test/support/service-harness';
import { Arrivals, BenchModule, type BenchMode } from './bench.module';

async function main(): Promise<void> {
  const mode = (process.env.BENCH_MODE ?? 'concurrent') as BenchMode;
  const service = await startService(ProbeConfig, (config) => BenchModule.forRoot(config, mode), {
    DATABASE_URL: process.env.DATABASE_URL,
    NATS_URL: process.env.NATS_URL,
    MESSAGING_NAMESPACE: process.env.MESSAGING_NAMESPACE,
    DATABASE_POOL_SIZE: '20',
    MESSAGING_ACK_WAIT_MS: '60000',
  });
  const arrivals = service.app.get(Arrivals);
  process.on('message', (message: { expect?: number; stop?: boolean }) => {
    if (message.stop) {
      void service.close().then(() => process.exit(0));
      return;
    }
    const target = message.expect!;
    arrivals.reset();
    arrivals.onArrival = () => {
      if (arrivals.count < target) return;
      arrivals.onArrival = undefined;
      process.send!({ done: arrivals.latenciesMs });
    };
  });
  process.send!({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench consumer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
