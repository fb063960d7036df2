// The load generator, run as its own process pinned to the load core by bench/lib/load.mjs.
// Takes its options as one JSON argument, runs autocannon twice (a warm-up whose figures are
// discarded, then the measured run) and writes JSON lines on stdout:
//   {"event":"measuring"}                       when the measured run starts
//   {"event":"done","warmup":{…},"result":{…}}  at the end
// Run on its own: node bench/lib/load-child.mjs '{"url":"http://127.0.0.1:3000/en/","durationS":5}'
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const base = {
  url: opts.url,
  connections: opts.connections ?? 10,
  pipelining: opts.pipelining ?? 1,
  // autocannon's own default timeout is 10 s; a request that slow is a failure here anyway.
  timeout: 10,
};

/** The figures we keep from an autocannon result. */
function summary(result, cpuSeconds) {
  return {
    requestsPerSec: result.requests.average,
    requestsTotal: result.requests.total,
    durationS: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    bytesPerSec: result.throughput.average,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    // CPU time autocannon used: near durationS means the load generator itself was saturated.
    loadGeneratorCpuS: cpuSeconds,
  };
}

async function run(durationS) {
  const before = process.cpuUsage();
  const result = await autocannon({ ...base, duration: durationS });
  const used = process.cpuUsage(before);
  return summary(result, (used.user + used.system) / 1e6);
}

const warmup = opts.warmupS > 0 ? await run(opts.warmupS) : null;
process.stdout.write(`${JSON.stringify({ event: 'measuring' })}\n`);
const result = await run(opts.durationS ?? 10);
process.stdout.write(`${JSON.stringify({ event: 'done', warmup, result })}\n`);
