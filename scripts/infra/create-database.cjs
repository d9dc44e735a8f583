#!/usr/bin/env node
// Create the database named in a PostgreSQL URL if it does not exist yet (idempotent).
//   node scripts/infra/create-database.cjs [DATABASE_URL]
// Defaults to $DATABASE_URL, then postgres://postgres@127.0.0.1:5432/marketpulse.
// Connects to the maintenance database ("postgres", else "template1") of the same server as the same user.
'use strict';

const { Client } = require('pg');

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/marketpulse';
const log = (msg) => console.log(`[marketpulse] ${msg}`);

async function connectTo(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  const client = new Client({ connectionString: u.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

async function main() {
  const url = process.argv[2] || process.env.DATABASE_URL || DEFAULT_URL;
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'marketpulse';

  let client;
  try {
    client = await connectTo(url, 'postgres');
  } catch (err) {
    if (!err || err.code !== '3D000') throw err;
    client = await connectTo(url, 'template1'); // the server has no "postgres" database
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount > 0) {
      log(`database '${name}' exists`);
      return;
    }
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      log(`created database '${name}'`);
    } catch (err) {
      // 42P04 duplicate_database, or a unique violation on pg_database: someone else created it meanwhile
      if (err && (err.code === '42P04' || err.code === '23505')) log(`database '${name}' exists`);
      else throw err;
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((err) => {
  const where = (() => {
    try {
      const u = new URL(process.argv[2] || process.env.DATABASE_URL || DEFAULT_URL);
      return `${u.hostname}:${u.port || 5432} as ${decodeURIComponent(u.username) || 'postgres'}`;
    } catch {
      return 'DATABASE_URL';
    }
  })();
  console.error(
    `[marketpulse] ERROR: could not ensure the database (${where}): ${err && err.message ? err.message : err}`,
  );
  process.exit(1);
});
