import { z } from 'zod';
import { isGuid } from '@/lib/ids/guid';
import { tenantIdSchema } from '@/lib/ids/tenant-id';

/** Comma-separated list → array of trimmed, non-empty entries. */
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const bool = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const guid = z.string().refine(isGuid, 'must be a GUID');

/** An origin-style URL without a trailing slash, so callers can append paths safely. */
const baseUrl = z
  .string()
  .url()
  .transform((v) => v.replace(/\/+$/, ''));

/** A five-field cron expression (minute hour day month weekday), as the job scheduler reads it. */
const cron = z
  .string()
  .regex(/^\s*(\S+\s+){4}\S+\s*$/, 'must be a cron expression with five fields, e.g. "30 3 * * *"');

/**
 * A PostgreSQL connection URL. The message never repeats the value: it carries a password.
 * `sslmode` and the other libpq parameters are read by `pg` itself (docs/deploy-azure.md).
 */
const databaseUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a postgres:// URL such as postgres://user:password@host:5432/portal?sslmode=verify-full');

/**
 * Every environment variable the portal, the CLI and the doctor read. `.env.example` documents
 * each one; a test keeps the two in step.
 */
export const envSchema = z
  .object({
    /** Public base URL of the portal; redirect URIs are derived from it. */
    PORTAL_URL: baseUrl,
    /** Signs and encrypts next-auth's session cookie. At least 32 random characters. */
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),

    /** Entra authority host: https://login.microsoftonline.com, or a national cloud's host. */
    ENTRA_AUTHORITY_HOST: baseUrl.default('https://login.microsoftonline.com'),
    /** The portal's multi-tenant app registration. */
    ENTRA_CLIENT_ID: guid,
    /** Client secret of the app registration. Either this or a certificate is required. */
    ENTRA_CLIENT_SECRET: z.string().min(1).optional(),
    /** PEM file holding the app's certificate and private key, instead of a secret. */
    ENTRA_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    /** The tenant that owns the app registration; its users with Portal.Operator are operators. */
    ENTRA_HOME_TENANT_ID: tenantIdSchema,
    /** Optional: only these partner tenant ids may connect. Empty means any partner tenant. */
    PARTNER_TENANT_ALLOWLIST: csv.pipe(z.array(tenantIdSchema)),

    /** Vault that stores one refresh token per partner tenant, e.g. https://myvault.vault.azure.net. */
    KEY_VAULT_URL: baseUrl,
    /**
     * How the portal authenticates to Key Vault: `default` uses DefaultAzureCredential (managed
     * identity in Azure); `app` uses the app registration's own secret or certificate.
     */
    KEY_VAULT_CREDENTIAL: z.enum(['default', 'app']).default('default'),
    /** Needed only for a vault whose host is not under the vault resource's domain. */
    KEY_VAULT_DISABLE_CHALLENGE_RESOURCE_VERIFICATION: bool,

    /** Partner Center REST base URL (21Vianet: https://partner.partnercenterapi.microsoftonline.cn). */
    PARTNER_CENTER_URL: baseUrl.default('https://api.partnercenter.microsoft.com'),
    /** The Partner Center resource (token audience); scopes are built from it. */
    PARTNER_CENTER_RESOURCE: baseUrl.default('https://api.partnercenter.microsoft.com'),

    /** Microsoft Graph base URL (national clouds differ: https://microsoftgraph.chinacloudapi.cn). */
    GRAPH_URL: baseUrl.default('https://graph.microsoft.com'),
    /** The Microsoft Graph resource (token audience); scopes are built from it. */
    GRAPH_RESOURCE: baseUrl.default('https://graph.microsoft.com'),

    /** Access sync: re-check a customer whose last check failed after this many hours. */
    ACCESS_RECHECK_FAILED_HOURS: z.coerce.number().positive().default(24),
    /** Access sync: re-check a healthy customer after this many hours (a week). */
    ACCESS_RECHECK_HEALTHY_HOURS: z.coerce.number().positive().default(168),
    /**
     * Access sync: at most this many Graph and token requests per second per partner tenant.
     * Graph allows far more (3,500 resource units per 10 s per customer tenant, 150,000 per 20 s
     * per app); 60 checks 2,500 customers in about two minutes.
     */
    ACCESS_SYNC_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(60),
    /** Access view and digest: a GDAP relationship ending within this many days is "expiring". */
    ACCESS_EXPIRY_WARNING_DAYS: z.coerce.number().int().positive().max(365).default(30),
    /**
     * Delegated Microsoft Graph scopes the portal's app asks for in each customer tenant (the
     * Partner Center consent's applicationGrants). Least privilege: what the consent check reads.
     */
    ACCESS_CONSENT_GRAPH_SCOPES: csv
      .pipe(z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,99}$/, 'must be scope names')))
      .transform((v) =>
        v.length ? v : ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'],
      ),

    /**
     * The portal's PostgreSQL database (activity log, jobs). Use the server's direct port (5432),
     * not a transaction-pooling one: migrations and jobs hold session locks.
     */
    DATABASE_URL: databaseUrl,
    /** Days the activity log keeps a row; a daily job deletes older ones. */
    ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),

    /** Write the newest refresh token back to Key Vault once the stored one is this old. */
    TOKEN_ROTATION_INTERVAL_HOURS: z.coerce.number().positive().default(24),
    /**
     * Seals the access tokens instances share through the database (AES-256-GCM): base64 of 32
     * random bytes, identical on every instance. Unset: derived from NEXTAUTH_SECRET.
     */
    TOKEN_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
      .optional(),
    /** Names the key above; rows sealed under any other id are dropped. Unset: a fingerprint of the key. */
    TOKEN_ENCRYPTION_KEY_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, dot, dash or underscore, at most 32')
      .optional(),
    /**
     * Partner Center calls per minute per partner tenant on the customer routes, for all
     * instances together (Partner Center's limit is 500; the default leaves headroom).
     */
    PARTNER_CENTER_CUSTOMER_REQUESTS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .default(450),
    /** How long a partner's customer list stays cached before it is fetched again. */
    CUSTOMER_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(300),
    /**
     * Multiplies every per-user rate limit (export, refresh, check now, connect start; see
     * lib/rate-limit). 1 in production; test runs that replay many requests as one user raise it.
     */
    RATE_LIMIT_FACTOR: z.coerce.number().positive().default(1),
    /** When the keep-alive job redeems and rotates every connection (cron, UTC; default daily 03:30). */
    KEEPALIVE_SCHEDULE: cron.default('30 3 * * *'),
    /** When the alert job re-reads every connection's health (cron, UTC; default hourly). */
    ALERT_SYNC_SCHEDULE: cron.default('7 * * * *'),
    /** Alert when a connection has this many days or fewer left before the 90-day limit. */
    ALERT_EXPIRY_THRESHOLD_DAYS: z.coerce.number().int().min(1).max(89).default(14),
    /** Optional operator webhook for every tenant's alerts (a bearer secret: keep it in a secret store). */
    ALERT_WEBHOOK_URL: z
      .string()
      .url()
      .refine((v) => v.startsWith('https://'), 'must be an https:// URL')
      .optional(),
    /** Signs the operator webhook's messages (HMAC-SHA256); at least 32 characters. */
    ALERT_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The operator webhook's body: `generic` JSON, `slack` incoming webhook, `teams` Workflows card. */
    ALERT_WEBHOOK_FORMAT: z.enum(['generic', 'slack', 'teams']).default('generic'),
    /** Delivery retries after the first attempt, with exponential back-off. */
    ALERT_DELIVERY_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
    /** The first retry's delay; each later one doubles it. Seconds (tests use 1). */
    ALERT_DELIVERY_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.ALERT_WEBHOOK_URL && !env.ALERT_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALERT_WEBHOOK_SECRET'],
        message: 'set it with ALERT_WEBHOOK_URL (receivers verify the signature with it)',
      });
    }
    if (!env.ENTRA_CLIENT_SECRET && !env.ENTRA_CLIENT_CERTIFICATE_PATH) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENTRA_CLIENT_SECRET'],
        message: 'set ENTRA_CLIENT_SECRET or ENTRA_CLIENT_CERTIFICATE_PATH',
      });
    }
  });

export type Env = z.output<typeof envSchema>;
