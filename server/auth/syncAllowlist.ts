/**
 * `RequireSyncIPAllowlist` (contract part 3, §5): the sync routes answer
 * only peers inside the configured ranges. EU's defaults are the private
 * IPv4 ranges and IPv4 loopback; IPv6 `::1` is not in them. An empty list
 * allows everyone. The peer is the socket's address: X-Forwarded-For is not
 * read (no trusted proxies locally). IPv4-mapped IPv6 peers count as IPv4,
 * as Go's `IPNet.Contains` treats them.
 */
import { BlockList, isIP } from 'node:net';

/** EU's `sync_allowed_ip_ranges` default, for functions and jobs alike. */
export const DEFAULT_SYNC_ALLOWED_IP_RANGES: readonly string[] = [
  '172.16.0.0/12',
  '10.0.0.0/8',
  '192.168.0.0/16',
  '127.0.0.0/8',
];

/** Parses a comma-separated list of CIDR ranges (`` → empty: allow all); throws on a bad range. */
export function parseIpRanges(name: string, text: string): string[] {
  const ranges = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const range of ranges) ipRange(name, range);
  return ranges;
}

function ipRange(name: string, range: string): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } {
  const slash = range.indexOf('/');
  const address = slash < 0 ? '' : range.slice(0, slash);
  const prefixText = slash < 0 ? '' : range.slice(slash + 1);
  const family = isIP(address);
  const prefix = Number(prefixText);
  if (family === 0 || !/^[0-9]{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) {
    throw new Error(`${name}: "${range}" is not a CIDR range such as 127.0.0.0/8 or ::1/128`);
  }
  return { address, prefix, type: family === 4 ? 'ipv4' : 'ipv6' };
}

/** A set of CIDR ranges. */
export class IpAllowlist {
  readonly #list = new BlockList();
  readonly #empty: boolean;

  constructor(ranges: readonly string[]) {
    this.#empty = ranges.length === 0;
    for (const range of ranges) {
      const { address, prefix, type } = ipRange('sync_allowed_ip_ranges', range);
      this.#list.addSubnet(address, prefix, type);
    }
  }

  /** True when the peer address may call the sync route. */
  allows(peer: string | undefined): boolean {
    if (this.#empty) return true;
    if (peer === undefined) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer);
    if (mapped) return this.#list.check(mapped[1] as string, 'ipv4');
    return this.#list.check(peer, isIP(peer) === 6 ? 'ipv6' : 'ipv4');
  }
}
