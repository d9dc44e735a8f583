import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@marketpulse/config';
import { DatabaseModule } from '@marketpulse/database';
import { MessagingModule } from '@marketpulse/messaging';
import { ObservabilityModule } from '@marketpulse/observability';
import { CreateProbeTables1795392000000 } from './create-probe-tables.migration';
import { ProbeConfig } from './probe.config';
import { ProbeBehaviour, ProbeConsumer } from './probe.consumer';

/** A minimal service built from the shared libs only, to test the messaging layer as a service uses it. */
@Module({})
export class ProbeModule {
  static forRoot(config: ProbeConfig, options: { consume?: boolean } = {}): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        ConfigModule.forRoot(ProbeConfig, config),
        ObservabilityModule,
        DatabaseModule.forRoot({
          schema: 'probe',
          entities: [],
          migrations: [CreateProbeTables1795392000000],
        }),
        MessagingModule.forRoot({ service: 'probe', schema: 'probe' }),
      ],
      controllers: options.consume === false ? [] : [ProbeConsumer],
      providers: [ProbeBehaviour],
    };
  }
}
