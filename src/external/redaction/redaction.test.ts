import { describe, expect, it } from "vitest";
import { findRedactions, type RedactionKind, type RedactionOptions } from "./redaction.ts";

const options: RedactionOptions = {
  knownNames: ["Sam Rivera", "Priya Natarajan", "Mark Doe", "Al Ng"],
  internalDomains: ["corp.example.com"],
};

/** The (kind, match) pairs found in one text. */
function found(text: string, opts: RedactionOptions = options): string[] {
  return findRedactions({ text }, opts).map((f) => `${f.kind}:${f.match}`);
}
const ofKind = (kind: RedactionKind, text: string) =>
  findRedactions({ text }, options)
    .filter((f) => f.kind === kind)
    .map((f) => f.match);

const CUSTOMER_PROSE = [
  "Between 14:00 and 14:42 UTC some customers in Europe could not complete checkout.",
  "Payments made with Apple Pay and Google Pay failed with a generic error message.",
  "Our team rolled back the configuration change and error rates returned to normal within minutes.",
  "No card data was exposed and no payment was charged twice.",
  "The Checkout service depends on a cache that Kubernetes restarted during a routine upgrade.",
  "Dashboards in Grafana showed the queue growing, but no alert fired because the threshold was too high.",
  "Priya said the rollback was safe once the queue had drained.",
  "We are adding automated checks so that a faulty configuration cannot reach production again.",
  "Customers who retried after 14:42 UTC completed their orders normally.",
  "We are sorry for the disruption and thank you for your patience while we worked on a fix.",
  "Refunds for duplicate authorisations will be issued automatically within five business days.",
];

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const NEVER_FLAGGED = [
  "Our API returned errors for some customers.",
  "This was a P1 incident.",
  "Upgrade to v1.2.3 or 1.2.3 of the client; v2.10.4.1 fixes it too.",
  "It started on 2026-03-18 at 14:02:33 UTC.",
  "Clients speaking HTTP/2 and HTTP-2 proxies were affected; UTF-8 names too.",
  "Details are on the status page at https://status.example.com.",
  "Customers in Europe saw errors on Monday.",
  "The Checkout and Payments products were slow.",
];

