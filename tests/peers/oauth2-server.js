#!/usr/bin/env node
// A real OAuth2 token endpoint for the tests: oauth2-mock-server's service
// (grants, JWT signing) behind a small HTTP wrapper on 127.0.0.1 that adds
// what a test needs to check a client:
//  - client authentication checked exactly: Basic header byte for byte as RFC
//    6749 §2.3.1 builds it (form-urlencoded id and secret, then base64), or
//    client_id/client_secret in the body; anything else is invalid_client;
//  - password grant users; invalid_grant for a wrong password;
//  - refresh tokens remembered (and optionally refused), issued for the
//    client credentials grant too when asked;
//  - expires_in of the test's choice, a unique jti in every token;
//  - canned answers (non-JSON, 5xx, hang), held answers, request counts.
//
// Usage: node oauth2-server.js. Prints {"port": N} on its first line, then
// reads commands as JSON lines on stdin and answers each with one JSON line
// carrying the same "id":
//   {"id":1,"cmd":"configure", ...settings}  replaces the settings (below)
//   {"id":2,"cmd":"stats"}                   {"requests": [...], "pending": n}
//   {"id":3,"cmd":"reset"}                   forgets requests and refresh tokens
//   {"id":4,"cmd":"canned","responses":[{"status":503,"contentType":"text/html","body":"…"}]}
//                                            the next token requests get these
//   {"id":5,"cmd":"release"}                 answers the held requests
// Settings: clients {id: secret}, users {name: password}, placement
// "body"|"basic", expiresIn (number, or null to leave it out),
// refreshForClientCredentials, refuseRefresh, hold (keep answers until
// "release"). Exits when stdin closes.
'use strict';

const http = require('node:http');
const readline = require('node:readline');
const { randomUUID } = require('node:crypto');
const { OAuth2Server } = require('oauth2-mock-server');

const defaults = {
  clients: {},
  users: {},
  placement: 'body',
  expiresIn: 3600,
  refreshForClientCredentials: false,
  refuseRefresh: false,
  hold: false,
};
let settings = { ...defaults };
let requests = []; // one entry per token request, in order
let canned = [];
let held = [];
const refreshTokens = new Set();

// WHATWG application/x-www-form-urlencoded, the encoding RFC 6749 Appendix B
// asks for; URLSearchParams serializes "=value" for an empty name.
const formEncode = (value) => new URLSearchParams([['', value]]).toString().slice(1);
const expectedBasic = (id, secret) =>
  'Basic ' + Buffer.from(`${formEncode(id)}:${formEncode(secret)}`, 'utf8').toString('base64');

function checkClient(req) {
  const header = req.headers.authorization;
  const body = req.body || {};
  if (settings.placement === 'basic') {
    if (body.client_secret !== undefined)
      return 'client_secret must not be in the body with Basic authentication';
    const match = Object.entries(settings.clients).find(
      ([id, secret]) => header === expectedBasic(id, secret));
    return match ? null : 'Basic credentials do not match a client (RFC 6749 §2.3.1 encoding)';
  }
  if (header !== undefined)
    return 'unexpected Authorization header: credentials belong in the body';
  const secret = settings.clients[body.client_id];
  if (secret === undefined || secret !== body.client_secret)
    return 'client_id/client_secret in the body do not match a client';
  return null;
}

function reject(response, status, error, description) {
  response.statusCode = status;
  response.body = { error, error_description: description };
}

const server = new OAuth2Server();
const service = server.service;

// Two tokens signed in the same second would be identical without this.
service.on('beforeTokenSigning', (token) => {
  token.payload.jti = randomUUID();
});

service.on('beforeResponse', (response, req) => {
  const body = req.body || {};
  const record = req.outflowRecord;
  record.grant = body.grant_type;
  record.clientAuth = req.headers.authorization ? 'basic' : (body.client_id ? 'body' : 'none');
  record.username = body.username;

  const clientProblem = checkClient(req);
  if (clientProblem) {
    record.outcome = 'invalid_client';
    return reject(response, 401, 'invalid_client', `Client authentication failed: ${clientProblem}`);
  }
  if (body.grant_type === 'password' && settings.users[body.username] !== body.password) {
    record.outcome = 'invalid_grant';
    return reject(response, 400, 'invalid_grant', 'Invalid resource owner credentials');
  }
  if (body.grant_type === 'refresh_token') {
    if (settings.refuseRefresh || !refreshTokens.has(body.refresh_token)) {
      record.outcome = 'invalid_grant';
      return reject(response, 400, 'invalid_grant', 'The refresh token is invalid or expired');
    }
  }
  if (body.grant_type === 'client_credentials' && settings.refreshForClientCredentials)
    response.body.refresh_token = randomUUID();
  if (response.body.refresh_token)
    refreshTokens.add(response.body.refresh_token);
  if (settings.expiresIn === null)
    delete response.body.expires_in;
  else
    response.body.expires_in = settings.expiresIn;
  record.outcome = 'token';
  record.refreshTokenIssued = Boolean(response.body.refresh_token);
});

const handler = service.requestHandler;
const httpServer = http.createServer((req, res) => {
  if (req.method !== 'POST' || !req.url.startsWith('/token'))
    return handler(req, res);
  const record = { outcome: 'pending' };
  requests.push(record);
  req.outflowRecord = record; // express keeps this object: beforeResponse sees it
  if (canned.length > 0) {
    const answer = canned.shift();
    record.outcome = 'canned';
    if (answer.hang)
      return; // never answers: the client's timeout must fire
    res.writeHead(answer.status, { 'Content-Type': answer.contentType || 'text/plain' });
    return res.end(answer.body || '');
  }
  if (settings.hold)
    return held.push(() => handler(req, res));
  return handler(req, res);
});

function answer(command) {
  switch (command.cmd) {
    case 'configure':
      settings = { ...defaults, ...command };
      delete settings.id;
      delete settings.cmd;
      return {};
    case 'stats':
      return { requests, pending: held.length };
    case 'reset':
      requests = [];
      refreshTokens.clear();
      return {};
    case 'canned':
      canned.push(...command.responses);
      return {};
    case 'release': {
      const released = held;
      held = [];
      settings.hold = false;
      released.forEach((send) => send());
      return { released: released.length };
    }
    default:
      return { error: `unknown command ${command.cmd}` };
  }
}

async function main() {
  await server.issuer.keys.generate('RS256');
  await new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', resolve);
  });
  const { port } = httpServer.address();
  server.issuer.url = `http://127.0.0.1:${port}`;
  process.stdout.write(JSON.stringify({ port }) + '\n');

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim())
      return;
    const command = JSON.parse(line);
    process.stdout.write(JSON.stringify({ id: command.id, ...answer(command) }) + '\n');
  });
  // The test closes stdin (or dies): stop, even with a held or hanging request.
  lines.on('close', () => process.exit(0));
}

main().catch((error) => {
  process.stderr.write(`oauth2-server: ${error.stack || error}\n`);
  process.exit(1);
});
