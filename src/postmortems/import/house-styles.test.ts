import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx } from "../../../test/factories.ts";
import { createTestDb, type TestDb } from "../../../test/test-db.ts";
import type { WhyNode } from "../../analysis/why-node.ts";
import type { Ctx } from "../../shared/context.ts";
import { DomainError } from "../../shared/errors.ts";
import { loadPostmortemRecord, type PostmortemRecord } from "../export/postmortem-record.ts";
import { importPostmortem, type ImportOptions, type ImportResult } from "./import-postmortem.ts";

/*
 * Post-mortems in the shapes other teams write (SRE book, Confluence, PagerDuty, GitLab issues, teams in
 * London, Berlin, India…), imported and read back as stored. Fixtures: __fixtures__/house-styles/.
 */
const fixture = (name: string): string =>
  readFileSync(new URL(`./__fixtures__/house-styles/${name}.md`, import.meta.url), "utf8");

/** The 1-based line of the first line of `markdown` that contains `text`. */
function lineOf(markdown: string, text: string): number {
  const index = markdown.split("\n").findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line contains ${text}`);
  return index + 1;
}

let testDb: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db);
});
afterAll(() => testDb.destroy());

interface Imported {
  markdown: string;
  result: ImportResult;
  record: PostmortemRecord;
}
const imported = new Map<string, Promise<Imported>>();

/** Imports a fixture once per test file and reads back what was stored. */
function load(name: string, options: ImportOptions = {}): Promise<Imported> {
  const id = `${name}|${options.defaultZone ?? ""}`;
  if (!imported.has(id)) {
    const markdown = fixture(name);
    imported.set(
      id,
      importPostmortem(ctx, markdown, options).then(async (result) => ({
        markdown,
        result,
        record: await loadPostmortemRecord(testDb.db, ctx.clock, result.key),
      })),
    );
  }
  return imported.get(id)!;
}

const times = ({ incident: i }: PostmortemRecord) => ({
  startedAt: i.startedAt,
  detectedAt: i.detectedAt,
  resolvedAt: i.resolvedAt,
});
const entries = (record: PostmortemRecord) => record.timeline.map((e) => [e.occurredAt, e.text]);
const items = (record: PostmortemRecord) =>
  record.actionItems.map((a) => ({
    title: a.title,
    status: a.status,
    owner: a.owner,
    dueDate: a.dueDate,
    type: a.type,
    externalUrl: a.externalUrl,
  }));
const stated = (record: PostmortemRecord) =>
  record.postmortem.statedDurations.map((s) => [s.metric, s.raw, s.minutes]);
const said = (line: number, message: RegExp) => ({ line, message: expect.stringMatching(message) });
const NO_RESOLUTION = /no resolution time is stated/;

async function incidentCount(): Promise<number> {
  return (await testDb.db.selectFrom("incidents").select("id").execute()).length;
}
const everyIncident = () => testDb.db.selectFrom("incidents").selectAll().orderBy("id").execute();

/** Imports a broken variant of a fixture: it must fail with line-numbered errors and store nothing. */
async function failedImport(markdown: string): Promise<{ line: number; message: string }[]> {
  const before = await everyIncident();
  const error = await importPostmortem(ctx, markdown).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("VALIDATION");
  expect(await everyIncident()).toEqual(before);
  return (error as DomainError).errors.map((e) => ({
    line: Number(/^line (\d+)$/.exec(e.path)?.[1]),
    message: e.message,
  }));
}

function breakLine(name: string, from: string, to: string): { markdown: string; line: number } {
  const original = fixture(name);
  expect(original).toContain(from);
  return { markdown: original.replace(from, to), line: lineOf(original, from) };
}

describe("importPostmortem: Google SRE-book style", () => {
  const name = "sre-book";

  it("stores the title, the impact and the sections under their own names", async () => {
    const { record } = await load(name);
    expect(record.incident.title).toBe(
      "Postmortem: Catalogue search outage during the autumn collection launch (incident #2291)",
    );
    expect(record.incident.impact).toMatch(/^About 41% of search queries failed during the outage\./);
    expect(record.postmortem.rootCause).toBe(
      "The query-rewrite cache is rebuilt from scratch on every deploy and was still cold when traffic peaked.\n" +
        "Every cache miss fanned out to all 24 index shards, and the shards ran out of request threads.",
    );
    expect(record.postmortem.detection).toMatch(/^The SearchErrorRatio alert paged/);
    expect(record.postmortem.resolution).toMatch(/^We raised the shard thread pool from 64 to 160/);
    // Hindsight has no field for the trigger; it is kept, not dropped.
    expect(record.postmortem.summary).toContain("went out 40 minutes earlier than the schedule");
  });

  it("reads `HH:mm text` lines under `### YYYY-MM-DD` headings as UTC entries", async () => {
    const { record } = await load(name);
    expect(record.timeline).toHaveLength(9);
    expect(entries(record)).toContainEqual([
      "2024-10-21T14:33:00Z",
      'OUTAGE BEGINS. Shards start rejecting requests with "thread pool exhausted"',
    ]);
    expect(entries(record).at(-1)).toEqual([
      "2024-10-22T09:30:00Z",
      "Review meeting held, action items agreed",
    ]);
  });

  it("takes the incident's start and end from OUTAGE BEGINS / OUTAGE ENDS", async () => {
    const { record } = await load(name);
    expect(times(record)).toMatchObject({
      startedAt: "2024-10-21T14:33:00Z",
      resolvedAt: "2024-10-21T15:36:00Z",
    });
  });

  it("reads the action items table: owner, type, bug link and DONE/TODO", async () => {
    const { record } = await load(name);
    const bug = (n: number) => `https://tracker.example.com/issues/${n}`;
    expect(items(record)).toMatchObject([
      {
        title: expect.stringMatching(/^Warm the query-rewrite cache/),
        type: "prevent",
        owner: "r.okafor",
        externalUrl: bug(4821),
        status: "done",
      },
      {
        title: expect.stringMatching(/^Share the marketing send calendar/),
        type: "process",
        owner: "l.brandt",
        externalUrl: bug(4822),
        status: "open",
      },
      {
        title: expect.stringMatching(/^Alert on shard thread-pool saturation/),
        type: "detect",
        owner: "s.mehta",
        externalUrl: bug(4830),
        status: "open",
      },
      {
        title: expect.stringMatching(/^Add the recommendations kill switch/),
        type: "mitigate",
        owner: "r.okafor",
        externalUrl: bug(4833),
        status: "done",
      },
    ]);
  });

  it("keeps what went well, what went wrong and where we got lucky as lessons", async () => {
    const { record } = await load(name);
    expect(record.postmortem.lessons.wentWell).toEqual([
      "The alert fired within four minutes and paged the right team.",
      "The runbook for raising thread pools was current and worked first time.",
    ]);
    const toImprove = record.postmortem.lessons.toImprove;
    expect(toImprove).toHaveLength(3);
    expect(toImprove[0]).toBe("Nobody on the search team knew the launch had been moved forward.");
    expect(toImprove[2]).toContain("The spike came during European office hours");
  });

  it("warns only that no severity is stated", async () => {
    const { result, record } = await load(name);
    expect(result.warnings).toEqual([said(1, /no severity is stated/)]);
    expect(record.postmortem.importWarnings).toEqual(result.warnings);
  });

  it("refuses a time written 15.18 on its line", async () => {
    const { markdown, line } = breakLine(name, "15:18 Rewrite", "15.18 Rewrite");
    expect(await failedImport(markdown)).toContainEqual(said(line, /15\.18/));
  });

  it("refuses a time written 0930 on its line", async () => {
    const { markdown, line } = breakLine(name, "09:30 Review", "0930 Review");
    expect(await failedImport(markdown)).toContainEqual(said(line, /0930/));
  });
});

