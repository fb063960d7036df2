import { z } from 'zod';
import { REACH_TABLES } from './analytics.report';

/** As conversations' URLs have them: lowercase letters, digits and single hyphens. */
const slugSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const sessionNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);
/** `countries.csv` → `countries`. */
const csvFileSchema = z
  .enum(REACH_TABLES.map((t) => `${t}.csv`) as [`${(typeof REACH_TABLES)[number]}.csv`])
  .transform((f) => f.slice(0, -'.csv'.length) as (typeof REACH_TABLES)[number]);

export const seriesReachParamsSchema = z.object({ seriesSlug: slugSchema });
export const sessionReachParamsSchema = z.object({ seriesSlug: slugSchema, number: sessionNumberSchema });
export const seriesReachCsvParamsSchema = seriesReachParamsSchema.extend({ file: csvFileSchema });
export const sessionReachCsvParamsSchema = sessionReachParamsSchema.extend({ file: csvFileSchema });
