// The client address the rate limits count under (rate-limits.ts, Open311's router).
import { isIPv4, isIPv6 } from 'node:net';

/** The client address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy,
 * as the key its budgets are counted under (`addressKey`). */
export function clientAddress(context: Record<string, unknown>, trustProxy: boolean): string {
  const request = context.request as Request | undefined;
  if (trustProxy) {
    const forwarded = request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return addressKey(forwarded);
  }
  const req = context.req as { socket?: { remoteAddress?: string } } | undefined;
  return addressKey(req?.socket?.remoteAddress ?? 'local');
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail as two groups),
 * or null when it is none. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The key a client address is counted under: an IPv6 client by its /64 (one subscriber's network:
 * the whole /64 is theirs to rotate through, issue 15 retest), an IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.7`) as the IPv4 address it is, brackets, ports and zones dropped.
 */
export function addressKey(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.replace(/:\d+$/, '');
  address = address.replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address.toLowerCase();
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff)
    return [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
