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

/** A form that did not fit its schema: each field's first problem, as a message key, and what was sent. */
export interface FormProblems {
  ok: false;
  /** Field name → message key (`forms.error.*` or one the schema names), in form order. */
  errors: Record<string, string>;
  /** What the person sent, to put back in the form. */
  values: Record<string, unknown>;
}

/**
 * A form body against its schema. Never throws: bad input is the person's to fix, so the route
 * renders the form again with `errors` beside the fields and `values` kept (STYLE.md §5). A schema
 * names the message of a refusal by key, in any namespace: `z.email({ error: 'forms.error.email' })`,
 * `{ error: 'accounts.error.country' }`; anything
 * without one reads "forms.error.invalid".
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.output<S> } | FormProblems {
  const values = body && typeof body === 'object' ? { ...(body as Record<string, unknown>) } : {};
  delete values._csrf;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (field in errors) continue;
    errors[field] = MESSAGE_KEY.test(issue.message) ? issue.message : defaultMessage(issue);
  }
  return { ok: false, errors, values };
}

/** A message the schema named by key (`forms.error.email`, `accounts.error.country`); zod's own have spaces. */
const MESSAGE_KEY = /^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+$/;

function defaultMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'forms.error.required';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
    return 'forms.error.required';
  if (issue.code === 'too_big') return 'forms.error.tooLong';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'forms.error.email';
  return 'forms.error.invalid';
}
