// The baseline for the session page: a bare node:http server that answers every request with the
// same bytes and the same headers Colloquy sent for that page, doing no other work. Whatever
// Colloquy spends on top of this (Fastify routing, hooks, the page cache lookup, request logging,
// and without the cache rendering and queries) is what the ratios in the report measure.
//
//   node bench/raw-server.mjs <port> <body-file> <headers-json-file>
//
// <headers-json-file> holds an object of response headers (content-type, security headers, etag,
// cache-control…): Colloquy's response headers minus those that change per request or per
// connection (date, connection, keep-alive, content-length, x-request-id), which node:http adds
// itself where they apply. Logs one JSON line, like Colloquy: {"msg":"listening","url":…}.
import fs from 'node:fs';
import http from 'node:http';

const [port, bodyFile, headersFile] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const headers = {
  ...JSON.parse(fs.readFileSync(headersFile, 'utf8')),
  'content-length': String(body.length),
};

const server = http.createServer((req, res) => {
  // Drain any request body so the keep-alive connection stays usable, then answer.
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
});
// Match Fastify's keep-alive timeout (72 s) so idle connections are treated alike.
server.keepAliveTimeout = 72_000;

server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${port}` })}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
