// Rate limits keyed by the client address (issue 15 retest): an IPv6 client holds a whole /64 and
// could take a fresh budget from each of its addresses, so IPv6 is counted per /64, and an
// IPv4-mapped IPv6 address as the IPv4 address it is.
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { TEST_ENV } from '../testing/harness.js';
import { postGraphQL } from '../testing/http.js';
import { useHarness } from '../testing/use-harness.js';
import { addressKey } from './client-address.js';
import { loadConfig } from './config.js';
import { createGateway } from './gateway.js';
import { memoryRateLimitStore } from './rate-limits.js';

describe('addressKey', () => {
  it('keys IPv6 by its /64 and IPv4-mapped IPv6 as IPv4', () => {
    const net = '2001:db8:12:34::/64';
    for (const a of [
      '2001:db8:12:34::1',
      '2001:DB8:12:34:ffff:ffff:ffff:ffff',
      '2001:0db8:0012:0034:abcd::9',
      '[2001:db8:12:34::7]:443',
      '2001:db8:12:34::1%eth0',
      '2001:db8:12:34:0:0:1.2.3.4',
    ])
      expect(addressKey(a), a).toBe(net);
    expect(addressKey('2001:db8:12:35::1')).toBe('2001:db8:12:35::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7:5000')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('local')).toBe('local');
  });
});

describe.each(testDatabaseKinds())('rate limits per IPv6 /64 on %s', (kind) => {
  const { h } = useHarness(kind);
  const gateway = () =>
    createGateway({
      db: h.db,
      config: {
        ...loadConfig({ ...TEST_ENV, LAYANAN_TRUST_PROXY: 'true', LAYANAN_RATE_AUTH_IP: '3/300' }),
        jwtSecret: h.config.jwtSecret,
      },
      log: pino({ level: 'silent' }),
      rateLimitStore: memoryRateLimitStore(),
    });
  const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { __typename } }';
  const attempt = (g: ReturnType<typeof gateway>, from: string, i: number) =>
    postGraphQL(
      g,
      {
        query: LOGIN,
        variables: { input: { identifier: `orang${i}@example.org`, password: 'tebakan-salah-1' } },
      },
      { 'x-forwarded-for': from },
    );

  it('gives one budget to every address of a /64, and to an IPv4 client however it is written', async () => {
    const g = gateway();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await attempt(g, `2001:db8:aa:bb::${(i + 1).toString(16)}`, i)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another /64 has its own budget.
    expect((await attempt(g, '2001:db8:aa:bc::1', 9)).status).toBe(200);
    const v4: number[] = [];
    for (const from of ['192.0.2.9', '::ffff:192.0.2.9', '::ffff:c000:209', '192.0.2.9'])
      v4.push((await attempt(g, from, 20 + v4.length)).status);
    expect(v4).toEqual([200, 200, 200, 429]);
  });
});
