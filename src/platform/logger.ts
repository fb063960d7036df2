import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';

export type Logger = FastifyBaseLogger;

/** Structured JSON logs on stdout. Nothing personal goes in them (see DESIGN.md, Privacy). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'colloquy' } });
}
