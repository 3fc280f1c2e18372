import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Addresses a fetch on a user's behalf must never reach (SSRF): this host, the local network, cloud
 * metadata services (169.254.169.254), carrier-grade NAT, documentation, multicast and reserved ranges.
 * Node's own BlockList does the matching; the ranges are IANA's special-purpose registries.
 */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address ("::ffff:7f00:1" → [0,0,0,0,0,0xffff,0x7f00,1]). */
function groups(ip: string): number[] {
  let text = ip.toLowerCase().replace(/%.*$/, '');
  // A dotted IPv4 tail ("::ffff:127.0.0.1") is two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  return tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill(0), ...t];
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d), if any. */
function embeddedIPv4(ip: string): string | undefined {
  const g = groups(ip);
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (!mapped && !nat64) return undefined;
  const [hi, lo] = [g[6]!, g[7]!];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True only for a public unicast address; anything unparsable counts as not public. */
export function isPublicAddress(ip: string): boolean {
  if (isIPv4(ip)) return !NOT_PUBLIC.check(ip, 'ipv4');
  if (!isIPv6(ip)) return false;
  const v4 = embeddedIPv4(ip);
  if (v4) return isPublicAddress(v4);
  return !NOT_PUBLIC.check(ip, 'ipv6');
}

/**
 * Non-public addresses an operator lets `sources add` reach anyway (`VERSUS_ALLOW_PRIVATE_FETCH`): an
 * intranet wiki's range, or a test's local server. Addresses and CIDR ranges, comma-separated.
 */
export class AddressAllowList {
  private constructor(
    private readonly list: BlockList,
    readonly entries: readonly string[],
  ) {}

  static readonly NONE = AddressAllowList.parse('');

  /** Throws an Error naming the entry that is neither an address nor a range. */
  static parse(spec: string): AddressAllowList {
    const list = new BlockList();
    const entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const entry of entries) {
      const [ip, bits] = entry.split('/') as [string, string | undefined];
      const type = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : undefined;
      const prefix = bits === undefined ? undefined : Number(bits);
      const max = type === 'ipv4' ? 32 : 128;
      if (!type || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max)))
        throw new Error(`"${entry}" is not an IP address or a range such as 10.0.0.0/8`);
      if (prefix === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, prefix, type);
    }
    return new AddressAllowList(list, entries);
  }

  allows(ip: string): boolean {
    if (this.entries.length === 0) return false;
    const v4 = isIPv6(ip) ? embeddedIPv4(ip) : undefined;
    if (v4) return this.allows(v4);
    return isIPv4(ip) ? this.list.check(ip, 'ipv4') : isIPv6(ip) && this.list.check(ip, 'ipv6');
  }
}

/** Whether a fetch may connect to this address. */
export function mayConnect(ip: string, allow: AddressAllowList): boolean {
  return isPublicAddress(ip) || allow.allows(ip);
}
