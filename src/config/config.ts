/**
 * Configuration, loaded once from the environment, typed and failing fast (house style habit 11).
 * Everything else receives a Config value; nothing deep in the code reads process.env.
 */
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise. */
export const POOL_SIZE_DEFAULT = 10;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  /** Role the running application assumes on PostgreSQL: no UPDATE/DELETE on the processing log. */
  DATABASE_APP_ROLE: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('zorgvuldig_app'),
  /**
   * Connections to PostgreSQL per process. Every request holds one for its transaction; more than the
   * database's cores can run at once only makes the backends take turns (docs/scale.md, "pool size").
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(POOL_SIZE_DEFAULT),
  DATA_DIR: z.string().default('./data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * HTTP worker processes sharing the port (node:cluster), one per core is the usual choice. More than
   * one needs PostgreSQL: the embedded database belongs to the one process that opened it.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Key material: a JSON object {"data": {"1": "<base64 32 bytes>"}, "index": "...", "pseudonym": "...", "log": "..."}.
   * Unset in development: a key file is generated in DATA_DIR at first start. Required in production.
   */
  ZORGVULDIG_KEYS: z.string().optional(),
  ZORGVULDIG_KEYS_FILE: z.string().optional(),
  /** Chains the processing log is spread over; appends on different chains never wait for each other. */
  LOG_CHAINS: z.coerce.number().int().min(1).max(256).default(16),
  /** Show professionals' names in "who viewed my data" (policy 2.5) or only organisation and role (CJEU C-579/21). */
  ACCESS_LOG_SHOW_NAMES: booleanFlag.default(true),
  DEMO_RESIDENTS: z.coerce.number().int().min(10).max(1_000_000).default(400),
  DEMO_SEED: z.coerce.number().int().default(2015),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(10),
  /** Staff IdP (OIDC). Unset in development: the embedded development IdP is used. */
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().optional(),
  STAFF_OIDC_REQUIRED_ACR: z.string().optional(),
  STAFF_OIDC_REQUIRED_AMR: z.string().optional(),
  STAFF_OIDC_SUBJECT_CLAIM: z.string().default('sub'),
  STAFF_OIDC_ROLES_CLAIM: z.string().default('roles'),
  STAFF_OIDC_SCOPES: z.string().default('openid profile'),
  /** Residents' broker (DigiD/eHerkenning via OIDC). */
  RESIDENT_OIDC_ISSUER: z.string().url().optional(),
  RESIDENT_OIDC_CLIENT_ID: z.string().optional(),
  RESIDENT_OIDC_CLIENT_SECRET: z.string().optional(),
  RESIDENT_OIDC_BSN_CLAIM: z.string().default('bsn'),
  RESIDENT_OIDC_SCOPES: z.string().default('openid'),
  /** Port of the embedded development IdP (development and test only). Unset: PORT + 1, or random when PORT is 0. */
  DEV_IDP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Downloads (exports, PDF, CSV) assembled at once per process, and how many may wait their turn (src/server/http/downloads.ts). */
  DOWNLOADS_AT_ONCE: z.coerce.number().int().min(1).max(64).default(2),
  DOWNLOADS_WAITING: z.coerce.number().int().min(0).max(10_000).default(50),
});

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Config {
  env: 'development' | 'test' | 'production';
  database: { kind: DatabaseKind; url?: string; appRole: string; dataDir: string; poolSize: number };
  http: { host: string; port: number; publicUrl?: string; workers: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  keys: { json?: string; file?: string };
  log: { chains: number };
  accessLog: { showNames: boolean };
  demo: { residents: number; seed: number };
  session: { idleMinutes: number; absoluteHours: number };
  staffOidc: {
    issuer?: string;
    clientId?: string;
    clientSecret?: string;
    requiredAcr?: string;
    requiredAmr?: string;
    subjectClaim: string;
    rolesClaim: string;
    scopes: string;
  };
  residentOidc: { issuer?: string; clientId?: string; clientSecret?: string; bsnClaim: string; scopes: string };
  devIdp: { port?: number };
  signinRateLimitPerMinute: number;
  downloads: { atOnce: number; waiting: number };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parse the environment into a Config. Throws ConfigError naming the bad variables (never their values). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (DATABASE_URL= selects the embedded database).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigError(`invalid configuration: ${names}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    if (!e.ZORGVULDIG_KEYS && !e.ZORGVULDIG_KEYS_FILE) {
      throw new ConfigError('ZORGVULDIG_KEYS or ZORGVULDIG_KEYS_FILE is required in production');
    }
    if (!e.STAFF_OIDC_ISSUER) throw new ConfigError('STAFF_OIDC_ISSUER is required in production');
  }
  if (e.WORKERS > 1 && !e.DATABASE_URL) {
    throw new ConfigError('WORKERS above 1 needs DATABASE_URL (PostgreSQL): the embedded database belongs to one process');
  }
  if (e.WORKERS > 1 && e.PORT === 0) throw new ConfigError('PORT 0 with WORKERS above 1: the workers share one port, so name it');
  return {
    env: e.NODE_ENV,
    database: {
      kind: e.DATABASE_URL ? 'postgresql' : 'pglite',
      url: e.DATABASE_URL,
      appRole: e.DATABASE_APP_ROLE,
      dataDir: e.DATA_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
    },
    http: { host: e.HOST, port: e.PORT, publicUrl: e.PUBLIC_URL, workers: e.WORKERS },
    logLevel: e.LOG_LEVEL,
    keys: { json: e.ZORGVULDIG_KEYS, file: e.ZORGVULDIG_KEYS_FILE },
    log: { chains: e.LOG_CHAINS },
    accessLog: { showNames: e.ACCESS_LOG_SHOW_NAMES },
    demo: { residents: e.DEMO_RESIDENTS, seed: e.DEMO_SEED },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    staffOidc: {
      issuer: e.STAFF_OIDC_ISSUER,
      clientId: e.STAFF_OIDC_CLIENT_ID,
      clientSecret: e.STAFF_OIDC_CLIENT_SECRET,
      requiredAcr: e.STAFF_OIDC_REQUIRED_ACR,
      requiredAmr: e.STAFF_OIDC_REQUIRED_AMR,
      subjectClaim: e.STAFF_OIDC_SUBJECT_CLAIM,
      rolesClaim: e.STAFF_OIDC_ROLES_CLAIM,
      scopes: e.STAFF_OIDC_SCOPES,
    },
    residentOidc: {
      issuer: e.RESIDENT_OIDC_ISSUER,
      clientId: e.RESIDENT_OIDC_CLIENT_ID,
      clientSecret: e.RESIDENT_OIDC_CLIENT_SECRET,
      bsnClaim: e.RESIDENT_OIDC_BSN_CLAIM,
      scopes: e.RESIDENT_OIDC_SCOPES,
    },
    devIdp: { port: e.DEV_IDP_PORT },
    signinRateLimitPerMinute: e.SIGNIN_RATE_LIMIT_PER_MINUTE,
    downloads: { atOnce: e.DOWNLOADS_AT_ONCE, waiting: e.DOWNLOADS_WAITING },
  };
}
