/** Parses a dotted quad of 0–255 into its four numbers, or undefined. */
export function parseIpv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** Whether `text` is an IPv6 address (RFC 4291 text forms, with an optional embedded IPv4 tail). */
export function isIpv6(text: string): boolean {
  let groups = text;
  if (groups.includes(".")) {
    // An embedded IPv4 tail ("::ffff:10.0.0.1") stands for the last two groups.
    const lastColon = groups.lastIndexOf(":");
    if (!parseIpv4(groups.slice(lastColon + 1))) return false;
    groups = `${groups.slice(0, lastColon + 1)}0:0`;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return false;
  const hex = /^[0-9a-f]{1,4}$/i;
  const parse = (half: string) => (half === "" ? [] : half.split(":"));
  const parsed = halves.map(parse);
  if (!parsed.every((half) => half.every((group) => hex.test(group)))) return false;
  const count = parsed.reduce((sum, half) => sum + half.length, 0);
  return halves.length === 2 ? count <= 7 && /[0-9a-f]/i.test(text) : count === 8;
}

/** Loopback, private (RFC 1918), shared (RFC 6598), link-local and unspecified IPv4 addresses. */
export function isPrivateIpv4(octets: readonly number[]): boolean {
  const [a = 0, b = 0] = octets;
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Loopback, unspecified, link-local (fe80::/10), unique-local (fc00::/7) or a mapped private IPv4. */
export function isPrivateIpv6(text: string): boolean {
  const address = text.toLowerCase();
  if (/^(?:0*:)*:?0*1?$/.test(address)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(address) || /^f[cd][0-9a-f]{0,2}:/.test(address)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  const octets = mapped ? parseIpv4(mapped[1]!) : undefined;
  return octets ? isPrivateIpv4(octets) : false;
}
