// The opinion maps' worker thread (thread.ts) and the calls that use it (client.ts): the math
// engine (../math, pure) runs there, and so does the whole recompute of a stored map, on the
// worker's own database connection (../service/recompute-transaction.ts; ADR 0028).
export { BUNDLED_WORKER_FILE, recomputeInWorker, recomputeMapInWorker, stopRecomputeWorker } from './client';
