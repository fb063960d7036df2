import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Path parameters that do not fit their schema name no page that could exist: 404.
 * @throws AppError NOT_FOUND
 */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError('NOT_FOUND', { params: 'malformed' });
  return parsed.data;
}

/**
 * A query string that does not fit its schema is a bad request: 400, with the page's message.
 * @throws AppError BAD_REQUEST
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new AppError('BAD_REQUEST', { query: 'malformed' });
  return parsed.data;
}