describe("findRedactions", () => {
  it("flags nothing in ordinary customer prose", () => {
    for (const text of NEVER_FLAGGED) expect(found(text), text).toEqual([]);
  });

  it("flags e-mail addresses but not a public support mailbox", () => {
    expect(ofKind("email", "Mail sam.rivera@example.com or ops@corp.example.com.")).toEqual([
      "sam.rivera@example.com",
      "ops@corp.example.com",
    ]);
    expect(found("Write to support@example.com or status@example.com.")).toEqual([]);
    expect(ofKind("email", "Write to support@corp.example.com.")).toEqual(["support@corp.example.com"]);
    expect(found("Traffic hit api@v2 and the @ sign in user names.")).toEqual([]);
  });

  it("flags IPv4 and IPv6 addresses with ports and prefixes, not versions or times", () => {
    const text =
      "Hosts 10.0.12.7:5432, 203.0.113.0/24, ::1, [fe80::1%eth0]:8080, 2001:db8::/32 and ::ffff:192.0.2.1 failed.";
    expect(ofKind("ip", text)).toEqual([
      "10.0.12.7:5432",
      "203.0.113.0/24",
      "::1",
      "[fe80::1%eth0]:8080",
      "2001:db8::/32",
      "::ffff:192.0.2.1",
    ]);
    expect(ofKind("ip", "Release 2.10.4.1 is a plain dotted quad, so 2.10.4.1 counts as an IPv4.")).toEqual([
      "2.10.4.1",
    ]);
    const negatives =
      "Versions v2.10.4.1 and 1.2.3, 256.1.1.1, at 14:02:33, MAC 00:1a:2b:3c:4d:5e, std::vector.";
    expect(ofKind("ip", negatives)).toEqual([]);
  });

  it("flags internal host names and configured domains, not public ones", () => {
    const text =
      "We drained db-1.internal:5432, payments.default.svc.cluster.local, printer.local, build.acme.corp, " +
      "localhost and ci.corp.example.com.";
    expect(ofKind("host", text)).toEqual([
      "db-1.internal:5432",
      "payments.default.svc.cluster.local",
      "printer.local",
      "build.acme.corp",
      "localhost",
      "ci.corp.example.com",
    ]);
    expect(
      ofKind("host", "We use example.com, notcorp.example.com.evil.io and Node.js; Acme Corp. helped."),
    ).toEqual([]);
    const configured = { knownNames: [], internalDomains: ["example.net"] };
    expect(findRedactions({ t: "api.example.net and example.net" }, configured).map((f) => f.match)).toEqual([
      "api.example.net",
      "example.net",
    ]);
  });

  it("flags links to internal hosts and private IPs as one internal_url, not public links", () => {
    const text =
      "See https://grafana.internal/d/abc?x=1, (http://10.1.2.3:8080/admin), http://jenkins/job/x, " +
      "http://[::1]:3000/ and grafana.corp.example.com/d/latency.";
    expect(found(text)).toEqual([
      "internal_url:https://grafana.internal/d/abc?x=1",
      "internal_url:http://10.1.2.3:8080/admin",
      "internal_url:http://jenkins/job/x",
      "internal_url:http://[::1]:3000/",
      "internal_url:grafana.corp.example.com/d/latency",
    ]);
    expect(
      found("Read https://blog.example.org/2026/03/outage#INC-7 and https://github.com/acme/app."),
    ).toEqual([]);
    // Hosted trackers, chat and pull requests point into the team's own workspace, even on a public host.
    expect(
      found("Tracked in https://acme.atlassian.net/browse/OPS-42 and https://github.com/acme/app/pull/9."),
    ).toEqual([
      "internal_url:https://acme.atlassian.net/browse/OPS-42",
      "internal_url:https://github.com/acme/app/pull/9",
    ]);
    expect(found("The public endpoint https://203.0.113.9/health answered.")).toEqual(["ip:203.0.113.9"]);
  });

  it("flags chat handles and channels, not e-mail, colours, issue numbers or package scopes", () => {
    const text =
      "Ask @alice and @platform-team in #incident-123; <@U024BE7LH> and <#C024BE7LR|ops> were told.";
    expect(ofKind("chat_handle", text)).toEqual([
      "@alice",
      "@platform-team",
      "#incident-123",
      "<@U024BE7LH>",
      "<#C024BE7LR|ops>",
    ]);
    const negatives =
      "Mail a@b.co, colour #fff and #a0b0c0, issue #123, C# code, @types/node, @ 5pm, @2x images.";
    expect(ofKind("chat_handle", negatives)).toEqual([]);
  });

  it("flags tracker keys and GitHub issue references, not standards, severities or dates", () => {
    expect(ofKind("ticket", "Tracked in JIRA-1234, OPS-42, INC-7 and acme/payments#123.")).toEqual([
      "JIRA-1234",
      "OPS-42",
      "INC-7",
      "acme/payments#123",
    ]);
    const negatives =
      "P1, UTF-8, HTTP-2, SHA-256, ISO-8601, CVE-2024-3094, SEV-1, UTC-5, Q3-2025, X86-64, 2026-03-18, us-east-1.";
    expect(ofKind("ticket", negatives)).toEqual([]);
  });

  it("flags known people by full name, by first name alone and by e-mail local part", () => {
    expect(
      ofKind("person", "sam rivera and Priya looked; later Sam, then priya.natarajan, srivera too."),
    ).toEqual(["sam rivera", "Priya", "Sam", "priya.natarajan", "srivera"]);
    const accounts = {
      knownNames: ["jonas.berg@example.com", "admin@example.com", "editor 3"],
      internalDomains: [],
    };
    expect(found("Ask jonas.berg or an admin; editor3 and e3 stay.", accounts)).toEqual([
      "person:jonas.berg",
    ]);
    // "Mark" is an English word and "Al" is shorter than three letters: alone they are not names.
    expect(ofKind("person", "Mark the incident resolved. Al dente pasta.")).toEqual([]);
    expect(findRedactions({ t: "Mark Doe agreed." }, options)[0]?.message).toMatch(/someone at the company/);
  });

  it("flags names the language model finds in text about people it does not know", () => {
    expect(ofKind("person", "Priya said the rollback was safe.")).toEqual(["Priya"]);
    expect(ofKind("person", "Jonas Berg restarted the database. Ana and Tom paged Dr. Chen.")).toEqual([
      "Jonas Berg",
      "Ana",
      "Tom",
      "Dr. Chen",
    ]);
    expect(
      ofKind("person", "Kubernetes evicted pods. Support said sorry. Customers in Jordan waited."),
    ).toEqual([]);
  });

  it("keeps the most specific finding where findings overlap", () => {
    const text =
      "Sam Rivera wrote to sam.rivera@corp.example.com about https://grafana.internal/d/x#ops via 10.0.0.1.";
    expect(found(text)).toEqual([
      "person:Sam Rivera",
      "email:sam.rivera@corp.example.com",
      "internal_url:https://grafana.internal/d/x#ops",
      "ip:10.0.0.1",
    ]);
  });

  it("reports UTF-16 offsets that point at the match, after emoji and accents", () => {
    const fields = {
      title: "Café 🚀 outage",
      summary: "Ünïcødé 👩🏽‍💻 text: Jonas Berg used db-1.internal and 10.0.0.1.",
    };
    const findings = findRedactions(fields, options);
    expect(findings.map((f) => f.match)).toEqual(["Jonas Berg", "db-1.internal", "10.0.0.1"]);
    for (const f of findings) expect(fields.summary.slice(f.start, f.end)).toBe(f.match);
    expect(findings[0]!.start).toBe(fields.summary.indexOf("Jonas"));
  });

  it("lists findings in field order, then by position, each with advice for the writer", () => {
    const findings = findRedactions(
      { title: "OPS-1 and @bob", summary: "", impact: "10.0.0.2 then 10.0.0.1", duration: "about 5 minutes" },
      options,
    );
    expect(findings.map((f) => [f.field, f.match])).toEqual([
      ["title", "OPS-1"],
      ["title", "@bob"],
      ["impact", "10.0.0.2"],
      ["impact", "10.0.0.1"],
    ]);
    expect(findings[0]!.message).toMatch(/ticket.*Remove it/);
  });

  it("checks five fields of a few KB in well under 50 ms once warm", () => {
    const fields = (run: number) =>
      Object.fromEntries(
        ["title", "summary", "impact", "duration", "changes"].map((field, f) => [
          field,
          Array.from({ length: 24 }, (_, i) => CUSTOMER_PROSE[(i + f * 5) % CUSTOMER_PROSE.length]).join(
            " ",
          ) + ` Reference ${run}-${f}.`,
        ]),
      );
    for (let run = 0; run < 5; run++) findRedactions(fields(run), options);
    // Best of five fresh texts (no cached tagging), in CPU time: what the code costs, not how busy the machine is.
    const times = [5, 6, 7, 8, 9].map((run) => {
      const input = fields(run);
      const [cpu, wall] = [process.cpuUsage(), performance.now()];
      const findings = findRedactions(input, options);
      const elapsed = { wall: performance.now() - wall, cpu: cpuMs(process.cpuUsage(cpu)) };
      expect(findings.filter((f) => f.kind === "person").length).toBeGreaterThan(0);
      return elapsed;
    });
    const size = Object.values(fields(0)).reduce((sum, text) => sum + text.length, 0);
    const best = (key: "wall" | "cpu") => Math.min(...times.map((t) => t[key]));
    console.log(
      `findRedactions, 5 fields of ${size} characters: ${best("cpu").toFixed(1)} ms CPU, ${best("wall").toFixed(1)} ms wall`,
    );
    expect(best("cpu")).toBeLessThan(50);
  });
});
