import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliResults, cliTable, portalEnv } from './support/cli-table';
import { secretsIn, stacksIn } from './support/expect-safe';
import { HOSTILE_IDS, HOSTILE_TEXT } from './support/hostile-values';
import { ensureConnected } from './support/portal';

/**
 * Every `csp` argument: --tenant (id or domain) for each command that takes it, the customer
 * id, --search, unknown commands and options, and --settings. Malformed input exits 64 with a
 * stable code, a tenant without a connection exits 1; never a stack trace, a token, or a write.
 */

const connectA = () => ensureConnected('partnerA');

// (An id with spaces around it is partner A's id: the console trims its arguments, by design.)
const HOSTILE_TENANTS = [
  ...HOSTILE_IDS.filter((v) => typeof v !== 'string' || v.trim() === v),
  'evil.example',
  'localhost',
  '127.0.0.1',
  'a..b.com',
  'xn--80ak6aa92e.com',
  'contoso.onmicrosoft.com',
  '-x',
  '--json',
];
const USAGE_OR_REFUSED = { exit: [1, 64], code: /\[[a-z_]+\]/ };

cliTable(
  'csp profile --tenant',
  HOSTILE_TENANTS,
  (v) => ['profile', '--tenant', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp customers --tenant',
  HOSTILE_TENANTS,
  (v) => ['customers', '--tenant', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp keepalive --tenant',
  HOSTILE_TENANTS,
  (v) => ['keepalive', '--tenant', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp customer <id> --tenant',
  HOSTILE_TENANTS,
  (v) => ['customer', '00000000-0000-0000-0000-000000000000', '--tenant', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp customer <customer-id>',
  HOSTILE_IDS,
  // (--tenant resolves at run time: the id of the connected partner A.)
  (v) => ['customer', v, '--tenant', '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e'],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp customers --search',
  HOSTILE_TEXT,
  (v) => ['customers', '--tenant', '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e', '--search', v, '--json'],
  {
    exit: [0],
    also: (r) => {
      // Whatever the search, only JSON on stdout, and only partner A's list.
      expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    },
  },
  connectA,
);
cliTable(
  'csp <command line>',
  [
    { label: 'unknown command', value: ['nope'] },
    { label: 'unknown option', value: ['connections', '--bogus'] },
    { label: 'extra argument', value: ['connections', 'extra'] },
    { label: 'missing --tenant', value: ['customers'] },
    { label: '--tenant without a value', value: ['customers', '--tenant'] },
    {
      label: '--tenant twice',
      value: [
        'profile',
        '--tenant',
        'evil.example',
        '--tenant',
        '00000000-0000-0000-0000-000000000000',
      ],
    },
    {
      label: 'keepalive --all with --tenant',
      value: ['keepalive', '--all', '--tenant', 'evil.example'],
    },
    {
      label: 'customer without an id',
      value: ['customer', '--tenant', '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e'],
    },
    { label: 'NUL in a command', value: ['conn\u0000ections'] },
    { label: 'control characters in an option', value: ['customers', '--tenant\r\nX: 1', 'x'] },
    { label: 'overlong argument', value: ['profile', '--tenant', 'a'.repeat(10_000)] },
    {
      label: '--json --csv together',
      value: ['customers', '--tenant', '00000000-0000-0000-0000-000000000000', '--json', '--csv'],
    },
    { label: 'help for an unknown command', value: ['help', '<script>'] },
  ],
  (v) => v,
  { exit: [1, 64] },
  connectA,
);

test('no hostile command line wrote to Key Vault, and none leaked into the log', async () => {
  const { process: p, marks } = await cliResults(connectA);
  expect(secretsIn(p.stderr)).toEqual([]);
  expect(stacksIn(p.stderr)).toEqual([]);
  expect(marks.after.vaultWrites).toBe(marks.before.vaultWrites);
});

// --settings is read before any command runs (cli/main.ts), so each value is its own process.
describe('csp --settings <file>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csp-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const cases: Array<[string, () => string]> = [
    ['a file that does not exist', () => join(dir, 'missing.env')],
    ['a directory', () => dir],
    ['an empty path', () => ''],
    ['a file of junk', () => file('junk.env', '\u0000\u0001 not = a settings file\n===\n')],
    [
      'a file with hostile values',
      () =>
        file(
          'hostile.env',
          'ENTRA_CLIENT_ID=<script>\nKEY_VAULT_URL=javascript:alert(1)\nPORTAL_URL=//evil.example\n',
        ),
    ],
  ];
  test.each(cases)('%s', async (_label, path) => {
    // Only the settings the file gives: nothing of the suite's cloud, so the file decides.
    const r = await new Promise<{ code: number; out: string }>((done) => {
      const child = spawn(
        process.execPath,
        ['cli/bin/csp.js', '--settings', path(), 'connections'],
        {
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => done({ code: code ?? 1, out }));
    });
    expect([1, 2, 64]).toContain(r.code);
    expect(stacksIn(r.out)).toEqual([]);
    expect(secretsIn(r.out)).toEqual([]);
    expect(r.out).toMatch(/\[[a-z_]+\]/);
    expect(Object.keys(portalEnv()).length).toBeGreaterThan(0);
  });
});
// The access view's console commands: a hostile --tenant, --state or customer id is refused
// (64) or, for a tenant without access data or connection, needs a person (1).
cliTable(
  'csp access --tenant',
  HOSTILE_TENANTS,
  (v) => ['access', '--tenant', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp access --state',
  HOSTILE_TEXT,
  (v) => ['access', '--tenant', '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e', '--state', v],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp consent grant --tenant',
  HOSTILE_TENANTS,
  (v) => ['consent', 'grant', '--tenant', v, '--customer', '00000000-0000-0000-0000-000000000000'],
  USAGE_OR_REFUSED,
  connectA,
);
cliTable(
  'csp consent grant --customer',
  HOSTILE_IDS,
  (v) => ['consent', 'grant', '--tenant', '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e', '--customer', v],
  USAGE_OR_REFUSED,
  connectA,
);

// The activity log's console command: a hostile --tenant is refused (64), an unknown domain
// needs a person (1), and a well-formed id prints that tenant's rows only; --kind and --result
// accept only their documented values; without --tenant, no row that names customer data.
cliTable(
  'csp activity --tenant',
  HOSTILE_TENANTS,
  (v) => ['activity', '--tenant', v, '--json'],
  {
    exit: [0, 1, 64],
    also: (r) => {
      if (r.code !== 0) return expect(r.stderr).toMatch(/\[[a-z_]+\]/);
      const rows = JSON.parse(r.stdout) as Array<{ partnerTenantId: string | null }>;
      const tenantsSeen = new Set(rows.map((x) => x.partnerTenantId));
      expect(tenantsSeen.size).toBeLessThanOrEqual(1);
      for (const t of tenantsSeen) expect(r.args[2]!.toLowerCase()).toContain(t);
    },
  },
  connectA,
);
cliTable(
  'csp activity --kind',
  HOSTILE_TEXT,
  (v) => ['activity', '--kind', v],
  { exit: [64], code: /\[[a-z_]+\]/ },
  connectA,
);
cliTable(
  'csp activity --result',
  HOSTILE_TEXT,
  (v) => ['activity', '--result', v, '--csv'],
  { exit: [64], code: /\[[a-z_]+\]/ },
  connectA,
);
cliTable(
  'csp activity (every tenant)',
  [
    { label: '--json', value: ['activity', '--json'] },
    { label: '--kind csv_export --json', value: ['activity', '--kind', 'csv_export', '--json'] },
  ],
  (v) => v,
  {
    exit: [0],
    also: (r) => {
      const rows = JSON.parse(r.stdout) as Array<{ audience: string }>;
      expect(rows.every((x) => x.audience === 'partner')).toBe(true);
    },
  },
  connectA,
);
