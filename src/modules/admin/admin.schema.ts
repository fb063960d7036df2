import { z } from 'zod';
import { mailStatus } from '../../platform/mail/mail.tables';

/** The outbox list's filter and page, from the query string. */
export const outboxQuerySchema = z.object({
  status: z
    .union([z.literal(''), z.enum(mailStatus.enumValues)])
    .transform((v) => v || undefined)
    .optional(),
  /** Keyset: the last message of the previous page, as `<ISO time>_<id>`. */
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/)
    .optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxParamsSchema = z.object({ id: z.uuid() });

/** One attachment of an outbox message: its position in the message, from 0. */
export const outboxAttachmentParamsSchema = z.object({
  id: z.uuid(),
  index: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number),
});
