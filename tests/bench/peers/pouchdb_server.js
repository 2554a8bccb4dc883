#!/usr/bin/env node
// Minimal pouchdb-server: express-pouchdb over leveldb, bound to loopback only.
// Runs as its own process so server CPU is not charged to the replicating client.
'use strict';

const http = require('http');
const path = require('path');
const PouchDB = require('pouchdb-node');
const expressPouchDB = require('express-pouchdb');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('--port'));
const dir = arg('--dir');
if (!Number.isInteger(port) || port <= 0 || !dir) {
  process.stderr.write('usage: node pouchdb_server.js --port P --dir D\n');
  process.exit(2);
}

const DB = PouchDB.defaults({ prefix: path.resolve(dir) + path.sep });
// inMemoryConfig keeps express-pouchdb from writing config.json/log.txt into cwd.
const app = expressPouchDB(DB, { mode: 'minimumForPouchDB', inMemoryConfig: true });

const server = http.createServer(app);
server.on('error', (err) => {
  process.stderr.write(`pouchdb_server: ${err.message}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1');

// The parent owns our lifetime; if it dies without killing us, don't linger.
process.on('disconnect', () => process.exit(0));
// No graceful close: keep-alive sockets from the replicator would stall it, and the
// parent deletes the data dir right after.
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
