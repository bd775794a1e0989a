import type { lookup, LookupAddress } from 'node:dns';
import { parseWebhookUrl, refuseAddress } from '@/lib/alerts/webhook-address-policy';
import { sendWebhook } from '@/lib/alerts/send-webhook';
import { webhookPolicyFromConfig } from '@/lib/alerts/webhook-policy-from-config';

const strict = { allowLoopback: false };
const local = { allowLoopback: true };

describe('refuseAddress: only public unicast addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['224.0.0.251', 'reserved'],
    ['ff02::1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2002:c0a8:101::', 'reserved'],
    ['64:ff9b::a00:1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['not-an-ip', 'invalid'],
  ])('%s is refused (%s)', (address, reason) => {
    expect(refuseAddress(address, strict)).toBe(reason);
  });

  it.each(['8.8.8.8', '52.96.0.1', '2606:4700:4700::1111', '[2a01:111:f400::1]'])(
    '%s is allowed',
    (address) => expect(refuseAddress(address, strict)).toBeNull(),
  );

  it('allows loopback only when the policy says so, and nothing else more', () => {
    expect(refuseAddress('127.0.0.1', local)).toBeNull();
    expect(refuseAddress('::1', local)).toBeNull();
    expect(refuseAddress('10.0.0.1', local)).toBe('private');
    expect(refuseAddress('169.254.169.254', local)).toBe('metadata');
  });
});

describe('parseWebhookUrl', () => {
  it.each([
    ['http://hooks.example.com/x', 'webhook_not_https'],
    ['ftp://hooks.example.com/x', 'webhook_not_https'],
    ['javascript:alert(1)', 'webhook_not_https'],
    ['file:///etc/passwd', 'webhook_not_https'],
    ['https://user:pass@hooks.example.com/x', 'webhook_credentials_in_url'],
    ['https://token@hooks.example.com/x', 'webhook_credentials_in_url'],
    ['https://127.0.0.1/x', 'webhook_address_refused'],
    ['https://2130706433/x', 'webhook_address_refused'],
    ['https://0x7f.1/x', 'webhook_address_refused'],
    ['https://0177.0.0.1/x', 'webhook_address_refused'],
    ['https://[::1]/x', 'webhook_address_refused'],
    ['https://[::ffff:169.254.169.254]/x', 'webhook_address_refused'],
    ['https://169.254.169.254/metadata/instance', 'webhook_address_refused'],
    ['https://10.0.0.1:8443/x', 'webhook_address_refused'],
    ['https://localhost/x', 'webhook_address_refused'],
    ['https://api.localhost/x', 'webhook_address_refused'],
    ['not a url', 'webhook_invalid_url'],
    ['', 'webhook_invalid_url'],
    [`https://hooks.example.com/${'a'.repeat(2100)}`, 'webhook_invalid_url'],
  ])('%s → %s', (raw, code) => {
    expect(() => parseWebhookUrl(raw, strict)).toThrow(expect.objectContaining({ code }));
  });

  it('accepts an https URL on a public name, and loopback when allowed', () => {
    expect(parseWebhookUrl('https://hooks.slack.com/services/T/B/X', strict).hostname).toBe(
      'hooks.slack.com',
    );
    expect(parseWebhookUrl('https://localhost:8999/hook', local).port).toBe('8999');
  });

  it('never puts the URL in the error message (a webhook URL is a bearer secret)', () => {
    try {
      parseWebhookUrl('http://hooks.example.com/secret-path-token', strict);
      throw new Error('not refused');
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('secret-path-token');
      expect(JSON.stringify(e)).not.toContain('secret-path-token');
    }
  });
});

describe('sendWebhook checks every resolved address before it connects', () => {
  function resolverAnswering(addresses: LookupAddress[]) {
    const calls: string[] = [];
    const resolve = ((host: string, _opts: unknown, cb: (e: null, a: LookupAddress[]) => void) => {
      calls.push(host);
      cb(null, addresses);
    }) as unknown as typeof lookup;
    return { resolve, calls };
  }
  const request = {
    url: 'https://hooks.example.com/hook',
    body: '{"text":"x"}',
    headers: {},
  };

  it.each([
    [[{ address: '10.0.0.7', family: 4 }]],
    [[{ address: '169.254.169.254', family: 4 }]],
    [[{ address: '127.0.0.1', family: 4 }]],
    [[{ address: 'fe80::1', family: 6 }]],
    // A name with one public and one private answer is refused as a whole: the socket could pick either.
    [
      [
        { address: '52.96.0.1', family: 4 },
        { address: '192.168.0.10', family: 4 },
      ],
    ],
    [[]],
  ])('refuses a name resolving to %j', async (addresses) => {
    const { resolve, calls } = resolverAnswering(addresses);
    await expect(
      sendWebhook(request, { ...strict, resolve, timeoutMs: 2000 }),
    ).rejects.toMatchObject({
      code: 'webhook_address_refused',
      retryable: false,
    });
    expect(calls).toEqual(['hooks.example.com']);
  });

  it('refuses an IP literal without resolving anything', async () => {
    const { resolve, calls } = resolverAnswering([{ address: '52.96.0.1', family: 4 }]);
    await expect(
      sendWebhook({ ...request, url: 'https://[::ffff:a00:1]/hook' }, { ...strict, resolve }),
    ).rejects.toMatchObject({ code: 'webhook_address_refused' });
    expect(calls).toEqual([]);
  });
});

describe('webhookPolicyFromConfig: loopback only when the configured cloud is on loopback', () => {
  it.each([
    ['https://localhost:8440', true],
    ['https://127.0.0.1:8440', true],
    ['https://[::1]:8440', true],
    ['https://login.microsoftonline.com', false],
    ['https://login.partner.microsoftonline.cn', false],
    ['https://localhost.evil.example', false],
  ])('%s → allowLoopback %s', (host, expected) => {
    expect(webhookPolicyFromConfig({ ENTRA_AUTHORITY_HOST: host })).toEqual({
      allowLoopback: expected,
    });
  });
});
