import { Injectable, Logger } from '@nestjs/common';
import { STREAMS, type StreamDefinition, type StreamName } from '@marketpulse/contracts';
import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { JetStreamConnection } from '../connection/jetstream.connection';

export class ProvisioningConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisioningConflictError';
  }
}

/**
 * Creates the streams from the catalogue, or brings existing ones in line with it. Settings JetStream
 * cannot change in place (storage, retention) fail start-up loudly instead of drifting silently.
 */
@Injectable()
export class StreamProvisioner {
  private readonly logger = new Logger('StreamProvisioner');
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(private readonly connection: JetStreamConnection) {}

  ensure(name: StreamName): Promise<void> {
    let pending = this.ensured.get(name);
    if (!pending) {
      pending = this.provision(this.connection.namespace.streamDefinition(STREAMS[name]));
      pending.catch(() => this.ensured.delete(name));
      this.ensured.set(name, pending);
    }
    return pending;
  }

  private async provision(definition: StreamDefinition): Promise<void> {
    const wanted: Partial<StreamConfig> & { name: string } = {
      name: definition.name,
      subjects: [...definition.subjects],
      description: definition.description,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: nanos(definition.maxAgeMs),
      max_bytes: definition.maxBytes,
      duplicate_window: nanos(definition.duplicateWindowMs),
      num_replicas: 1,
    };
    const existing = await this.info(definition.name);
    if (!existing) {
      try {
        await this.connection.jsm.streams.add(wanted);
        this.logger.log({ msg: 'stream created', stream: definition.name, subjects: definition.subjects });
        return;
      } catch (error) {
        // Another replica created it between our look and our add: fall through to compare.
        if (!(await this.info(definition.name))) throw error;
      }
    }
    const current = (await this.info(definition.name))!.config;
    if (current.retention !== wanted.retention || current.storage !== wanted.storage) {
      throw new ProvisioningConflictError(
        `stream ${definition.name} exists with retention=${current.retention} storage=${current.storage}, ` +
          `but the catalogue wants retention=${wanted.retention} storage=${wanted.storage}; ` +
          'these cannot change in place: migrate the stream by hand',
      );
    }
    const drift = (
      ['subjects', 'description', 'max_age', 'max_bytes', 'duplicate_window', 'discard'] as const
    ).filter((key) => JSON.stringify(current[key]) !== JSON.stringify(wanted[key]));
    if (drift.length > 0) {
      await this.connection.jsm.streams.update(definition.name, { ...current, ...wanted });
      this.logger.log({
        msg: 'stream updated to match the catalogue',
        stream: definition.name,
        changed: drift,
      });
    }
  }

  private async info(name: string): Promise<StreamInfo | undefined> {
    try {
      return await this.connection.jsm.streams.info(name);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /not found/i.test(message);
}
