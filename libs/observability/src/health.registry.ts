import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void>;

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** Dependencies (database, NATS) register a readiness probe here; `/health/ready` runs them all. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async check(timeoutMs: number): Promise<Record<string, DependencyStatus>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await this.probe(check, timeoutMs)] as const),
    );
    return Object.fromEntries(entries);
  }

  private async probe(check: ReadinessCheck, timeoutMs: number): Promise<DependencyStatus> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        check(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: message };
    } finally {
      clearTimeout(timer);
    }
  }
}
