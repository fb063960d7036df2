import { z } from 'zod';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional();

/** The audit log viewer's filters and page, from the query string. */
export const auditQuerySchema = z.object({
  actor: optionalText(200),
  action: optionalText(100),
  subjectType: optionalText(50),
  subjectId: optionalText(100),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
