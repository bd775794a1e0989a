import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_IDS, HOSTILE_TEXT, HOSTILE_TOKENS } from './support/hostile-values';
import { request, tenants } from './support/portal';

/**
 * A partner admin's alert webhook: save (URL, format, signing secret), remove, and "send a test
 * alert". A webhook URL is a bearer secret and a way into the portal's network, so hostile URLs
 * (private, link-local, metadata, non-https, with credentials) are refused with a stable code
 * and nothing is written to Key Vault; foreign or malformed tenant ids are 404/400, bad CSRF
 * tokens or Origins 403, staff 403/404, signed-out 401. (This portal runs against the local
 * cloud, so loopback is the one exception and is not in these tables; the unit tests refuse it
 * under a real authority.)
 */

const FOREIGN = {
  "partner B's tenant id": () => tenants().partnerB.id,
  "the home tenant's id": () => tenants().home.id,
};
const ids = [
  ...Object.keys(FOREIGN).map((label) => ({ label, value: `@${label}` })),
  ...HOSTILE_IDS,
];
const id = (v: string) => (v.startsWith('@') ? FOREIGN[v.slice(1) as keyof typeof FOREIGN]() : v);
const json = { accept: 'application/json' };
/** A public address literal: valid, and no DNS lookup is needed to judge it. */
const PUBLIC_URL = 'https://93.184.215.14/hooks/portal';
const GOOD_SECRET = 'b'.repeat(48);

type Action = 'webhookSave' | 'webhookRemove' | 'webhookTest';
const PATH: Record<Action, string> = {
  webhookSave: 'webhook',
  webhookRemove: 'webhook/remove',
  webhookTest: 'webhook/test',
};

async function tokenFor(action: Action | 'check'): Promise<string> {
  const a = await request({ path: '/api/connections', as: 'adminA' });
  const { connections } = JSON.parse(a.text) as {
    connections: Array<{ tenantId: string; actions: Record<string, string> | null }>;
  };
  const mine = connections.find((c) => c.tenantId === tenants().partnerA.id);
  if (!mine?.actions?.[action]) throw new Error(`partner A admin has no ${action} token`);
  return mine.actions[action];
}

const save = async (fields: Record<string, string>) => ({
  method: 'POST' as const,
  path: `/api/connections/${tenants().partnerA.id}/webhook`,
  as: 'adminA' as const,
  headers: json,
  body: new URLSearchParams({ csrfToken: await tokenFor('webhookSave'), ...fields }),
});

const SSRF_URLS = [
  'http://93.184.215.14/hook',
  'http://hooks.slack.com/services/T/B/X',
  'ftp://93.184.215.14/hook',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/plain,hi',
  'gopher://93.184.215.14:70/_x',
  'https://169.254.169.254/metadata/instance?api-version=2021-02-01',
  'https://[::ffff:169.254.169.254]/latest/meta-data/',
  'https://168.63.129.16/machine?comp=goalstate',
  'https://100.100.100.200/latest/meta-data/',
  'https://[fd00:ec2::254]/latest/meta-data/',
  'https://10.0.0.1/hook',
  'https://172.16.5.4:8443/hook',
  'https://192.168.1.1/hook',
  'https://[fc00::1]/hook',
  'https://100.64.0.1/hook',
  'https://169.254.1.1/hook',
  'https://[fe80::1]/hook',
  'https://0.0.0.0/hook',
  'https://[::]/hook',
  'https://0/hook',
  'https://224.0.0.1/hook',
  'https://255.255.255.255/hook',
  'https://[2002:a00:1::]/hook',
  'https://[64:ff9b::a00:1]/hook',
  'https://167772161/hook',
  'https://0xa.0.0.1/hook',
  'https://012.0.0.1/hook',
  'https://user:password@93.184.215.14/hook',
  'https://token@93.184.215.14/hook',
  'https://',
  '//93.184.215.14/hook',
];

hostileTable(
  'POST /api/connections/:tenantId/webhook (url=)',
  [...SSRF_URLS, ...HOSTILE_TEXT],
  (v) => save({ url: v, format: 'generic', signingSecret: GOOD_SECRET }),
  { status: 400, code: /^webhook_[a-z_]+$/, unchanged: true, bodyExcludes: ['93.184.215.14'] },
);

