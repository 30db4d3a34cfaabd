import type { Candidate } from "./candidate.ts";

const SLACK_MENTION =
  /<(?:@[UWB][A-Z0-9]{2,}|#C[A-Z0-9]{2,}|!subteam\^[A-Z0-9]+|!(?:here|channel|everyone))(?:\|[^<>\s]*)?>/g;
const AT_HANDLE = /(?<![\w@.+%&/\\`-])@[a-z](?:[\w.-]*[a-z0-9_])?(?![\w@/-]|\.\w)/gi;
// Chat channel names are lower case (Slack, Mattermost, Teams tags): "#incident-123", "#ops".
const CHANNEL = /(?<![\w&#/\\-])#[a-z][a-z0-9_-]*[a-z0-9](?![\w-])/g;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/;
const TICKET_KEY = /(?<![\w-])([A-Z][A-Z0-9]+)-\d+(?![\w-]|\.\d)/g;
const GITHUB_ISSUE = /(?<![\w./-])[a-z0-9][\w.-]*\/[\w.-]+#\d+(?!\w)/gi;

/**
 * Upper-case prefixes that name standards, encodings, time zones and severities, not a tracker:
 * "UTF-8", "HTTP-2", "SHA-256", "ISO-8601", "CVE-2024-…", "UTC-5", "SEV-1".
 */
const NOT_TRACKERS = new Set(
  `UTF UCS HTTP HTTPS ISO IEC IEEE SHA MD AES RSA DES TLS SSL SSH CVE CWE RFC COVID SARS IPV HTML CSS ES ECMA
   PEP GPL LGPL AGPL MPL BSD UTC GMT CET CEST EET PST PDT EST EDT CST CDT MST MDT BST IST JST AEST SOC PCI HIPAA
   WCAG OAUTH USB PCIE DDR LTE GPT MP WPA SEV SEVERITY PRI PRIO LEVEL TIER FY ANSI ASCII BASE EN DIN NIST FIPS
   ARM AMD HDMI DVI RS`
    .trim()
    .split(/\s+/),
);

/** Finds chat handles (`@alice`, `<@U024BE7LH>`, `#incident-123`) and ticket keys (`OPS-42`, `org/repo#123`). */
export function scanReferences(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (kind: Candidate["kind"], m: RegExpMatchArray & { index: number }) =>
    found.push({ kind, start: m.index, end: m.index + m[0].length });

  for (const m of text.matchAll(SLACK_MENTION)) add("chat_handle", m);
  for (const m of text.matchAll(AT_HANDLE)) add("chat_handle", m);
  for (const m of text.matchAll(CHANNEL)) if (!HEX_COLOUR.test(m[0])) add("chat_handle", m);
  for (const m of text.matchAll(TICKET_KEY)) {
    const prefix = m[1]!;
    // A tracker key has a project word of two letters or more: not "X86-64", "Q3-2025", "H1-2026".
    if (NOT_TRACKERS.has(prefix) || (prefix.match(/[A-Z]/g) ?? []).length < 2) continue;
    add("ticket", m);
  }
  for (const m of text.matchAll(GITHUB_ISSUE)) add("ticket", m);
  return found;
}
