import { describe, expect, it } from "vitest";
import { findZoneStatement, zoneFromLabel } from "./zone.ts";

describe("findZoneStatement", () => {
  it.each([
    ["All times in CET.", "Europe/Berlin", "CET"],
    ["All times in UTC.", "UTC", "UTC"],
    ["All times are in CEST", "Europe/Berlin", "CEST"],
    ["Timeline (UTC)", "UTC", "UTC"],
    ["Date and Time in CET", "Europe/Berlin", "CET"],
    ["Times are London time", "Europe/London", "London time"],
    ["All times UK time.", "Europe/London", "UK time"],
    ["Times are British Summer Time", "Europe/London", "British Summer Time"],
    ["Times in Central European Time", "Europe/Berlin", "Central European Time"],
    ["(UTC+1)", "UTC+1", "UTC+1"],
    ["Timeline (GMT-5)", "UTC-5", "GMT-5"],
    ["All times in UTC+05:30", "UTC+5:30", "UTC+05:30"],
    ["all times IST", "Asia/Kolkata", "IST"],
    ["in BST", "Europe/London", "BST"],
    ["Times are PST", "America/Los_Angeles", "PST"],
    ["Timezone: EST", "America/New_York", "EST"],
    ["Time zone: Europe/Copenhagen", "Europe/Copenhagen", "Europe/Copenhagen"],
    ["times in ET", "America/New_York", "ET"],
    ["Time (PT)", "America/Los_Angeles", "PT"],
    ["all times Eastern", "America/New_York", "Eastern"],
    ["All times in AEDT", "Australia/Sydney", "AEDT"],
    ["All times in JST", "Asia/Tokyo", "JST"],
    ["UTC", "UTC", "UTC"],
    ["Time UTC", "UTC", "UTC"],
    ["UTC time", "UTC", "UTC"],
    ["GMT times", "UTC", "GMT"],
    ["Status: Resolved at 2020-04-15 15:09 UTC", "UTC", "UTC"],
    ["the call at 3:15 PM (PST)", "America/Los_Angeles", "PST"],
    ["the 10:00 ET call", "America/New_York", "ET"],
    ["All times are Copenhagen time", "Europe/Copenhagen", "Copenhagen time"],
    ["Times in New York time", "America/New_York", "New York time"],
  ])("reads %j as %s", (text, zone, label) => {
    expect(findZoneStatement(text)).toEqual({ zone, label });
  });

  it.each([
    "GET requests failed with 503",
    "the list of nodes",
    "the pod did not exist",
    "The CET team owns the cluster",
    "We stored logs as UTC",
    "The UTC clock drifted",
    "ET",
    "PT was on call",
    "Timeline",
    "Event",
    "times in Europe/Nowhere",
    "see https://example.com/Europe/Paris for details",
    "Response time was slow",
    "",
  ])("finds no stated zone in %j", (text) => {
    expect(findZoneStatement(text)).toBeNull();
  });

  it("returns the first zone a sentence states", () => {
    expect(findZoneStatement("All times in UTC (not CET).")).toEqual({ zone: "UTC", label: "UTC" });
  });
});

describe("zoneFromLabel", () => {
  it.each([
    ["UTC", "UTC"],
    ["Z", "UTC"],
    ["GMT", "UTC"],
    ["GMT+1", "UTC+1"],
    ["UTC-05:30", "UTC-5:30"],
    ["UTC+5:30", "UTC+5:30"],
    ["UTC−3", "UTC-3"],
    ["CET", "Europe/Berlin"],
    ["CEST", "Europe/Berlin"],
    ["BST", "Europe/London"],
    ["London time", "Europe/London"],
    ["IST", "Asia/Kolkata"],
    ["EST", "America/New_York"],
    ["EDT", "America/New_York"],
    ["ET", "America/New_York"],
    ["CST", "America/Chicago"],
    ["CDT", "America/Chicago"],
    ["Central Time", "America/Chicago"],
    ["MST", "America/Denver"],
    ["PST", "America/Los_Angeles"],
    ["PDT", "America/Los_Angeles"],
    ["PT", "America/Los_Angeles"],
    ["Pacific Time", "America/Los_Angeles"],
    ["AEST", "Australia/Sydney"],
    ["JST", "Asia/Tokyo"],
    ["pst", "America/Los_Angeles"],
    ["(UTC)", "UTC"],
    ["Europe/Copenhagen", "Europe/Copenhagen"],
    ["America/Sao_Paulo", "America/Sao_Paulo"],
    ["Paris time", "Europe/Paris"],
  ])("maps %j to %s and keeps the label as written", (label, zone) => {
    expect(zoneFromLabel(label)).toEqual({ zone, label });
  });

  it.each(["XYZ", "UTC+15", "Europe/Nowhere", "CET team", "", "PM"])("knows no zone called %j", (label) => {
    expect(zoneFromLabel(label)).toBeNull();
  });
});
