import { describe, expect, it } from "vitest";
import { internalDomainsFromEnv, isInternalHost } from "./internal-domains.ts";

describe("internalDomainsFromEnv", () => {
  it("reads comma- or space-separated domains, lower-cased and without duplicates", () => {
    const env = {
      HINDSIGHT_INTERNAL_DOMAINS: " Corp.Example.com, example.net  *.acme.io,.intra.example.org.,example.net",
    };
    expect(internalDomainsFromEnv(env)).toEqual([
      "corp.example.com",
      "example.net",
      "acme.io",
      "intra.example.org",
    ]);
  });

  it("is empty when the variable is unset or blank", () => {
    expect(internalDomainsFromEnv({})).toEqual([]);
    expect(internalDomainsFromEnv({ HINDSIGHT_INTERNAL_DOMAINS: " , " })).toEqual([]);
  });

  it("refuses an entry that is not a domain name, naming the variable and the entry", () => {
    for (const bad of [
      "https://corp.example.com",
      "corp.example.com:8443",
      "10.0.0.1",
      "-corp.example.com",
      "a..b",
      "ops@example.com",
    ]) {
      expect(() => internalDomainsFromEnv({ HINDSIGHT_INTERNAL_DOMAINS: `example.net,${bad}` }), bad).toThrow(
        `HINDSIGHT_INTERNAL_DOMAINS: "${bad}" is not a domain name`,
      );
    }
  });
});

describe("isInternalHost", () => {
  it("treats a configured domain and its subdomains as internal, not look-alikes", () => {
    const domains = ["corp.example.com"];
    expect(isInternalHost("corp.example.com", domains)).toBe(true);
    expect(isInternalHost("ci.eu.corp.example.com", domains)).toBe(true);
    expect(isInternalHost("notcorp.example.com", domains)).toBe(false);
    expect(isInternalHost("example.com", domains)).toBe(false);
    expect(isInternalHost("db-1.internal", [])).toBe(true);
    expect(isInternalHost("LOCALHOST", [])).toBe(true);
  });
});
