import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';

export type Logger = FastifyBaseLogger;

/**
 * Structured JSON logs on stdout. Nothing personal goes in them (see DESIGN.md, Privacy).
 *
 * Lines are written asynchronously: a synchronous write(2) per request line was the largest single
 * cost of serving a cached page (docs/benchmarks.md); under load, lines waiting for the previous
 * write go out together. Nothing is held back on an idle server (no minimum batch size), and pino
 * flushes what is pending when the process exits.
 */
export function createLogger(level: string): Logger {
  if (level === 'silent') return pino({ level });
  return pino({ level, base: { app: 'colloquy' } }, pino.destination({ dest: 1, sync: false }));
}
