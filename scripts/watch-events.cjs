#!/usr/bin/env node
// Print every NATS message on a subject: node scripts/watch-events.cjs ['price.updated.>']
// A plain core-NATS subscription, so it sees JetStream publishes without creating a consumer.
// Honours NATS_URL (default nats://127.0.0.1:4222; comma-separated URLs allowed). Ctrl-C exits.
'use strict';

const { connect } = require('@nats-io/transport-node');

const subject = process.argv[2] || 'price.updated.>';
const servers = (process.env.NATS_URL || 'nats://127.0.0.1:4222')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

async function main() {
  const nc = await connect({ servers, name: 'marketpulse-watch-events' });
  console.error(`[marketpulse] watching '${subject}' on ${nc.getServer()} (Ctrl-C to stop)`);

  const stop = () => {
    nc.drain()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const sub = nc.subscribe(subject);
  for await (const m of sub) {
    const id = m.headers ? m.headers.get('Nats-Msg-Id') : '';
    console.log(`${new Date().toISOString()} ${m.subject}${id ? ` [${id}]` : ''} ${m.string()}`);
  }
}

main().catch((err) => {
  console.error(`[marketpulse] ERROR: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
