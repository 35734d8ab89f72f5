// The Node.js peer of bench/delivery, posting the export bodies with a fixed
// number of requests in flight, the way the bare QNAM client does.
// HTTP/1.1: undici 6 (tests/peers, pinned), a Pool of --connections,
// pipelining 1. HTTP/2 (--h2c 1 cleartext, --h2 1 over TLS with ALPN):
// Node's own http2 module (nghttp2), --connections sessions of --streams:
// undici 6.29.1 has no h2c, and its allowH2 crashes with more than one stream
// in flight ("Cannot read properties of null (reading 'servername')", undici
// issue 4846, fixed after 6.29.1); Debian's curl 7.88.1 fails every h2c
// request after the first on a connection (curl issue 10634).
// Prints one JSON line for delivery_bench.
'use strict';
const fs = require('fs');
const http2 = require('http2');
const { Pool } = require('undici');

const args = {};
for (let i = 2; i < process.argv.length; i += 2)
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const url = new URL(args.url);
const total = Number(args.exports);
const connections = Number(args.connections);
const h2 = args.h2 === '1';
const h2c = args.h2c === '1';
const http2Session = h2 || h2c;
const streams = http2Session ? Number(args.streams) : 1;
const deadline = performance.now() + Number(args['max-seconds']) * 1000;
const bodies = fs.readFileSync(args.bodies, 'utf8').split('\n').filter((line) => line.length > 0)
  .map((line) => Buffer.from(line));

const pool = http2Session ? null : new Pool(url.origin, { connections, pipelining: 1 });

// Same id shape as ExportBodies::exportId.
const exportId = (i) => '00000000-0000-4000-8000-' + String(i).padStart(12, '0');
const headersOf = (i) => ({
  'content-type': 'application/json',
  'user-agent': 'Outflow/bench',
  'x-outflow-export-id': exportId(i),
});

// HTTP/2: one session per connection, lanes spread over them.
const sessions = http2Session ? Array.from({ length: connections }, () => http2.connect(url.origin, {
  peerMaxConcurrentStreams: streams,
  ca: h2 ? fs.readFileSync(args.ca) : undefined,
})) : [];

function postHttp2(session, i) {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': url.pathname, ...headersOf(i) });
    let status = 0;
    stream.on('response', (headers) => { status = headers[':status']; });
    stream.on('data', () => {});
    stream.on('end', () => resolve(status));
    stream.on('error', reject);
    stream.end(bodies[i % bodies.length]);
  });
}

async function postUndici(i) {
  const response = await pool.request({
    path: url.pathname, method: 'POST', headers: headersOf(i), body: bodies[i % bodies.length],
  });
  await response.body.dump();
  return response.statusCode;
}

const latencies = [];
let failures = 0;
let next = 0;

async function lane(_, laneIndex) {
  const session = http2Session ? sessions[laneIndex % sessions.length] : null;
  while (next < total && performance.now() < deadline) {
    const i = next++;
    const sent = performance.now();
    try {
      const status = http2Session ? await postHttp2(session, i) : await postUndici(i);
      if (status >= 200 && status < 300)
        latencies.push(performance.now() - sent);
      else
        failures++;
    } catch (error) {
      failures++;
      if (failures === 1)
        console.error(String(error));
    }
  }
}

(async () => {
  const started = performance.now();
  await Promise.all(Array.from({ length: connections * streams }, lane));
  const seconds = (performance.now() - started) / 1000;
  if (pool)
    await pool.close();
  for (const session of sessions)
    session.close();
  latencies.sort((a, b) => a - b);
  const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1,
    Math.floor(latencies.length * p))] : -1);
  console.log('OUTFLOW ' + JSON.stringify({ requests: latencies.length, failures, seconds,
    p50: at(0.5), p95: at(0.95), p99: at(0.99) }));
})();
