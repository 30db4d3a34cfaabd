import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownDatabaseEnv, runHindsight } from "./cli-process.ts";

interface Outcome {
  file: string;
  status: string;
  key: string | null;
  warnings: { line: number | null; message: string }[];
  errors: { line: number | null; message: string }[];
}

interface Exported {
  incident: { title: string; startedAt: string; resolvedAt: string | null };
  timeline: { occurredAt: string; text: string }[];
}

const FIXTURES = join(
  import.meta.dirname,
  "..",
  "src",
  "postmortems",
  "import",
  "__fixtures__",
  "house-styles",
);
const fixture = (name: string) => readFileSync(join(FIXTURES, `${name}.md`), "utf8");
const lineOf = (markdown: string, text: string) =>
  markdown.split("\n").findIndex((l) => l.includes(text)) + 1;
const BAD_YEAR = ["| 2024-03-31 06:45 |", "| 20233-03-31 06:45 |"] as const;

// Other teams' post-mortems through the real executable, into a SQLite file or a PostgreSQL database of its own.
describe("hindsight import of other teams' post-mortems", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const hindsight = (args: string[]) => runHindsight(args, env);
  let dropDatabase = async () => {};
  const docs = () => join(dir, "docs");
  const file = (name: string) => join(docs(), `${name}.md`);

  async function incidents(): Promise<{ key: string; title: string }[]> {
    const listed = await hindsight(["incident", "list", "--json"]);
    expect(listed.code).toBe(0);
    return JSON.parse(listed.stdout) as { key: string; title: string }[];
  }

  async function exported(key: string): Promise<Exported> {
    const result = await hindsight(["export", key, "--format", "json"]);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Exported;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-house-style-"));
    ({ env, drop: dropDatabase } = await ownDatabaseEnv(dir, "hindsight_house"));
    mkdirSync(docs());
    for (const name of ["berlin-cest-summer", "london-clocks-change", "no-zone"]) {
      writeFileSync(file(name), fixture(name));
    }
    writeFileSync(file("broken"), fixture("london-clocks-change").replace(...BAD_YEAR));
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase();
  });

  const expected = (status: string, keys: (string | null)[]): Outcome[] => {
    const london = fixture("london-clocks-change");
    const noZone = fixture("no-zone");
    const berlin = fixture("berlin-cest-summer");
    const noResolution = expect.stringMatching(/^no resolution time is stated/) as string;
    return [
      {
        file: file("berlin-cest-summer"),
        status,
        key: keys[0]!,
        warnings: [{ line: lineOf(berlin, "| 2024-07-03 15:19 |"), message: noResolution }],
        errors: [],
      },
      {
        file: file("broken"),
        status: "failed",
        key: null,
        warnings: [],
        errors: [
          { line: lineOf(london, BAD_YEAR[0]), message: expect.stringMatching(/20233 is not a year/) },
        ],
      },
      {
        file: file("london-clocks-change"),
        status,
        key: keys[1]!,
        warnings: [{ line: lineOf(london, "| 2024-03-31 07:52 |"), message: noResolution }],
        errors: [],
      },
      {
        file: file("no-zone"),
        status,
        key: keys[2]!,
        warnings: [{ line: lineOf(noZone, "2024-06-03 10:20"), message: noResolution }],
        errors: [],
      },
    ];
  };

  const marsImport = () => hindsight(["import", docs(), "--format", "json", "--timezone", "Mars/Olympus"]);

  it("exits 2 with one line when --timezone names no zone, and stores nothing", async () => {
    const result = await marsImport();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain('"Mars/Olympus" is not a time zone');
    expect(await incidents()).toEqual([]);
  }, 60_000);

  it("names the --timezone option in that message", async () => {
    expect((await marsImport()).stderr).toContain("--timezone");
  }, 60_000);

  it("with --dry-run reports what each file would do and stores nothing", async () => {
    const result = await hindsight([
      "import",
      docs(),
      "--dry-run",
      "--format",
      "json",
      "--timezone",
      "Europe/London",
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(expected("imported", ["INC-1", "INC-2", "INC-3"]));
    expect(await incidents()).toEqual([]);
  }, 120_000);

  it("imports a folder with --timezone Europe/London: each file's status, key, warnings and errors", async () => {
    const result = await hindsight(["import", docs(), "--format", "json", "--timezone", "Europe/London"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expected("imported", ["INC-1", "INC-2", "INC-3"]));
    expect((await incidents()).map((i) => i.title).sort()).toEqual([
      "Search index rebuild blocked deploys",
      "Settlement file missed on the night the clocks went forward",
      "Timetable API served stale departures",
    ]);

    // The document that states no zone is read in London time (BST in June)...
    const noZone = await exported("INC-3");
    expect(noZone.incident.startedAt).toBe("2024-06-03T07:15:00Z");
    expect(noZone.timeline.map((e) => e.occurredAt)).toEqual([
      "2024-06-03T07:15:00Z",
      "2024-06-03T07:40:00Z",
      "2024-06-03T08:05:00Z",
      "2024-06-03T09:20:00Z",
    ]);
    // ...while a document that states its zone keeps it (CEST, UTC+2).
    expect((await exported("INC-1")).incident.startedAt).toBe("2024-07-03T12:05:00Z");
    expect((await exported("INC-2")).timeline[2]).toMatchObject({
      occurredAt: "2024-03-31T01:05:00Z",
      text: "Clocks have gone forward; the second step is still waiting for 01:30",
    });
  }, 120_000);

  it("reports the same folder as unchanged, and an edited file as updated without a new incident", async () => {
    const again = await hindsight(["import", docs(), "--format", "json", "--timezone", "Europe/London"]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual(expected("unchanged", ["INC-1", "INC-2", "INC-3"]));

    writeFileSync(
      file("no-zone"),
      fixture("no-zone").replace(
        "First deploy pipeline times out",
        "First deploy pipeline (checkout) times out",
      ),
    );
    const edited = await hindsight(["import", file("no-zone"), "--timezone", "Europe/London"]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toMatch(/^0 imported, 1 updated, 0 unchanged, 0 failed\n/);
    expect(await incidents()).toHaveLength(3);
    expect((await exported("INC-3")).timeline[1]?.text).toBe(
      "First deploy pipeline (checkout) times out waiting for the lock",
    );
  }, 120_000);
});
