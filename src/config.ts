import { z } from 'zod';

/**
 * Everything the app reads from its environment, validated once at start. This is the only file
 * that touches process.env (the linter enforces it); everything else receives a Config.
 */
const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Embedded PostgreSQL keeps its cluster under DATA_DIR/postgres unless DATABASE_URL is set. */
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must start with postgres:// or postgresql://')
    .optional(),
  /** Port of the embedded PostgreSQL; 0 picks a free one at every start. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * Connections per app process. Unset: 2 × cores + 1 with the embedded PostgreSQL, which shares
   * this machine's cores (more backends than that only take turns on them), and 10 for a server.
   */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo series on a first start with an empty database. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Number of rendered public pages kept in memory. 0 turns the page cache off. */
  PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(2000),
  /** Seconds a cached page is kept at most, for pages that change with time alone. */
  PAGE_CACHE_TTL_S: z.coerce.number().int().min(1).default(60),
  /**
   * Seconds without a request after which the server runs one full garbage collection, giving back
   * the memory a burst of requests left (docs/adr/0032-idle-memory.md). 0 turns it off.
   */
  IDLE_GC_AFTER_S: z.coerce.number().min(0).default(30),
  /** Seconds the server waits for open requests to finish on SIGINT/SIGTERM. */
  SHUTDOWN_TIMEOUT_S: z.coerce.number().positive().default(10),
  /** The largest document file the back office accepts, in bytes (default 20 MB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** The SMTP server mail goes out through. Unset: mail is kept in the outbox as `held`, not sent. */
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://')
    .optional(),
  /** The From of every message: an address, or `Name <address>`. */
  MAIL_FROM: z
    .string()
    .regex(
      /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/,
      'must be an address, or a name and <address>',
    )
    .default('Colloquy <no-reply@localhost>'),
  /** Attempts after the first before a message is marked failed (backoff up to the maximum). */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(24),
  /** Seconds before the first retry; each later wait doubles (with jitter). */
  MAIL_RETRY_DELAY_S: z.coerce.number().int().min(1).default(30),
  /** The longest wait between two attempts, in seconds. */
  MAIL_RETRY_DELAY_MAX_S: z.coerce.number().int().min(1).default(3600),
  /** Seconds between the mail worker's looks at the queue (at least 0.5). */
  MAIL_POLL_INTERVAL_S: z.coerce.number().min(0.5).default(1),
  /** Connections to the SMTP server each process sends over in parallel. */
  MAIL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  /**
   * Days a message stays whole in the outbox once it is sent, failed or held: then a single
   * message is deleted, and a bulk one keeps only its status (address and variables erased) for its
   * send's progress (docs/adr, outbox retention). 0 keeps everything (no sweep).
   */
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /**
   * Seconds between each node's looks for opinion maps with new votes to recompute (ADR 0028);
   * 0 turns the schedule off (tests that recompute by hand).
   */
  OPINIONS_RECOMPUTE_INTERVAL_S: z.coerce.number().min(0).default(10),
});

export type Config = Readonly<z.infer<typeof EnvSchema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the configuration. Lists every problem at once, each with the variable's
 * name, so a deployment can be fixed in one go.
 *
 * @throws ConfigError when any variable is invalid.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return Object.freeze(parsed.data);
}
