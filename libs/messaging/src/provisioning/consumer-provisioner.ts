import { Injectable, Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type ConsumerInfo } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { JetStreamConnection } from '../connection/jetstream.connection';
import { ProvisioningConflictError, isNotFound } from './stream-provisioner';

export interface DurableSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  /** JetStream's own limit: one more than the handler's attempts, the extra delivery only dead-letters. */
  maxDeliver: number;
  maxAckPending: number;
  deliverPolicy: 'all' | 'new';
  description: string;
}

/**
 * Durable pull consumers, one per handler. Replicas of a service bind to the same durable and so split
 * the work. Mutable settings are updated in place; immutable ones that differ fail start-up.
 */
@Injectable()
export class ConsumerProvisioner {
  private readonly logger = new Logger('ConsumerProvisioner');

  constructor(private readonly connection: JetStreamConnection) {}

  async ensure(spec: DurableSpec): Promise<void> {
    const wanted: Partial<ConsumerConfig> = {
      durable_name: spec.durable,
      description: spec.description,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: spec.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: spec.filterSubject,
      ack_wait: nanos(spec.ackWaitMs),
      max_deliver: spec.maxDeliver,
      max_ack_pending: spec.maxAckPending,
    };
    let existing = await this.info(spec);
    if (!existing) {
      try {
        await this.connection.jsm.consumers.add(spec.stream, wanted);
        this.logger.log({ msg: 'durable consumer created', stream: spec.stream, durable: spec.durable });
        return;
      } catch (error) {
        existing = await this.info(spec);
        if (!existing) throw error;
      }
    }
    const current = existing.config;
    if (
      current.filter_subject !== wanted.filter_subject ||
      current.ack_policy !== wanted.ack_policy ||
      current.deliver_policy !== wanted.deliver_policy
    ) {
      throw new ProvisioningConflictError(
        `durable ${spec.durable} on ${spec.stream} exists with filter=${current.filter_subject} ` +
          `ack=${current.ack_policy} deliver=${current.deliver_policy}; the code wants filter=${wanted.filter_subject} ` +
          `ack=${wanted.ack_policy} deliver=${wanted.deliver_policy}. These cannot change in place: ` +
          'delete the durable (it will be recreated) or give the handler a new durable name',
      );
    }
    const drift = (['ack_wait', 'max_deliver', 'max_ack_pending', 'description'] as const).filter(
      (key) => current[key] !== wanted[key],
    );
    if (drift.length > 0) {
      await this.connection.jsm.consumers.update(spec.stream, spec.durable, {
        ack_wait: wanted.ack_wait,
        max_deliver: wanted.max_deliver,
        max_ack_pending: wanted.max_ack_pending,
        description: wanted.description,
      });
      this.logger.log({ msg: 'durable consumer updated', durable: spec.durable, changed: drift });
    }
  }

  private async info(spec: DurableSpec): Promise<ConsumerInfo | undefined> {
    try {
      return await this.connection.jsm.consumers.info(spec.stream, spec.durable);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