describe("importPostmortem: Atlassian/Confluence export", () => {
  const name = "atlassian-confluence";

  it("takes the incident's times from the bold markers of the timeline table", async () => {
    const { record } = await load(name);
    expect(record.incident.title).toBe("Incident postmortem: Merchant webhooks delayed by up to 94 minutes");
    expect(record.incident).toMatchObject({
      startedAt: "2024-04-09T09:12:00Z",
      detectedAt: "2024-04-09T09:31:00Z",
      mitigatedAt: "2024-04-09T10:05:00Z",
      resolvedAt: "2024-04-09T10:47:00Z",
    });
    expect(record.timeline).toHaveLength(7);
    expect(entries(record)[0]).toEqual([
      "2024-04-09T08:55:00Z",
      "Release 2024.04.09-1 deployed, including dispatcher change CHG-3381",
    ]);
    expect(entries(record)[6]).toEqual([
      "2024-04-09T11:30:00Z",
      "Status page updated, merchant support macro published",
    ]);
  });

  it("stores root cause, detection and recovery, and keeps the sections Hindsight has no field for", async () => {
    const { record } = await load(name);
    const pm = record.postmortem;
    expect(pm.rootCause).toMatch(/^Production and staging are rendered from one values template/);
    expect(pm.detection).toMatch(/^A queue-depth monitor alerted the payments on-call at 09:31/);
    expect(pm.resolution).toBe(
      "The configuration change was rolled back at 10:05; the backlog drained by 10:47.",
    );
    expect(record.incident.impact).toMatch(/^About 3,100 merchants received settlement webhooks late/);
    for (const kept of ["Leadup", "Fault", "Response", "Blameless review notes", "Related incidents"]) {
      expect(pm.summary).toContain(`${kept}:\n`);
    }
    expect(pm.summary).toContain("Anyone reviewing it would have approved it.");
  });

  it("reads the severity from the page-properties table", async () => {
    const { record, result } = await load(name);
    expect(record.incident.severity).toBe("P2");
    expect(result.warnings).toEqual([]);
  });

  it("stores the numbered five whys as one chain of answers", async () => {
    const { record } = await load(name);
    const chain: string[] = [];
    for (let nodes: WhyNode[] = record.fiveWhys; nodes.length > 0; nodes = nodes[0]!.children) {
      expect(nodes).toHaveLength(1);
      chain.push(nodes[0]!.text);
    }
    expect(chain).toHaveLength(5);
    expect(chain[0]).toBe(
      "Why were merchant webhooks delayed? Because the queue grew faster than the dispatcher could drain it.",
    );
    expect(chain[4]).toMatch(/^Why was that not caught\?/);
  });

  it("reads the follow-up tasks: check boxes, @owner or Owner:, Due:", async () => {
    const { record } = await load(name);
    expect(items(record)).toMatchObject([
      {
        title: expect.stringContaining("Roll back CHG-3381"),
        status: "done",
        owner: expect.stringMatching(/^@?dana\.whitfield$/),
      },
      {
        title: expect.stringContaining("Add a CI check"),
        status: "open",
        owner: "Tomasz Bielecki",
        dueDate: "2024-05-01",
      },
      {
        title: expect.stringContaining("Alert on webhook queue age"),
        status: "open",
        owner: expect.stringMatching(/^@?priya\.nair$/),
        dueDate: "2024-04-19",
      },
      {
        title: expect.stringContaining("Split the shared values"),
        status: "open",
        owner: "Tomasz Bielecki",
        dueDate: "2024-06-14",
      },
    ]);
  });

  it("refuses a resolution before the declaration, on the resolution's line", async () => {
    const { markdown, line } = breakLine(
      name,
      "| 2024-04-09 10:47 | **Resolved:**",
      "| 2024-04-09 09:35 | **Resolved:**",
    );
    expect(await failedImport(markdown)).toContainEqual(said(line, /before Declared/));
  });
});

