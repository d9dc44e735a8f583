/**
 * Operator tool for the dead-letter stream.
 *   npm run dlq -- list [--consumer <durable>]
 *   npm run dlq -- replay (--seq <n> | --consumer <durable> | --all) [--keep]
 * Replay publishes the original bytes and headers to the original subject, so every consumer of that
 * subject sees the event again; the ones that had handled it skip it through their inbox. A replayed
 * dead letter is removed from the DLQ unless --keep is given. Honours NATS_URL, NATS_USER, NATS_PASSWORD
 * and MESSAGING_NAMESPACE.
 */
import 'reflect-metadata';
import { ServiceConfig, loadConfig } from '@marketpulse/config';
import { HEADERS, STREAMS } from '@marketpulse/contracts';
import { SubjectNamespace } from '@marketpulse/messaging';
import { jetstream, jetstreamManager, type StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

const USAGE = `usage: npm run dlq -- list [--consumer <durable>]
       npm run dlq -- replay (--seq <n> | --consumer <durable> | --all) [--keep]`;

interface Options {
  command: string;
  consumer?: string;
  seq?: number;
  all: boolean;
  keep: boolean;
}

function parse(argv: string[]): Options | undefined {
  const [command, ...rest] = argv;
  const options: Options = { command, all: false, keep: false };
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    if (arg === '--consumer') options.consumer = rest[++index];
    else if (arg === '--seq') options.seq = Number(rest[++index]);
    else if (arg === '--all') options.all = true;
    else if (arg === '--keep') options.keep = true;
    else return undefined;
  }
  if (command === 'list') return options;
  const selectors = [options.seq !== undefined, options.consumer !== undefined, options.all].filter(Boolean);
  if (
    command === 'replay' &&
    selectors.length === 1 &&
    (options.seq === undefined || Number.isInteger(options.seq))
  ) {
    return options;
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(ServiceConfig);
  const namespace = new SubjectNamespace(config.MESSAGING_NAMESPACE);
  const stream = namespace.stream(STREAMS.DLQ.name);
  const nc = await connect({
    servers: config.NATS_URL.split(','),
    user: config.NATS_USER,
    pass: config.NATS_PASSWORD,
  });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream);
    const letters: StoredMsg[] = [];
    if (options.seq !== undefined) {
      const letter = await jsm.streams.getMessage(stream, { seq: options.seq });
      if (letter) letters.push(letter);
    } else if (info.state.messages > 0) {
      for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
        const letter = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (!letter) continue;
        if (options.consumer && letter.header.get(HEADERS.dlqConsumer) !== options.consumer) continue;
        letters.push(letter);
      }
    }
    if (options.command === 'list') {
      for (const letter of letters) {
        const h = (name: string) => letter.header.get(name);
        process.stdout.write(
          `${letter.seq}\t${h(HEADERS.dlqFailedAt)}\t${h(HEADERS.dlqConsumer)}\t${h(HEADERS.dlqSubject)}\t` +
            `deliveries=${h(HEADERS.dlqDeliveryCount)}\t${h(HEADERS.dlqReason)}\n`,
        );
      }
      process.stdout.write(`${letters.length} dead letter(s) in ${stream}\n`);
      return 0;
    }
    const js = jetstream(nc);
    let replayed = 0;
    for (const letter of letters) {
      const subject = letter.header.get(HEADERS.dlqSubject);
      if (!subject) continue;
      const headers = natsHeaders();
      for (const key of letter.header.keys()) {
        if (!key.startsWith('Mp-Dlq-') && key !== HEADERS.msgId) headers.set(key, letter.header.get(key));
      }
      // A fresh dedupe id: the original one may still be inside JetStream's duplicate window.
      await js.publish(namespace.subject(subject), letter.data, {
        msgID: `replay:${stream}:${letter.seq}`,
        headers,
      });
      if (!options.keep) await jsm.streams.deleteMessage(stream, letter.seq);
      replayed++;
      process.stdout.write(`replayed ${letter.seq} → ${subject}\n`);
    }
    process.stdout.write(`${replayed} dead letter(s) replayed\n`);
    return 0;
  } finally {
    await nc.drain();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
