import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors';
import type { MessageKey } from '../i18n/t';
import { ErrorPage } from '../views/error-page';
import type { Site } from '../views/view-context';
import { localeOfRequest, sendPage, setRequestLocale, viewContextOf } from './request-context';

/** The one table from error code to HTTP status and message. */
const ERRORS: Record<ErrorCode, { status: number; message: MessageKey }> = {
  NOT_FOUND: { status: 404, message: 'errors.NOT_FOUND' },
  BAD_REQUEST: { status: 400, message: 'errors.BAD_REQUEST' },
  UNAUTHENTICATED: { status: 401, message: 'errors.UNAUTHENTICATED' },
  FORBIDDEN: { status: 403, message: 'errors.FORBIDDEN' },
  CSRF: { status: 403, message: 'errors.CSRF' },
  CONFLICT: { status: 409, message: 'errors.CONFLICT' },
  TOO_LARGE: { status: 413, message: 'errors.TOO_LARGE' },
  RATE_LIMITED: { status: 429, message: 'errors.RATE_LIMITED' },
};

const MESSAGE_BY_STATUS: Record<number, MessageKey> = {
  400: 'errors.BAD_REQUEST',
  403: 'errors.FORBIDDEN',
  404: 'errors.NOT_FOUND',
  405: 'errors.METHOD_NOT_ALLOWED',
  406: 'errors.BAD_REQUEST',
  409: 'errors.CONFLICT',
  413: 'errors.TOO_LARGE',
  415: 'errors.BAD_REQUEST',
  429: 'errors.RATE_LIMITED',
};

/**
 * Turns any error into a response in the visitor's language: an HTML page, or JSON under /api/.
 * AppErrors are refusals and are not logged as failures; anything unexpected is logged once with
 * the request id and becomes a 500 that says nothing of the cause.
 */
export function sendError(
  error: FastifyError | AppError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
  site: Site,
): FastifyReply {
  let status: number;
  let messageKey: MessageKey;
  let code: string;
  if (error instanceof AppError) {
    ({ status, message: messageKey } = ERRORS[error.code]);
    code = error.code;
  } else {
    const fromFastify = (error as FastifyError).statusCode;
    status = fromFastify && fromFastify >= 400 && fromFastify < 500 ? fromFastify : 500;
    messageKey = MESSAGE_BY_STATUS[status] ?? 'errors.INTERNAL';
    code = status === 500 ? 'INTERNAL' : ((error as FastifyError).code ?? 'BAD_REQUEST');
    if (status === 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code, status }, 'request refused');
  }
  if (!req.locale) setRequestLocale(req, localeOfRequest(req));
  // A page that needs a signed-in person sends a visitor to sign in, and back here afterwards.
  if (code === 'UNAUTHENTICATED' && req.method === 'GET' && !req.url.startsWith('/api/')) {
    const next = encodeURIComponent(req.url);
    return reply.header('cache-control', 'no-store').redirect(`/${req.locale}/sign-in?next=${next}`, 303);
  }
  const message = req.t(messageKey);
  if (req.url.startsWith('/api/')) {
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, status, message } });
  }
  // The language switcher of an error page leads to each language's home: the failed path may not
  // exist in any language.
  const ctx = { ...viewContextOf(req, site), path: '/' };
  return sendPage(reply, <ErrorPage ctx={ctx} status={status} message={message} />, status);
}