describe("importPostmortem: PagerDuty template, 12-hour clock, US zones", () => {
  it("reads `### 2:14 PM` headings in PDT (UTC-7 in July) with the paragraph under each", async () => {
    const { record, result, markdown } = await load("pagerduty-summer");
    expect(record.incident).toMatchObject({
      title: "Checkout latency spike after payments-api v5.12.0",
      severity: "P2",
      startedAt: "2024-07-16T21:14:00Z",
      resolvedAt: "2024-07-16T22:01:00Z",
    });
    expect(record.timeline).toHaveLength(5);
    expect(entries(record)[3]).toEqual([
      "2024-07-16T21:41:00Z",
      "Rollback of payments-api to v5.11.4 starts.",
    ]);
    expect(result.warnings).toContainEqual(said(lineOf(markdown, "### 3:01 PM"), NO_RESOLUTION));
    expect(record.postmortem.summary).toContain(
      "opened a new database connection for every fraud-score lookup",
    );
    expect(record.postmortem.summary).toContain("Jonah Feld, subject matter expert for payments");
    expect(items(record)).toMatchObject([
      { owner: "Jonah Feld", externalUrl: "https://acme.atlassian.net/browse/PAY-2210", status: "open" },
      { owner: "Wen Li", externalUrl: "https://acme.atlassian.net/browse/PAY-2211", status: "open" },
    ]);
  });

  it('keeps "What didn\'t go so well" apart from what went well', async () => {
    const { record } = await load("pagerduty-summer");
    expect(record.postmortem.lessons).toEqual({
      wentWell: [
        "The monitor paged within a minute of the p99 crossing its threshold.",
        "Rolling back took one command and no data migration.",
      ],
      toImprove: [
        "The release load test ran at a tenth of production traffic.",
        "It took 15 minutes to decide to roll back rather than scale the database.",
      ],
    });
  });

  it("reads PST (UTC-8 in January) across midnight, each day from a written-out date heading", async () => {
    const { record, result, markdown } = await load("pagerduty-winter");
    expect(times(record)).toEqual({
      startedAt: "2025-01-15T07:40:00Z",
      detectedAt: null,
      resolvedAt: "2025-01-15T09:10:00Z",
    });
    expect(entries(record).map(([at]) => at)).toEqual([
      "2025-01-15T07:40:00Z",
      "2025-01-15T07:58:00Z",
      "2025-01-15T08:12:00Z",
      "2025-01-15T08:35:00Z",
      "2025-01-15T09:10:00Z",
    ]);
    expect(record.incident.severity).toBe("P3");
    expect(result.warnings).toEqual([said(lineOf(markdown, "### 1:10 AM"), NO_RESOLUTION)]);
    expect(items(record)).toMatchObject([
      { status: "done", owner: "Aaron Pike" },
      { status: "open", owner: "Aaron Pike" },
      { status: "open", owner: "Security" },
    ]);
    expect(record.postmortem.lessons.toImprove).toEqual([
      "The mailer hid authentication errors behind retries.",
      "The key's expiry date was not tracked anywhere.",
    ]);
  });

  it("reads a document with **Date:** and **Duration:** lines that is not Hindsight's template", async () => {
    const { record } = await load("pagerduty-duration-field");
    expect(record.incident).toMatchObject({
      title: "Single sign-on logins failing for enterprise customers",
      severity: "P3",
      startedAt: "2024-11-05T14:05:00Z",
      resolvedAt: "2024-11-05T15:35:00Z",
    });
    expect(record.timeline).toHaveLength(5);
    expect(stated(record)).toEqual([["duration", "1h 30m", 90]]);
    expect(record.actionItems).toHaveLength(2);
  });
});

