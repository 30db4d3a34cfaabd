import { describe, expect, it } from "vitest";
import { parseCapture } from "./parse-capture.ts";

const now = new Date("2026-03-18T14:30:20Z");

describe("parseCapture", () => {
  it("leaves a plain line for the server to stamp now", () => {
    expect(parseCapture("  Rolled back the deploy ", now)).toEqual({
      ok: true,
      text: "Rolled back the deploy",
    });
  });

  it("back-dates HH:MM to today in UTC", () => {
    expect(parseCapture("14:02 Error rate alert fired", now)).toEqual({
      ok: true,
      text: "Error rate alert fired",
      occurredAt: "2026-03-18T14:02:00Z",
    });
  });

  it("reads HH:MM that is still ahead today as yesterday", () => {
    expect(parseCapture("23:50 Deploy started", now)).toMatchObject({ occurredAt: "2026-03-17T23:50:00Z" });
  });

  it("keeps a time a minute ahead (clock drift) today, as the server accepts it", () => {
    expect(parseCapture("14:31 Paged the database team", now)).toMatchObject({
      occurredAt: "2026-03-18T14:31:00Z",
    });
  });

  it("back-dates a full date and time, with seconds when given", () => {
    expect(parseCapture("2026-03-17 09:05:30 Certificate renewed", now)).toEqual({
      ok: true,
      text: "Certificate renewed",
      occurredAt: "2026-03-17T09:05:30Z",
    });
  });

  it("refuses times and dates that do not exist instead of storing the digits as text", () => {
    expect(parseCapture("25:10 Failover", now)).toEqual({
      ok: false,
      error: expect.stringContaining("25:10"),
    });
    expect(parseCapture("2026-02-30 10:00 Failover", now)).toMatchObject({ ok: false });
  });

  it("refuses a full date in the future", () => {
    expect(parseCapture("2026-03-19 10:00 Failover", now)).toEqual({
      ok: false,
      error: "2026-03-19 10:00 UTC is in the future.",
    });
  });

  it("asks for text after a bare time, and for any text at all", () => {
    expect(parseCapture("14:02", now)).toMatchObject({
      ok: false,
      error: "Add what happened after the time.",
    });
    expect(parseCapture("   ", now)).toMatchObject({ ok: false });
  });

  it("treats digits that are not a leading time as text", () => {
    expect(parseCapture("3:30pm call with the vendor", now)).toEqual({
      ok: true,
      text: "3:30pm call with the vendor",
    });
    expect(parseCapture("Retried 14:02 job", now)).toEqual({ ok: true, text: "Retried 14:02 job" });
  });
});
