import type { Candidate, Shield } from "./candidate.ts";
import { scanNetwork } from "./network.ts";
import { compileKnownNames, findKnownNames, findNamesByLanguage } from "./people.ts";
import { scanReferences } from "./references.ts";

export { internalDomainsFromEnv } from "./internal-domains.ts";

export const RedactionKinds = [
  "person",
  "email",
  "ip",
  "host",
  "internal_url",
  "chat_handle",
  "ticket",
] as const;
export type RedactionKind = (typeof RedactionKinds)[number];

export interface RedactionFinding {
  field: string;
  kind: RedactionKind;
  match: string;
  start: number;
  end: number;
  message: string;
}

export interface RedactionOptions {
  /** Display names of users known to Hindsight ("Sam Rivera"); a full name, a first name alone if ≥ 3 letters and
   *  not a common English word, and the e-mail local part are all flagged. */
  knownNames: readonly string[];
  /** Extra internal domains ("corp.example.com", "example.net"): the domain and its subdomains are internal. */
  internalDomains: readonly string[];
}

const MESSAGES: Record<RedactionKind, string> = {
  person:
    'Looks like a person\'s name; a customer text names no one. Say what happened, or use a role such as "our on-call engineer".',
  email:
    "An e-mail address; customers should not see who works on what. Remove it, or point to your public support address.",
  ip: "An IP address reveals how our network is laid out. Remove it or describe the system in general terms.",
  host: "Looks like an internal host name; customers should not see it. Remove it or describe the system in general terms.",
  internal_url:
    "A link to an internal system that customers cannot open. Remove it, or link to a public page instead.",
  chat_handle:
    'A chat handle or channel from our internal chat; customers should not see it. Remove it or say "our team".',
  ticket:
    "Looks like an internal ticket key that customers cannot open. Remove it, or describe the follow-up work in words.",
};
const KNOWN_PERSON =
  'The name of someone at the company; a customer text names no one. Say what happened, or use a role such as "our on-call engineer".';

// When two findings overlap, the longer one wins; for the same span, the more specific kind.
const SPECIFICITY: readonly RedactionKind[] = [
  "internal_url",
  "email",
  "ip",
  "host",
  "chat_handle",
  "ticket",
  "person",
];
// Inside a public URL or a public support address only an IP or a personal e-mail address still leaks anything.
const SHIELDED: ReadonlySet<RedactionKind> = new Set([
  "person",
  "host",
  "chat_handle",
  "ticket",
  "internal_url",
]);

/** Every finding in every field, in field order then by position; overlapping findings keep the most specific
 *  (a URL containing an internal host is one internal_url finding, an e-mail is not also a host). */
export function findRedactions(
  fields: Readonly<Record<string, string>>,
  options: RedactionOptions,
): RedactionFinding[] {
  const names = compileKnownNames(options.knownNames);
  const internalDomains = options.internalDomains.map((d) => d.toLowerCase());
  const findings: RedactionFinding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const { candidates, shields } = scanNetwork(text, internalDomains);
    candidates.push(...scanReferences(text), ...findKnownNames(text, names), ...findNamesByLanguage(text));
    for (const c of resolveOverlaps(candidates, shields)) {
      const message = c.kind === "person" && c.known ? KNOWN_PERSON : MESSAGES[c.kind];
      findings.push({
        field,
        kind: c.kind,
        match: text.slice(c.start, c.end),
        start: c.start,
        end: c.end,
        message,
      });
    }
  }
  return findings;
}

function resolveOverlaps(candidates: Candidate[], shields: readonly Shield[]): Candidate[] {
  const inside = (c: Candidate, s: Shield) => c.start >= s.start && c.end <= s.end;
  const rank = (c: Candidate) => SPECIFICITY.indexOf(c.kind) * 2 + (c.known ? 0 : 1);
  const ordered = candidates
    .filter((c) => c.end > c.start && !(SHIELDED.has(c.kind) && shields.some((s) => inside(c, s))))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b));
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