describe("importPostmortem: GitLab incident issue", () => {
  const name = "gitlab-issue";

  it("reads `- YYYY-MM-DD HH:mm UTC: text` bullets across midnight", async () => {
    const { record } = await load(name);
    expect(times(record)).toEqual({
      startedAt: "2024-03-10T23:55:00Z",
      detectedAt: null,
      resolvedAt: "2024-03-11T01:30:00Z",
    });
    expect(record.timeline).toHaveLength(5);
    expect(entries(record)[1]).toEqual([
      "2024-03-11T00:07:00Z",
      "On-call SRE paged by `RegistryErrorRateHigh`",
    ]);
    expect(record.postmortem.rootCause).toMatch(/^The weekly registry garbage collection was changed/);
  });

  it("stores each corrective action with its issue link, a struck one as won't do", async () => {
    const { record } = await load(name);
    const issue = (n: number) => `https://gitlab.com/acme/infrastructure/-/issues/${n}`;
    expect(items(record)).toMatchObject([
      {
        title: expect.stringMatching(/^Run registry garbage collection outside CI peak hours/),
        externalUrl: issue(17342),
        status: "open",
      },
      {
        title: expect.stringMatching(/^Limit the number of concurrent delete calls/),
        externalUrl: issue(17343),
        status: "open",
      },
      {
        title: expect.stringMatching(/^Move the registry to a second storage bucket/),
        externalUrl: issue(17344),
        status: "wont_do",
      },
      { title: expect.stringContaining("Alert on the pull error ratio per region"), status: "done" },
    ]);
  });

  it("takes a merge request link as the external URL", async () => {
    const { record } = await load(name);
    expect(record.actionItems[3]?.externalUrl).toBe("https://gitlab.com/acme/runbooks/-/merge_requests/902");
  });

  it("reads the GitLab severity label severity::2", async () => {
    const { record } = await load(name);
    expect(record.incident.severity).toBe("P2");
  });

  it("does not warn that no zone is stated when every entry says UTC", async () => {
    const { result } = await load(name);
    expect(result.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/no time zone/));
  });

  it("does not warn about a front matter the document does not have", async () => {
    const { result } = await load(name);
    expect(result.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/front matter/));
  });

  it("refuses an impossible date (2023-02-30) on its line", async () => {
    const { markdown, line } = breakLine(name, "2024-03-11 00:07 UTC", "2023-02-30 00:07 UTC");
    expect(await failedImport(markdown)).toEqual([said(line, /2023-02-30 is not a date/)]);
  });
});

