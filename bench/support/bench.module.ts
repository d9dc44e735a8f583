import { Controller, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ConfigModule } from '@marketpulse/config';
import type { EventEnvelope, PriceUpdatedV1 } from '@marketpulse/contracts';
import { DatabaseModule } from '@marketpulse/database';
import {
  InboxService,
  JetStreamContext,
  MessagingModule,
  consumerOptions,
  createMessagingTables,
  type InboxBatch,
} from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ProbeConfig } from '../../test/support/probe/probe.config';

class CreateBenchTables1795392000000 implements MigrationInterface {
  name = 'CreateBenchTables1795392000000';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, 'bench');
    await runner.query(
      'CREATE TABLE bench.effects (event_id uuid PRIMARY KEY, price numeric(24, 8) NOT NULL)',
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA bench CASCADE');
  }
}

/** Records when each event arrived, so the bench can compute latency from the envelope's occurredAt. */
@Injectable()
export class Arrivals {
  readonly latenciesMs: number[] = [];
  count = 0;
  onArrival?: () => void;

  record(occurredAt: string): void {
    this.latenciesMs.push(Date.now() - Date.parse(occurredAt));
    this.count++;
    this.onArrival?.();
  }

  reset(): void {
    this.latenciesMs.length = 0;
    this.count = 0;
  }
}

/** A realistic handler: inbox check and one effect row, in one transaction, then the transport acks. */
async function handle(
  inbox: InboxService,
  arrivals: Arrivals,
  event: EventEnvelope<PriceUpdatedV1>,
  context: JetStreamContext,
) {
  await inbox.onceGrouped(context, (manager) =>
    manager.query('INSERT INTO bench.effects (event_id, price) VALUES ($1, $2)', [
      event.id,
      event.data.price,
    ]),
  );
  arrivals.record(event.occurredAt);
}

export const BENCH_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 128);

@Controller()
class ConcurrentConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly arrivals: Arrivals,
  ) {}

  @EventPattern(
    'price.updated.*',
    consumerOptions({ concurrency: BENCH_CONCURRENCY, durable: 'bench-concurrent' }),
  )
  async onPrice(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await handle(this.inbox, this.arrivals, event, context);
  }
}

@Controller()
class SequentialConsumer {
  constructor(
    private readonly inbox: InboxService,
    private readonly arrivals: Arrivals,
  ) {}

  @EventPattern('price.updated.*', consumerOptions({ concurrency: 1, durable: 'bench-sequential' }))
  async onPrice(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await handle(this.inbox, this.arrivals, event, context);
  }
}

/**
 * The set-based handler the services use for frequent events (portfolio's price projection, predictions'
 * verifier): events delivered together reach one handler call, their effects written in one statement,
 * with their inbox rows, in one transaction.
 */
@Controller()
class SetBasedConsumer {
  private readonly effects: InboxBatch<EventEnvelope<PriceUpdatedV1>>;

  constructor(
    inbox: InboxService,
    private readonly arrivals: Arrivals,
  ) {
    this.effects = inbox.batch<EventEnvelope<PriceUpdatedV1>>(
      async (manager, events) => {
        await manager.query(
          'INSERT INTO bench.effects (event_id, price) SELECT * FROM unnest($1::uuid[], $2::numeric[])',
          [events.map((event) => event.id), events.map((event) => event.data.price)],
        );
        return events.map(() => undefined);
      },
      { maxBatch: 256 },
    );
  }

  @EventPattern(
    'price.updated.*',
    consumerOptions({ concurrency: BENCH_CONCURRENCY, durable: 'bench-set-based' }),
  )
  async onPrice(
    @Payload() event: EventEnvelope<PriceUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.effects.submit(context, event);
    this.arrivals.record(event.occurredAt);
  }
}

export type BenchMode = 'concurrent' | 'sequential' | 'set-based';

const CONSUMERS = {
  concurrent: ConcurrentConsumer,
  sequential: SequentialConsumer,
  'set-based': SetBasedConsumer,
} as const;

@Module({})
export class BenchModule {
  static forRoot(config: ProbeConfig, mode: BenchMode): DynamicModule {
    return {
      module: BenchModule,
      imports: [
        ConfigModule.forRoot(ProbeConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot({
          schema: 'bench',
          entities: [],
          migrations: [CreateBenchTables1795392000000],
        }),
        MessagingModule.forRoot({ service: 'bench', schema: 'bench' }),
      ],
      controllers: [CONSUMERS[mode]],
      providers: [Arrivals],
    };
  }
}
