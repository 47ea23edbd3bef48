import { isIP } from 'node:net';

/**
 * Whom the api believes about the client's address (Fastify's `trustProxy`): `false` trusts nobody (the
 * address is the TCP peer's), a number trusts that many proxies in front of the api (the address is
 * taken that many hops back in X-Forwarded-For), a list trusts exactly those proxies.
 */
export type TrustProxy = false | number | string[];

/** Names the proxy-address matcher knows for whole ranges. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function addressProblem(entry: string): string | undefined {
  if (RANGE_NAMES.includes(entry)) return undefined;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an address, a CIDR range or one of ${RANGE_NAMES.join(', ')}`;
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `"${entry}" has a prefix length outside 0..${bits}`;
  return undefined;
}

/**
 * Reads KIVUKO_TRUST_PROXY: unset, empty, `false` or `0` = none; a whole number of hops (1..10); or a
 * comma-separated list of proxy addresses / CIDR ranges. `true` (believe any X-Forwarded-For) is refused:
 * whoever can reach the api could then pick the address the sign-in throttle sees.
 */
export function parseTrustProxy(text: string | undefined): { value: TrustProxy; problems: string[] } {
  const raw = (text ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return { value: false, problems: [] };
  if (raw === 'true') return { value: false, problems: ['KIVUKO_TRUST_PROXY cannot be true (it would believe any X-Forwarded-For): give the number of proxies or their addresses'] };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops <= 10 ? { value: hops, problems: [] } : { value: false, problems: [`KIVUKO_TRUST_PROXY must be between 0 and 10 proxies (got ${hops})`] };
  }
  const entries = raw.split(',').map((e) => e.trim());
  const problems = entries.map((e) => (e === '' ? 'an empty entry' : addressProblem(e))).filter((p): p is string => p !== undefined);
  if (problems.length > 0) return { value: false, problems: [`KIVUKO_TRUST_PROXY: ${problems.join('; ')}`] };
  return { value: entries, problems: [] };
}