describe("importPostmortem: a UK team in London time around the clocks change", () => {
  const name = "london-clocks-change";

  it("reads GMT before 01:00 on 31 March 2024 and BST after it", async () => {
    const { record, result, markdown } = await load(name);
    expect(entries(record).map(([at]) => at)).toEqual([
      "2024-03-30T23:45:00Z",
      "2024-03-31T00:40:00Z",
      "2024-03-31T01:05:00Z",
      "2024-03-31T05:45:00Z",
      "2024-03-31T06:20:00Z",
      "2024-03-31T06:52:00Z",
    ]);
    expect(entries(record)[2]?.[1]).toBe(
      "Clocks have gone forward; the second step is still waiting for 01:30",
    );
    expect(times(record)).toEqual({
      startedAt: "2024-03-30T23:45:00Z",
      detectedAt: null,
      resolvedAt: "2024-03-31T06:52:00Z",
    });
    expect(result.warnings).toEqual([said(lineOf(markdown, "| 2024-03-31 07:52 |"), NO_RESOLUTION)]);
  });

  it("keeps the ## Metrics durations as stated, and the contributing factors and owners", async () => {
    const { record } = await load(name);
    expect(stated(record)).toEqual([
      ["detection", "6h 5m", 365],
      ["resolve", "7h 12m", 432],
    ]);
    expect(record.postmortem.contributingFactors).toEqual([
      'The job had no alert for "did not start", only for "failed".',
      "The runbook for the clocks change covered the autumn change but not the spring one.",
    ]);
    expect(record.actionItems.map((a) => a.owner)).toEqual(["Harriet Cole", "Sam Oyelaran"]);
  });

  it("refuses a local time that did not exist (01:30 on 31 March) on its line", async () => {
    const { markdown, line } = breakLine(name, "| 2024-03-31 02:05 |", "| 2024-03-31 01:30 |");
    expect(await failedImport(markdown)).toEqual([said(line, /01:30 did not happen in Europe\/London/)]);
  });

  it("refuses a five-digit year (20233) on its line", async () => {
    const { markdown, line } = breakLine(name, "| 2024-03-31 06:45 |", "| 20233-03-31 06:45 |");
    expect(await failedImport(markdown)).toEqual([said(line, /20233 is not a year/)]);
  });

  it("refuses a time written 0720 on its line", async () => {
    const { markdown, line } = breakLine(name, "| 2024-03-31 07:20 |", "| 2024-03-31 0720 |");
    expect(await failedImport(markdown)).toEqual([said(line, /0720 is not a time/)]);
  });
});

