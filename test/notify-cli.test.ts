import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight } from "./cli-process.ts";

describe("hindsight reminders run", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hindsight-reminders-"));
    env = {
      ...process.env,
      HINDSIGHT_DB: join(dir, "hindsight.db"),
      DATABASE_URL: "",
      HINDSIGHT_SMTP_URL: "",
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs one pass for cron and prints what it did", async () => {
    const result = await runHindsight(["reminders", "run", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      reminders: { reminders: 0, deliveries: 0 },
      events: { events: 0, deliveries: 0 },
      deliveries: { sent: 0, retrying: 0, failed: 0 },
    });
  }, 60_000);

  it("refuses an SMTP URL it cannot use, naming the variable but not echoing the password", async () => {
    const result = await runHindsight(["reminders", "run"], {
      ...env,
      HINDSIGHT_SMTP_URL: "http://mailer:hunter2-secret@mail.example.com",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("HINDSIGHT_SMTP_URL");
    expect(result.stderr).not.toContain("hunter2-secret");
  }, 60_000);
});
