export const INTERNAL_DOMAINS_ENV = "HINDSIGHT_INTERNAL_DOMAINS";

/** Suffixes no public DNS name ends with: private zones, mDNS, Kubernetes service names. */
const INTERNAL_SUFFIXES = ["internal", "local", "localdomain", "corp", "lan", "intranet", "svc", "home.arpa"];

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Whether `name` is a domain name: dot-separated labels of letters, digits and inner hyphens, not an IP. */
export function isDomainName(name: string): boolean {
  const labels = name.split(".");
  return (
    name.length <= 253 &&
    labels.every((label) => LABEL.test(label)) &&
    !labels.every((label) => /^\d+$/.test(label))
  );
}

/** Lower-cased, without a leading `*.` or `.` and a trailing root dot, so every spelling compares the same. */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^\*?\./, "")
    .replace(/\.$/, "");
}

/** Whether a host name is internal: `localhost`, an internal suffix, or a configured domain or its subdomain. */
export function isInternalHost(host: string, internalDomains: readonly string[]): boolean {
  const name = normalizeDomain(host);
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  const matches = (domain: string) => name === domain || name.endsWith(`.${domain}`);
  return INTERNAL_SUFFIXES.some((suffix) => name.endsWith(`.${suffix}`)) || internalDomains.some(matches);
}

/** HINDSIGHT_INTERNAL_DOMAINS (comma- or space-separated) parsed and validated; a bad entry throws naming it. */
export function internalDomainsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env[INTERNAL_DOMAINS_ENV] ?? "";
  const domains: string[] = [];
  for (const entry of raw.split(/[\s,]+/).filter((e) => e !== "")) {
    const domain = normalizeDomain(entry);
    if (!isDomainName(domain)) {
      throw new Error(
        `environment variable ${INTERNAL_DOMAINS_ENV}: "${entry}" is not a domain name; ` +
          `list domains like corp.example.com, separated by commas or spaces (no scheme, port or path)`,
      );
    }
    if (!domains.includes(domain)) domains.push(domain);
  }
  return domains;
}