describe("importPostmortem: zones stated as IST, CEST, CET and UTC+1", () => {
  it("reads IST as UTC+05:30 and keeps bold **Time to detect:** fields as stated durations", async () => {
    const { record } = await load("india-ist");
    expect(record.incident.severity).toBe("P1");
    expect(times(record)).toEqual({
      startedAt: "2024-08-19T03:42:00Z",
      detectedAt: null,
      resolvedAt: "2024-08-19T04:50:00Z",
    });
    expect(record.timeline).toHaveLength(6);
    expect(entries(record)[3]).toEqual(["2024-08-19T04:15:00Z", "Consumer replicas scaled from 6 to 18"]);
    expect(stated(record)).toEqual([
      ["detection", "12 minutes", 12],
      ["mitigation", "41 minutes", 41],
    ]);
  });

  it("refuses a time written 9.45 on its line", async () => {
    const { markdown, line } = breakLine("india-ist", "- 09:45 —", "- 9.45 —");
    expect(await failedImport(markdown)).toEqual([said(line, /9\.45 is not a time: write 09:45/)]);
  });

  it("reads CEST in July as UTC+2 and keeps the Metrics list, Duration included", async () => {
    const { record, result, markdown } = await load("berlin-cest-summer");
    expect(times(record)).toEqual({
      startedAt: "2024-07-03T12:05:00Z",
      detectedAt: null,
      resolvedAt: "2024-07-03T13:19:00Z",
    });
    expect(entries(record)[1]).toEqual([
      "2024-07-03T12:14:00Z",
      "Freshness alert fires for the timetable feed",
    ]);
    expect(stated(record)).toEqual([
      ["detection", "9 minutes", 9],
      ["recovery", "1h 14m", 74],
      ["duration", "1h 14m", 74],
    ]);
    expect(result.warnings).toEqual([said(lineOf(markdown, "| 2024-07-03 15:19 |"), NO_RESOLUTION)]);
  });

  it("reads CET in December as UTC+1, stated in a sentence of the summary", async () => {
    const { record } = await load("berlin-cet-winter");
    expect(record.incident.severity).toBe("P1");
    expect(entries(record)).toEqual([
      ["2023-12-12T06:38:00Z", "Payment gateway certificate renewed automatically"],
      ["2023-12-12T06:41:00Z", "Ticket machines start rejecting card payments with a TLS handshake error"],
      ["2023-12-12T06:52:00Z", "Regional operations centre reports card failures by phone"],
      ["2023-12-12T07:20:00Z", "Machines pinned to the new certificate's intermediate"],
      ["2023-12-12T07:31:00Z", "Card payments succeed again across all regions; incident resolved"],
    ]);
  });

  it("refuses a time written 0820 in a list", async () => {
    const { markdown, line } = breakLine("berlin-cet-winter", "- 08:20 —", "- 0820 —");
    expect(await failedImport(markdown)).toEqual([said(line, /0820 is not a time/)]);
  });

  it("reads UTC+1 as a fixed offset, not as a zone with summer time", async () => {
    const { record } = await load("utc-plus-one");
    expect(times(record)).toEqual({
      startedAt: "2024-07-22T09:00:00Z",
      detectedAt: null,
      resolvedAt: "2024-07-22T09:35:00Z",
    });
    expect(record.timeline).toHaveLength(4);
  });

  it("suggests a 12-hour time for a 12-hour time written with a dot (2.41 PM)", async () => {
    const { markdown, line } = breakLine("pagerduty-summer", "### 2:41 PM", "### 2.41 PM");
    expect(await failedImport(markdown)).toEqual([said(line, /2\.41 PM is not a time: write 2:41 PM/)]);
  });
});

describe("importPostmortem: date-only rows, unknown times, rows out of order", () => {
  it("stores a date-only row and an HH:mm row at 00:00 UTC of their day, and keeps a row out of order", async () => {
    const { record, result, markdown } = await load("dated-rows");
    expect(record.timeline).toHaveLength(6);
    expect(entries(record)).toContainEqual([
      "2024-02-05T00:00:00Z",
      "Migration plan approved at the architecture review",
    ]);
    expect(entries(record)).toContainEqual([
      "2024-02-07T00:00:00Z",
      "Customer reports a missing postcode on a delivery note (exact time not recorded)",
    ]);
    expect(entries(record)).toContainEqual([
      "2024-02-07T14:10:00Z",
      "Support ticket about the missing postcode escalated to the data team",
    ]);
    expect(times(record)).toEqual({
      startedAt: "2024-02-06T08:00:00Z",
      detectedAt: null,
      resolvedAt: "2024-02-09T10:15:00Z",
    });
    const unknownTime = lineOf(markdown, "| 2024-02-07 HH:mm |");
    expect(result.warnings).toEqual([
      said(lineOf(markdown, "| 2024-02-05  "), /no time of day is given/),
      said(unknownTime, /time not stated/),
      said(unknownTime, /no time of day is given/),
      said(lineOf(markdown, "| 2024-02-07 14:10 |"), /earlier than the entry before it/),
      said(lineOf(markdown, "| 2024-02-09 10:15 |"), NO_RESOLUTION),
    ]);
    expect(record.postmortem.importWarnings).toEqual(result.warnings);
    expect(stated(record)).toEqual([
      ["detection", "1d 6h 10m", 1810],
      ["resolve", "3d 2h 15m", 4455],
      ["duration", "3d 2h 15m", 4455],
    ]);
  });

  it("reads separate Date and Time columns, Copenhagen time, the repeated hour as its first pass", async () => {
    const { record, result, markdown } = await load("copenhagen-date-time-columns");
    expect(entries(record).map(([at]) => at)).toEqual([
      "2024-10-26T23:55:00Z",
      "2024-10-27T00:30:00Z",
      "2024-10-27T08:10:00Z",
      "2024-10-27T09:05:00Z",
    ]);
    expect(result.warnings).toContainEqual(said(lineOf(markdown, "| 02:30 |"), /ambiguous/));
  });
});