hostileTable(
  'POST /api/connections/:tenantId/webhook (format=)',
  [
    '',
    'Generic',
    'SLACK',
    'teams ',
    'msteams',
    'webhook',
    'json',
    { label: 'absent', value: '@absent' },
    ...HOSTILE_TEXT,
  ],
  (v) =>
    save(
      v === '@absent'
        ? { url: PUBLIC_URL, signingSecret: GOOD_SECRET }
        : { url: PUBLIC_URL, format: v, signingSecret: GOOD_SECRET },
    ),
  { status: 400, code: 'webhook_invalid_format', unchanged: true },
);

hostileTable(
  'POST /api/connections/:tenantId/webhook (signingSecret=, generic)',
  [
    { label: '31 characters', value: 'c'.repeat(31) },
    { label: '257 characters', value: 'c'.repeat(257) },
    { label: 'inner space', value: `${'c'.repeat(20)} ${'c'.repeat(20)}` },
    { label: 'a NUL inside', value: `${'c'.repeat(20)}\u0000${'c'.repeat(20)}` },
    { label: 'non-ASCII', value: 'é'.repeat(40) },
    { label: 'CRLF inside', value: `${'c'.repeat(20)}\r\nX-Injected: 1${'c'.repeat(10)}` },
    ...HOSTILE_TEXT,
  ],
  (v) => save({ url: PUBLIC_URL, format: 'generic', signingSecret: v }),
  { status: 400, code: 'webhook_secret_invalid', unchanged: true },
);

for (const action of ['webhookSave', 'webhookRemove', 'webhookTest'] as const) {
  const body = async (token?: string) =>
    new URLSearchParams({
      csrfToken: token ?? (await tokenFor(action)),
      url: PUBLIC_URL,
      format: 'generic',
      signingSecret: GOOD_SECRET,
    });
  hostileTable(
    `POST /api/connections/:tenantId/${PATH[action]}`,
    ids,
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${q(id(v))}/${PATH[action]}`,
      as: 'adminA',
      headers: json,
      body: await body(),
    }),
    { status: [400, 403, 404], code: /^[a-z_]+$/, unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${PATH[action]} (csrfToken=)`,
    [...HOSTILE_TOKENS, { label: "the check action's token", value: '@check' }],
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${PATH[action]}`,
      as: 'adminA',
      headers: json,
      body: await body(v === '@check' ? await tokenFor('check') : v),
    }),
    { status: 403, code: 'csrf_failed', unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${PATH[action]} (Origin:)`,
    ['null', 'https://evil.example', 'http://localhost.evil.example', ' '],
    async (v) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${PATH[action]}`,
      as: 'adminA',
      sameOrigin: false,
      headers: { ...json, origin: v },
      body: await body(),
    }),
    { status: 403, code: 'csrf_failed', unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${PATH[action]} (as someone else)`,
    [
      { label: "partner A's staff", value: 'staffA' as const },
      { label: "partner B's admin", value: 'adminB' as const },
      { label: 'an operator', value: 'operator' as const },
    ],
    async (who) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${PATH[action]}`,
      as: who,
      headers: json,
      body: await body(),
    }),
    { status: [403, 404], code: /^[a-z_]+$/, unchanged: true },
  );
  hostileTable(
    `POST /api/connections/:tenantId/${PATH[action]} (signed out)`,
    [{ label: 'no session', value: 'anonymous' as const }],
    (who) => ({
      method: 'POST',
      path: `/api/connections/${tenants().partnerA.id}/${PATH[action]}`,
      as: who,
      headers: json,
      body: new URLSearchParams({ url: PUBLIC_URL }),
    }),
    { status: 401, unchanged: true },
  );
}

// With no webhook set, "send a test alert" says so and sends nothing.
hostileTable(
  'POST /api/connections/:tenantId/webhook/test (no webhook set)',
  [{ label: "partner A's admin", value: 'adminA' as const }],
  async (who) => ({
    method: 'POST',
    path: `/api/connections/${tenants().partnerA.id}/webhook/test`,
    as: who,
    headers: json,
    body: new URLSearchParams({ csrfToken: await tokenFor('webhookTest') }),
  }),
  { status: 400, code: 'webhook_not_set', unchanged: true },
);

// The page's notice parameter shows only known notices, never the value.
hostileTable(
  'GET /connections?webhook=',
  HOSTILE_TEXT,
  (v) => ({ path: `/connections?webhook=${q(v)}&error=${q(v)}`, as: 'adminA' }),
  {
    status: 200,
    // (Next's router data carries the page's own URL, escaped; the notices must not.)
    bodyExcludes: ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'],
    also: (a) => expect(a.text).not.toContain('data-testid="webhook-notice"'),
  },
);
