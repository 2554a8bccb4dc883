#!/usr/bin/env node
// Baseline for FieldSync: how fast does stock PouchDB push N permit documents
// from a local leveldb database to a pouchdb-server over loopback HTTP?
// Prints one JSON line on stdout; anything else goes to stderr.
'use strict';

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

// PouchDB and its deps may log via console; stdout is reserved for the result line.
console.log = console.info = (...a) => process.stderr.write(a.join(' ') + '\n');

const PouchDB = require('pouchdb-node');

const BATCH_SIZE = 500;
const WRITE_CHUNK = 1000;
const SERVER_READY_MS = 30000;

function usage(msg) {
  if (msg) process.stderr.write(`pouchdb_push: ${msg}\n`);
  process.stderr.write('usage: node pouchdb_push.js --n N [--port P] [--timeout SECONDS]\n');
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { n: undefined, port: 0, timeout: 600 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const val = Number(argv[i + 1]);
    if (!['--n', '--port', '--timeout'].includes(key)) usage(`unknown argument ${key}`);
    if (!Number.isInteger(val) || val <= 0) usage(`${key} needs a positive integer`);
    opts[key.slice(2)] = val;
  }
  if (!opts.n) usage('--n is required');
  if (opts.port > 65535) usage('--port out of range');
  return opts;
}

// Ids that sort in the order they are made (like FieldSync's version 7 UUIDs), so that neither
// side pays for inserting at random places in its indexes.
let lastIdMs = 0;
let idCounter = 0;
function timeOrderedId() {
  const ms = Math.max(Date.now(), lastIdMs);
  idCounter = ms === lastIdMs ? idCounter + 1 : 0;
  lastIdMs = ms;
  return `${ms.toString(16).padStart(12, '0')}-${idCounter.toString(16).padStart(6, '0')}-${crypto.randomBytes(8).toString('hex')}`;
}

function permit(i, deviceId, now) {
  const from = new Date(now);
  const to = new Date(now + 8 * 3600 * 1000);
  return {
    _id: timeOrderedId(),
    type: 'permit',
    project_id: 'demo',
    title: `Hot work permit ${i + 1}`,
    description:
      'Welding of steel brackets at level 2 near grid C4; clear combustibles and keep an extinguisher nearby.',
    location: 'Level 2, grid C4',
    work_type: 'hot_work',
    status: 'draft',
    valid_from: from.toISOString(),
    valid_to: to.toISOString(),
    assignee: 'foreman1',
    ppe_requirements: ['helmet', 'gloves', 'face_shield'],
    safety_checklist: { area_barricaded: true, fire_watch_present: false, gas_tested: true },
    version: 0,
    updated_at: from.toISOString(),
    device_id: deviceId,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.setTimeout(1000, () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Everything that must be undone, whichever way we leave.
const state = { child: null, dirs: [] };

function cleanupSync() {
  if (state.child && state.child.exitCode === null && state.child.signalCode === null) {
    state.child.kill('SIGKILL');
  }
  for (const d of state.dirs) fs.rmSync(d, { recursive: true, force: true });
  state.dirs = [];
}
process.on('exit', cleanupSync);

function fail(err) {
  process.stderr.write(`pouchdb_push: ${(err && err.message) || err}\n`);
  process.exit(1);
}
// Signals skip 'exit' handlers unless caught, which would leak the server and temp dirs.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => fail(`interrupted by ${sig}`));

async function startServer(port, dir) {
  const child = spawn(process.execPath, [path.join(__dirname, 'pouchdb_server.js'), '--port', String(port), '--dir', dir], {
    // Server chatter goes to our stderr; the ipc channel lets the child notice if we die.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  state.child = child;
  let exited = null;
  child.once('exit', (code, sig) => { exited = `server exited early (code ${code}, signal ${sig})`; });
  child.once('error', (err) => { exited = `server failed to start: ${err.message}`; });

  const deadline = Date.now() + SERVER_READY_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    if (await httpOk(`http://127.0.0.1:${port}/`)) return child;
    await sleep(100);
  }
  throw new Error(`server did not answer on port ${port} within ${SERVER_READY_MS / 1000}s`);
}

async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const killer = setTimeout(() => fail(new Error(`timed out after ${opts.timeout}s`)), opts.timeout * 1000);

  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldsync-pouch-server-'));
  state.dirs.push(serverDir);
  const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldsync-pouch-local-'));
  state.dirs.push(localDir);

  const port = opts.port || (await freePort());
  const child = await startServer(port, serverDir);

  const local = new PouchDB(path.join(localDir, 'source'));
  const remote = new PouchDB(`http://127.0.0.1:${port}/bench`);

  const deviceId = crypto.randomUUID();
  const now = Date.now();
  for (let i = 0; i < opts.n; i += WRITE_CHUNK) {
    const docs = [];
    for (let j = i; j < Math.min(i + WRITE_CHUNK, opts.n); j++) docs.push(permit(j, deviceId, now));
    const res = await local.bulkDocs(docs);
    const bad = res.find((r) => r.error);
    if (bad) throw new Error(`local write failed: ${bad.error} ${bad.reason || ''}`);
  }
  const localInfo = await local.info();
  if (localInfo.doc_count !== opts.n) throw new Error(`local doc_count ${localInfo.doc_count} != ${opts.n}`);
  // Create the remote DB before timing so only replication is measured.
  await remote.info();

  const t0 = process.hrtime.bigint();
  const result = await PouchDB.replicate(local, remote, { batch_size: BATCH_SIZE });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

  if (!result.ok || result.status !== 'complete') {
    throw new Error(`replication did not complete: ${JSON.stringify(result.errors || result.status)}`);
  }
  const remoteInfo = await remote.info();
  if (remoteInfo.doc_count !== opts.n) throw new Error(`remote doc_count ${remoteInfo.doc_count} != ${opts.n}`);

  await local.close();
  await remote.close();
  await stopServer(child);
  cleanupSync();
  clearTimeout(killer);

  process.stdout.write(
    JSON.stringify({
      bench: 'pouchdb_push',
      n: opts.n,
      seconds: Number(seconds.toFixed(3)),
      per_s: Number((opts.n / seconds).toFixed(1)),
    }) + '\n',
  );
  // The http adapter's keep-alive agent would otherwise hold the loop open.
  process.exit(0);
}

main().catch(fail);