describe("importPostmortem: a document that states no zone", () => {
  it("reads its times in the team's zone when one is given, without a warning about the zone", async () => {
    const { record, result } = await load("no-zone", { defaultZone: "Europe/London" });
    expect(record.incident.startedAt).toBe("2024-06-03T07:15:00Z");
    expect(entries(record)[3]).toEqual([
      "2024-06-03T09:20:00Z",
      "Rebuild finishes and releases the lock; queued deploys go out; resolved",
    ]);
    expect(result.warnings.map((w) => w.message)).not.toContainEqual(expect.stringMatching(/no time zone/));
  });

  it("reads its times as UTC without one, and warns on the timeline", async () => {
    const markdown = fixture("no-zone").replace("blocked deploys", "blocked every deploy");
    const result = await importPostmortem(ctx, markdown);
    expect(result.status).toBe("imported");
    const record = await loadPostmortemRecord(testDb.db, ctx.clock, result.key);
    expect(record.incident.startedAt).toBe("2024-06-03T08:15:00Z");
    expect(result.warnings).toContainEqual(said(lineOf(markdown, "## Timeline"), /no time zone is stated/));
  });

  it("reads the same document again when the team's zone changes", async () => {
    const { markdown, result } = await load("no-zone", { defaultZone: "Europe/London" });
    const again = await importPostmortem(ctx, markdown, { defaultZone: "UTC" });
    expect(again).toMatchObject({ status: "updated", key: result.key });
    const record = await loadPostmortemRecord(testDb.db, ctx.clock, result.key);
    expect(record.incident.startedAt).toBe("2024-06-03T08:15:00Z");
  });
});

describe("importPostmortem: importing another team's document again", () => {
  it.each(["atlassian-confluence", "london-clocks-change", "berlin-cest-summer"])(
    "reports the same bytes of %s as unchanged and an edit as updated, never a second incident",
    async (name) => {
      const { result, markdown, record: first } = await load(name);
      const before = await incidentCount();
      expect(await importPostmortem(ctx, markdown)).toMatchObject({ status: "unchanged", key: result.key });
      const edited = markdown.replace(/^## Root cause$/im, "$&\n\nEdited after the review.");
      expect(edited).not.toBe(markdown);
      expect(await importPostmortem(ctx, edited)).toMatchObject({ status: "updated", key: result.key });
      expect(await incidentCount()).toBe(before);
      const record = await loadPostmortemRecord(testDb.db, ctx.clock, result.key);
      expect(record.postmortem.rootCause).toMatch(/^Edited after the review\.\n\n/);
      expect(entries(record)).toEqual(entries(first));
      expect(record.actionItems).toHaveLength(first.actionItems.length);
      expect(await importPostmortem(ctx, edited)).toMatchObject({ status: "unchanged", key: result.key });
    },
  );
});

describe("importPostmortem: telling two documents apart", () => {
  it("keeps two post-mortems of the same day whose titles differ only in brackets", async () => {
    const region = (name: string) =>
      fixture("berlin-cet-winter").replace(
        "# Ticket machines rejected card payments",
        `# Card readers offline (${name} region)`,
      );
    const north = await importPostmortem(ctx, region("north"));
    const south = await importPostmortem(ctx, region("south"));
    expect([north.status, south.status]).toEqual(["imported", "imported"]);
    expect(south.key).not.toBe(north.key);
  });
});
