import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWhen, type WhenContext } from "./when.ts";
import type { StatedZone } from "./zone.ts";

const UTC: WhenContext = { zone: null, date: null };
const CET: StatedZone = { zone: "Europe/Berlin", label: "CET" };
const LONDON: StatedZone = { zone: "Europe/London", label: "London time" };
const inZone = (zone: StatedZone | null, date: string | null = null): WhenContext => ({ zone, date });

function ok(text: string, context: WhenContext = UTC) {
  const when = readWhen(text, context);
  if (!when.ok) throw new Error(`expected ${JSON.stringify(text)} to read, got: ${when.message}`);
  return when;
}
function failure(text: string, context: WhenContext = UTC) {
  const when = readWhen(text, context);
  if (when.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${when.at}`);
  return when;
}

describe("readWhen: the accepted forms", () => {
  it.each([
    ["2021-12-10 15:40", "2021-12-10T15:40:00Z", "minute", 16],
    ["2021-12-10   15:40", "2021-12-10T15:40:00Z", "minute", 18],
    ["2021-12-10T15:40:00Z", "2021-12-10T15:40:00Z", "second", 20],
    ["2021-12-10T15:40:00.250Z", "2021-12-10T15:40:00Z", "second", 24],
    ["2021-12-10T15:40:00+01:00", "2021-12-10T14:40:00Z", "second", 25],
    ["2021-12-10T15:40-0500", "2021-12-10T20:40:00Z", "minute", 21],
    ["2021-12-10T15:40", "2021-12-10T15:40:00Z", "minute", 16],
    ["2021-12-10 15:40:12", "2021-12-10T15:40:12Z", "second", 19],
    ["2021-12-10 9:29", "2021-12-10T09:29:00Z", "minute", 15],
    ["2021-3-5 09:29", "2021-03-05T09:29:00Z", "minute", 14],
    ["March 3, 2021", "2021-03-03T00:00:00Z", "day", 13],
    ["3 March 2021", "2021-03-03T00:00:00Z", "day", 12],
    ["3rd of March 2021", "2021-03-03T00:00:00Z", "day", 17],
    ["Mar 3, 2021", "2021-03-03T00:00:00Z", "day", 11],
    ["Sept 3, 2021", "2021-09-03T00:00:00Z", "day", 12],
    ["Wednesday, 3 March 2021", "2021-03-03T00:00:00Z", "day", 23],
    ["Wed, March 3, 2021", "2021-03-03T00:00:00Z", "day", 18],
    ["3 March 2021, 14:02", "2021-03-03T14:02:00Z", "minute", 19],
    ["3 March 2021 at 14:02", "2021-03-03T14:02:00Z", "minute", 21],
    ["March 3, 2021 14:02", "2021-03-03T14:02:00Z", "minute", 19],
    ["2021-12-10, 14:02", "2021-12-10T14:02:00Z", "minute", 17],
    ["2021-12-10 at 14:02", "2021-12-10T14:02:00Z", "minute", 19],
    ["2021-12-10 - 14:02", "2021-12-10T14:02:00Z", "minute", 18],
    ["Dec 10, 2021 3:40 PM", "2021-12-10T15:40:00Z", "minute", 20],
    ["Friday, December 10, 2021, 3:40 PM", "2021-12-10T15:40:00Z", "minute", 34],
    ["10.12.2021 15:40", "2021-12-10T15:40:00Z", "minute", 16],
    ["2021-12-10 8:52\u202fPM", "2021-12-10T20:52:00Z", "minute", 18],
    ["2021-12-10", "2021-12-10T00:00:00Z", "day", 10],
    ["March 2021", "2021-03-01T00:00:00Z", "month", 10],
    ["2022-05", "2022-05-01T00:00:00Z", "month", 7],
  ])("reads %j as %s (%s precision, %d characters)", (text, at, precision, consumed) => {
    const when = ok(text);
    expect({ at: when.at, precision: when.precision, consumed: when.consumed, notes: when.notes }).toEqual({
      at,
      precision,
      consumed,
      notes: [],
    });
  });

  it("gives the local date and the zone the value was read in", () => {
    expect(ok("2021-12-10 00:30", inZone(CET))).toMatchObject({
      at: "2021-12-09T23:30:00Z",
      localDate: "2021-12-10",
      zone: "Europe/Berlin",
    });
    expect(ok("2021-12-10T15:40:00+01:00")).toMatchObject({ localDate: "2021-12-10", zone: "UTC+1" });
  });

  it("leaves the rest of the line for the caller, counting leading spaces", () => {
    const text = "  2023-01-11 14:22: Cloud Platform team member observed failures";
    const when = ok(text);
    expect(when.at).toBe("2023-01-11T14:22:00Z");
    expect(text.slice(when.consumed)).toBe(": Cloud Platform team member observed failures");
    const counted = "2021-12-10 - 15 pods restarted";
    expect(ok(counted)).toMatchObject({ precision: "day", consumed: 10 });
    const dashed = "2023-06-06 10:23 - User reported that their production pods were down";
    expect(dashed.slice(ok(dashed).consumed)).toBe(" - User reported that their production pods were down");
  });

  it.each([
    ["15:40", "2021-12-10T15:40:00Z", "minute"],
    ["9:29", "2021-12-10T09:29:00Z", "minute"],
    ["15:40:12", "2021-12-10T15:40:12Z", "second"],
    ["08:52 PM", "2021-12-10T20:52:00Z", "minute"],
    ["8:52pm", "2021-12-10T20:52:00Z", "minute"],
    ["8:52 p.m.", "2021-12-10T20:52:00Z", "minute"],
    ["8:52 AM", "2021-12-10T08:52:00Z", "minute"],
    ["12:05 AM", "2021-12-10T00:05:00Z", "minute"],
    ["12:00 AM", "2021-12-10T00:00:00Z", "minute"],
    ["12:30 PM", "2021-12-10T12:30:00Z", "minute"],
    ["11:59 PM", "2021-12-10T23:59:00Z", "minute"],
    ["8 PM", "2021-12-10T20:00:00Z", "minute"],
    ["8pm", "2021-12-10T20:00:00Z", "minute"],
  ])("reads the time-only %j on the context's date", (text, at, precision) => {
    const when = ok(text, inZone(null, "2021-12-10"));
    expect({ at: when.at, precision: when.precision, consumed: when.consumed }).toEqual({
      at,
      precision,
      consumed: text.length,
    });
  });

  it("refuses a time without a date when the context has none", () => {
    expect(failure("15:40").message).toMatch(/^a time without a date \(15:40\)/);
  });
});

describe("readWhen: zones and daylight saving", () => {
  it.each([
    ["CET in January is UTC+1", "2021-01-15 12:00", CET, "2021-01-15T11:00:00Z"],
    ['"CET" in July takes the summer offset, UTC+2', "2021-07-15 12:00", CET, "2021-07-15T10:00:00Z"],
    ["London in winter is UTC", "2023-01-11 14:22", LONDON, "2023-01-11T14:22:00Z"],
    ["London in summer is BST, UTC+1", "2023-07-25 14:05", LONDON, "2023-07-25T13:05:00Z"],
    [
      "London before spring forward (last Sunday of March)",
      "2021-03-28 00:30",
      LONDON,
      "2021-03-28T00:30:00Z",
    ],
    ["London after spring forward", "2021-03-28 02:30", LONDON, "2021-03-28T01:30:00Z"],
    ["London after fall back (last Sunday of October)", "2021-10-31 02:30", LONDON, "2021-10-31T02:30:00Z"],
    ["a fixed offset", "2021-07-15 12:00", { zone: "UTC+5:30", label: "UTC+5:30" }, "2021-07-15T06:30:00Z"],
    ["no stated zone is UTC", "2021-07-15 12:00", null, "2021-07-15T12:00:00Z"],
  ])("%s", (_name, text, zone, at) => {
    expect(ok(text, inZone(zone)).at).toBe(at);
  });

  it.each([
    ["2021-12-10 14:02 UTC", CET, "2021-12-10T14:02:00Z", "UTC"],
    ["2021-12-10 14:02Z", CET, "2021-12-10T14:02:00Z", "UTC"],
    ["2021-12-10 14:02 (UTC)", CET, "2021-12-10T14:02:00Z", "UTC"],
    ["2021-07-01 10:00 BST", null, "2021-07-01T09:00:00Z", "Europe/London"],
    ["2021-07-01 10:00 London time", null, "2021-07-01T09:00:00Z", "Europe/London"],
    ["2021-12-10 14:02 ET", null, "2021-12-10T19:02:00Z", "America/New_York"],
    ["2021-12-10 14:02 UTC+1", null, "2021-12-10T13:02:00Z", "UTC+1"],
    ["2021-12-10 14:02 Europe/Helsinki", null, "2021-12-10T12:02:00Z", "Europe/Helsinki"],
    ["2021-12-10T15:40:00Z", CET, "2021-12-10T15:40:00Z", "UTC"],
    ["2021-12-10T15:40:00+01:00 CET", null, "2021-12-10T14:40:00Z", "UTC+1"],
    ["2021-12-10 15:40:00+01:00", CET, "2021-12-10T14:40:00Z", "UTC+1"],
  ])("lets the zone written with %j override the document's", (text, zone, at, read) => {
    const when = ok(text, inZone(zone));
    expect({ at: when.at, zone: when.zone, consumed: when.consumed }).toEqual({
      at,
      zone: read,
      consumed: text.length,
    });
  });

  it("reads a zone label after a 12-hour time", () => {
    expect(ok("3:15 PM PST", inZone(CET, "2021-07-01"))).toMatchObject({
      at: "2021-07-01T22:15:00Z",
      zone: "America/Los_Angeles",
      consumed: 11,
    });
  });

  it("does not take a word after the time for a zone", () => {
    const text = "2021-12-10 14:02 CET-team restarted pods";
    expect(ok(text).consumed).toBe(16);
    expect(ok("2021-12-10 14:02 GET requests failed").zone).toBe("UTC");
  });

  it.each([
    ["2021-03-28 02:30", CET, "Europe/Berlin"],
    ["2021-03-28 01:30", LONDON, "Europe/London"],
    ["2021-03-14 02:30", { zone: "America/New_York", label: "ET" }, "America/New_York"],
  ])("refuses %j, which never happened in %s (spring forward)", (text, zone, name) => {
    const when = failure(text, inZone(zone));
    expect(when.message).toBe(
      `${text} did not happen in ${name}: the clocks went forward that night; check the time`,
    );
  });

  it.each([
    ["2021-10-31 02:30", CET, "2021-10-31T00:30:00Z"],
    ["2021-10-31 01:30", LONDON, "2021-10-31T00:30:00Z"],
  ])("takes the first occurrence of %j, which happened twice, and says so", (text, zone, at) => {
    const when = ok(text, inZone(zone));
    expect(when.at).toBe(at);
    expect(when.notes).toEqual([
      `ambiguous: ${text} happened twice in ${zone.zone} (the clocks went back); took the first, ${at}`,
    ]);
  });

  it("puts a date without a time at 00:00Z of that calendar date, whatever the zone", () => {
    expect(ok("2021-12-10", inZone(CET))).toMatchObject({ at: "2021-12-10T00:00:00Z", precision: "day" });
    expect(ok("2021-07-01", inZone({ zone: "Pacific/Auckland", label: "NZ" })).at).toBe(
      "2021-07-01T00:00:00Z",
    );
  });
});

describe("readWhen: what the author did not state", () => {
  it.each([
    ["2021-12-10 HH:mm", "2021-12-10T00:00:00Z", "day", ["time not stated"]],
    ["2021-12-10 --:--", "2021-12-10T00:00:00Z", "day", ["time not stated"]],
    ["2023-01-04 (Time TBC)", "2023-01-04T00:00:00Z", "day", ["time not stated (Time TBC)"]],
    ["2022-02-?? ??:??", "2022-02-01T00:00:00Z", "month", []],
    ["2022-05-?? HH:mm", "2022-05-01T00:00:00Z", "month", []],
    ["2022-05-??", "2022-05-01T00:00:00Z", "month", []],
    ["2022-05-?? 10:00", "2022-05-01T00:00:00Z", "month", ["the day is not stated, so 10:00 is not used"]],
  ])("reads %j as %s (%s precision)", (text, at, precision, notes) => {
    expect(ok(text)).toMatchObject({ at, precision, notes, consumed: text.length });
  });

  it("marks an approximate time", () => {
    expect(ok("~2025-03-03 19:30")).toMatchObject({
      at: "2025-03-03T19:30:00Z",
      notes: ["approximate (~)"],
      consumed: 17,
    });
    expect(ok("about 14:00", inZone(null, "2025-03-03")).notes).toEqual(["approximate (about)"]);
  });

  it.each([
    ["2020-10-06 09:00 - 11:00", "2020-10-06T09:00:00Z", "the range ends 11:00"],
    ["2020-10-06 09:00–11:00", "2020-10-06T09:00:00Z", "the range ends 11:00"],
    ["2020-10-06 09:00 to 11:00", "2020-10-06T09:00:00Z", "the range ends 11:00"],
    ["2022-08-03 12:26-12:??", "2022-08-03T12:26:00Z", "range end not stated (12:??)"],
    ["2020-10-06 23:00 - 2020-10-07 01:00", "2020-10-06T23:00:00Z", "the range ends 2020-10-07 01:00"],
  ])("reads the range %j as its start", (text, at, note) => {
    expect(ok(text)).toMatchObject({ at, notes: [note], consumed: text.length });
  });

  it("applies a zone written after a range's end to its start", () => {
    expect(ok("2020-10-06 09:00 - 11:00 CET").at).toBe("2020-10-06T07:00:00Z");
  });
});

describe("readWhen: errors in the source", () => {
  it.each([
    ["11.50", "11.50 is not a time: write 11:50"],
    ["2022-03-10 11.50", "11.50 is not a time: write 11:50"],
    ["1600", "1600 is not a time: write 16:00"],
    ["2025-01-14 1600", "1600 is not a time: write 16:00"],
    ["22025-03-18 09:36", "22025 is not a year (in 22025-03-18): write a four-digit year, YYYY-MM-DD"],
    ["20202-01-24 12:00", "20202 is not a year (in 20202-01-24): write a four-digit year, YYYY-MM-DD"],
    ["2021-13-01", "2021-13-01 is not a date: there is no month 13"],
    ["2021-00-10", "2021-00-10 is not a date: there is no month 00"],
    ["2021-02-29 10:00", "2021-02-29 is not a date: February 2021 has 28 days"],
    ["2021-04-31", "2021-04-31 is not a date: April 2021 has 30 days"],
    ["2021-12-10 25:00", "25:00 is not a time: hours run 00 to 23 (write midnight as 00:00 of the next day)"],
    ["2021-12-10 24:00", "24:00 is not a time: hours run 00 to 23 (write midnight as 00:00 of the next day)"],
    ["2021-12-10 14:60", "14:60 is not a time: minutes run 00 to 59"],
    ["2021-12-10 14:59:60", "14:59:60 is not a time: seconds run 00 to 59"],
    [
      "2021-12-10 13:00 PM",
      "13:00 PM is not a time: with AM/PM the hour runs 1 to 12; write 13:00 without it",
    ],
    [
      "2021-12-10 00:30 AM",
      "00:30 AM is not a time: with AM/PM the hour runs 1 to 12; write 00:30 without it",
    ],
    ["2021/22-??-?? HH:mm", "2021/22-??-?? states no single year: write the date as YYYY-MM-DD"],
    ["2022-??-??", "2022-??-?? states no month: write at least the year and month, like 2022-05-??"],
    ["20xx-MM-DD HH:mm", "20xx-MM-DD is a placeholder, not a date: write the date as YYYY-MM-DD"],
    [
      "2021-12-10T15:40:00+01:00 PST",
      "2021-12-10T15:40:00+01:00 PST states two different zones (+01:00 and PST): write only one",
    ],
    [
      "2021-12-10T15:40:00Z CET",
      "2021-12-10T15:40:00Z CET states two different zones (Z and CET): write only one",
    ],
    ["1989-12-31", "1989 is not a plausible year (in 1989-12-31): write a year between 1990 and 2100"],
    ["2101-01-01", "2101 is not a plausible year (in 2101-01-01): write a year between 1990 and 2100"],
    [
      "10/12/2021",
      "10/12/2021 is not a clear date (day and month order differ by country): write it as YYYY-MM-DD",
    ],
    [
      "12/25/2021",
      "12/25/2021 is not a clear date (day and month order differ by country): write it as 2021-12-25",
    ],
    ["31.04.2021", "31.04.2021 is not a date: April 2021 has 30 days"],
    [
      "Tuesday, 3 March 2021",
      "Tuesday, 3 March 2021 names the wrong weekday: 3 March 2021 was a Wednesday; check the date",
    ],
    ["5 May, the team met", "5 May has no year: write it with the year, like 5 May 2021"],
    [
      "2020-10-06 09:00 - 25:00",
      "25:00 is not a time: hours run 00 to 23 (write midnight as 00:00 of the next day)",
    ],
  ])("refuses %j", (text, message) => {
    expect(failure(text, inZone(null, "2021-12-10"))).toEqual({ ok: false, kind: "invalid", message });
  });

  it.each([
    "Some text",
    "",
    "1.17 creates 2 additional rules",
    "2 of the 6 pods",
    "3-5 pods",
    "25Gi to 50Gi",
  ])("says %j does not start with a date or time at all (kind absent)", (text) => {
    const when = failure(text, inZone(null, "2021-12-10"));
    expect(when.kind).toBe("absent");
    expect(when.message).toMatch(/write the date and time as YYYY-MM-DD HH:mm$/);
  });
});

const MANIFEST = join(import.meta.dirname, "..", "..", "..", "..", "..", "shared", "corpus", "manifest.json");
const present = existsSync(MANIFEST);
if (!present && process.env.CI === "true") throw new Error(`the corpus manifest is missing at ${MANIFEST}`);

describe.skipIf(!present)("readWhen over the corpus manifest's key events", () => {
  it("reads every key event the manifest could read to the same local time, and refuses the others", () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
      documents: Array<{ id: string; key_events?: Array<{ raw: string; local_time: string | null }> }>;
    };
    const events = manifest.documents.flatMap((document) => document.key_events ?? []);
    expect(events.length).toBeGreaterThan(100);
    for (const event of events) {
      const value = event.raw.replace(/^[A-Za-z ]+:?\s*/, "");
      const when = readWhen(value, inZone(LONDON));
      if (event.local_time === null) {
        const stated = when.ok && when.precision === "day" && when.notes[0]?.startsWith("time not stated");
        expect(stated || (!when.ok && when.kind === "invalid"), event.raw).toBe(true);
        continue;
      }
      const [date, time] = event.local_time.split(" ");
      expect(when.ok, event.raw).toBe(true);
      if (!when.ok) continue;
      expect(when.localDate, event.raw).toBe(date);
      expect(when.consumed, event.raw).toBe(value.length);
      expect(new Date(when.at).toLocaleTimeString("en-GB", { timeZone: "Europe/London" }).slice(0, 5)).toBe(
        time!.padStart(5, "0"),
      );
    }
  });
});
