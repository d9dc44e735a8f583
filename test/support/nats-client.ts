import { jetstreamManager } from '@nats-io/jetstream';
import type { Msg, NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { NATS_URL } from './infrastructure';

/** A plain NATS client, as any outside system would use: no Marketpulse code between it and the server. */
export function plainClient(url = NATS_URL): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name: 'marketpulse-test-client' });
}

/** Collects every message on a subject (core subscription) into an array, live. */
export function collect(nc: NatsConnection, subject: string): Msg[] {
  const received: Msg[] = [];
  const subscription = nc.subscribe(subject);
  void (async () => {
    for await (const message of subscription) received.push(message);
  })();
  return received;
}

/** Deletes the streams of a test namespace. */
export async function deleteNamespaceStreams(namespace: string, url = NATS_URL): Promise<void> {
  const nc = await plainClient(url);
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${namespace.toUpperCase()}_`;
    for await (const name of jsm.streams.names()) {
      // KV buckets are streams named KV_<bucket>, and a namespaced bucket is <NAMESPACE>_<name>.
      if (name.startsWith(prefix) || name.startsWith(`KV_${prefix}`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}
