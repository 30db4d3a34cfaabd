import type { Candidate, Shield } from "./candidate.ts";
import { isDomainName, isInternalHost } from "./internal-domains.ts";
import { isIpv6, isPrivateIpv4, isPrivateIpv6, parseIpv4 } from "./ip.ts";

export interface Scan {
  candidates: Candidate[];
  shields: Shield[];
}

const URL_PATTERN = /\b(?:https?|wss?|ftp):\/\/[^\s<>"'`]+/gi;
const EMAIL =
  /(?<![\w.+%-])[\w.+%-]+@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])(?![\w-]|\.\w)/gi;
const IPV4 = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?:\/(\d{1,2}))?(?![\w-]|\.\d)/g;
const IPV6 =
  /(?<![\w:.])(\[)?((?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4})?)(%[\w.-]+)?(\](?::\d{1,5})?)?(?:\/\d{1,3})?(?![\w:])/gi;
const HOST =
  /(?<![\w.@%/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?![\w-]|\.\w)|\blocalhost\b/gi;
const PORT_AND_PATH = /^(?::\d{1,5})?(\/[^\s<>"'`]*)?/;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/;
/** Public mailboxes a customer text may rightly point to, unless they are on an internal domain. */
const ROLE_MAILBOXES = new Set(
  "support help status security privacy noreply no-reply info contact sales billing abuse press".split(" "),
);
const VERSION_BEFORE = /(?:\bv|\bversion\s|\brelease\s|\bbuild\s)$/i;

/** Finds e-mail addresses, IP addresses, internal host names and links, and the public URLs that hide their insides. */
export function scanNetwork(text: string, internalDomains: readonly string[]): Scan {
  const candidates: Candidate[] = [];
  const shields: Shield[] = [];

  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = trimUrl(m[0]);
    const start = m.index;
    if (isInternalUrl(raw, internalDomains))
      candidates.push({ kind: "internal_url", start, end: start + raw.length });
    else shields.push({ start, end: start + raw.length });
  }

  for (const m of text.matchAll(EMAIL)) {
    const local = m[0].slice(0, m[0].indexOf("@")).toLowerCase();
    const span = { start: m.index, end: m.index + m[0].length };
    if (ROLE_MAILBOXES.has(local) && !isInternalHost(m[1]!, internalDomains)) shields.push(span);
    else candidates.push({ kind: "email", ...span });
  }

  for (const m of text.matchAll(IPV4)) {
    const port = m[2] === undefined ? 0 : Number(m[2]);
    const prefix = m[3] === undefined ? 0 : Number(m[3]);
    if (!parseIpv4(m[1]!) || port > 65535 || prefix > 32) continue;
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 9), m.index))) continue;
    candidates.push({ kind: "ip", start: m.index, end: m.index + m[0].length });
  }

  for (const m of text.matchAll(IPV6)) {
    const bracketed = m[1] !== undefined;
    if (bracketed !== (m[4] !== undefined) || !isIpv6(m[2]!)) continue;
    candidates.push({ kind: "ip", start: m.index, end: m.index + m[0].length });
  }

  for (const m of text.matchAll(HOST)) {
    if (!isInternalHost(m[0], internalDomains) || !isDomainName(m[0].toLowerCase())) continue;
    const start = m.index;
    const after = PORT_AND_PATH.exec(text.slice(start + m[0].length))!;
    const rest = after[1] ? after[0].replace(TRAILING_PUNCTUATION, "") : after[0];
    const kind = after[1] && rest.includes("/") ? "internal_url" : "host";
    candidates.push({ kind, start, end: start + m[0].length + rest.length });
  }
  return { candidates, shields };
}

/** A URL without the sentence punctuation after it, and without a closing bracket it did not open. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, "");
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    while (url.endsWith(close) && url.split(close).length > url.split(open).length) {
      url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
    }
  }
  return url;
}

/** A link customers cannot open: an internal or single-label host name, or a private or loopback IP. */
/**
 * Hosted tools where a company keeps its tickets, chats, pages, dashboards and documents: a link there points
 * into the company's own workspace (and often carries a ticket key or channel in its path), so customers should
 * not get it even though the host is public.
 */
const WORKSPACE_HOSTS = [
  /(^|\.)atlassian\.net$/,
  /(^|\.)slack\.com$/,
  /(^|\.)pagerduty\.com$/,
  /(^|\.)opsgenie\.com$/,
  /(^|\.)zendesk\.com$/,
  /(^|\.)service-now\.com$/,
  /(^|\.)sentry\.io$/,
  /(^|\.)datadoghq\.(com|eu)$/,
  /(^|\.)grafana\.net$/,
  /(^|\.)newrelic\.com$/,
  /(^|\.)sharepoint\.com$/,
  /^teams\.microsoft\.com$/,
  /^(docs|drive)\.google\.com$/,
  /(^|\.)notion\.(so|site)$/,
  /^linear\.app$/,
  /^(console\.aws\.amazon\.com|portal\.azure\.com|console\.cloud\.google\.com)$/,
];
// Issue and pull-request pages on code hosts: a public host, but the path names a team's own tracker.
const CODE_HOST_TRACKER =
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^/\s]+\/[^/\s]+\/(?:-\/)?(?:issues|pull|merge_requests|pull-requests)\//i;

function isInternalUrl(raw: string, internalDomains: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (WORKSPACE_HOSTS.some((pattern) => pattern.test(host)) || CODE_HOST_TRACKER.test(raw)) return true;
  if (host.startsWith("[")) return isPrivateIpv6(host.slice(1, -1));
  const octets = parseIpv4(host);
  if (octets) return isPrivateIpv4(octets);
  return !host.includes(".") || isInternalHost(host, internalDomains);
}
