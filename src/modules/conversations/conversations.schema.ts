import { z } from 'zod';
import { documentKind } from './conversations.tables';

export const DOCUMENT_KINDS = documentKind.enumValues;

/** URL slugs: lowercase letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** A session's number in its series, as it appears in the URL: digits only, no leading zero. */
export const sessionNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

export const seriesParamsSchema = z.object({ seriesSlug: slugSchema });
export const sessionParamsSchema = z.object({ seriesSlug: slugSchema, number: sessionNumberSchema });
export const themeParamsSchema = z.object({ seriesSlug: slugSchema, themeSlug: slugSchema });
export const speakerParamsSchema = z.object({ speakerSlug: slugSchema });
export const documentParamsSchema = z.object({ documentId: z.uuid() });
export const documentFileParamsSchema = z.object({
  documentId: z.uuid(),
  fileLocale: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
});

/** The document library's filter form. Empty fields mean "all". */
export const documentLibraryQuerySchema = z
  .object({
    session: z.union([z.literal(''), sessionNumberSchema]).optional(),
    kind: z.union([z.literal(''), z.enum(DOCUMENT_KINDS)]).optional(),
  })
  .strict()
  .transform(({ session, kind }) => ({
    session: session === '' ? undefined : session,
    kind: kind === '' ? undefined : kind,
  }));
export type DocumentLibraryQuery = z.output<typeof documentLibraryQuerySchema>;
