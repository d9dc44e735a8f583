import { Module, type DynamicModule } from '@nestjs/common';
import { JetStreamConnection } from './connection/jetstream.connection';
import { InboxService } from './inbox/inbox.service';
import { JobRunner } from './jobs/job-runner.service';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.options';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';
import { ConsumerProvisioner } from './provisioning/consumer-provisioner';
import { StreamProvisioner } from './provisioning/stream-provisioner';
import { JetStreamPublisher } from './publishing/jetstream.publisher';
import { DeadLetterPublisher } from './server/dead-letter.publisher';
import { JetStreamServer } from './server/jetstream.server';

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const exported = [
      JetStreamConnection,
      JetStreamPublisher,
      JetStreamServer,
      OutboxPublisher,
      OutboxRelay,
      InboxService,
      JobRunner,
      StreamProvisioner,
    ];
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        ...exported,
        ConsumerProvisioner,
        DeadLetterPublisher,
        MessagingLifecycle,
      ],
      exports: exported,
    };
  }
}
