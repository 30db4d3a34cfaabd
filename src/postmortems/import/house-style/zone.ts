import { FixedOffsetZone, IANAZone } from "luxon";

/** A time zone as a document states it: `zone` is a luxon zone name, `label` the words as written. */
export interface StatedZone {
  zone: string;
  label: string;
}

/*
 * How a written zone maps to a luxon zone (the README states the same table):
 *   UTC, Z, GMT (not "GMT+n"), "Coordinated Universal Time"  -> UTC
 *   UTC±h[:mm], GMT±h[:mm]                                   -> a fixed offset ("UTC+1", "UTC+5:30")
 *   CET, CEST, "Central European (Summer) Time"              -> Europe/Berlin: the wall clock of central
 *       Europe, so "CET" on a July date gets +02:00 (the daylight-saving offset of that date)
 *   BST, "London time", "UK time", "British (Summer) Time"   -> Europe/London
 *   IST, "India Standard Time"                               -> Asia/Kolkata (IST also means Irish
 *       Standard Time; a team in Dublin should write "Europe/Dublin" or "Irish time")
 *   "Irish time"                                             -> Europe/Dublin
 *   EST, EDT, ET, "Eastern (Time)"                           -> America/New_York
 *   CST, CDT, "Central Time" (US)                            -> America/Chicago
 *   MST, MDT, MT, "Mountain Time"                            -> America/Denver
 *   PST, PDT, PT, "Pacific (Time)"                           -> America/Los_Angeles
 *   AEST, AEDT                                               -> Australia/Sydney
 *   JST                                                      -> Asia/Tokyo
 *   an IANA name written out ("Europe/Copenhagen")           -> itself, when luxon knows it
 *   "<city> time" ("Copenhagen time", "New York time")       -> the IANA zone named after that city
 * Abbreviations count only as whole upper-case tokens ("ET" inside "GET" or "CET" never does); in a
 * sentence they count only in an explicit statement ("times in …", "(…)", "Time zone: …").
 */
const ABBREVIATIONS: Record<string, string> = {
  UTC: "UTC",
  GMT: "UTC",
  Z: "UTC",
  CET: "Europe/Berlin",
  CEST: "Europe/Berlin",
  BST: "Europe/London",
  IST: "Asia/Kolkata",
  EST: "America/New_York",
  EDT: "America/New_York",
  ET: "America/New_York",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  MST: "America/Denver",
  MDT: "America/Denver",
  MT: "America/Denver",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PT: "America/Los_Angeles",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  JST: "Asia/Tokyo",
};

// Longest first, so "Central European Summer Time" wins over "Central Time".
const PHRASES: Array<[RegExp, string]> = [
  [/^coordinated universal time\b/i, "UTC"],
  [/^central european (?:summer |standard )?time\b/i, "Europe/Berlin"],
  [/^british (?:summer )?time\b/i, "Europe/London"],
  [/^(?:london|uk|u\.k\.) time\b/i, "Europe/London"],
  [/^irish (?:standard )?time\b/i, "Europe/Dublin"],
  [/^india(?:n)? standard time\b/i, "Asia/Kolkata"],
  [/^eastern (?:standard |daylight )?time\b/i, "America/New_York"],
  [/^central (?:standard |daylight )?time\b/i, "America/Chicago"],
  [/^mountain (?:standard |daylight )?time\b/i, "America/Denver"],
  [/^pacific (?:standard |daylight )?time\b/i, "America/Los_Angeles"],
];
// Region words that name a zone only inside an explicit statement ("all times Eastern").
const STATEMENT_WORDS: Record<string, string> = {
  eastern: "America/New_York",
  pacific: "America/Los_Angeles",
  mountain: "America/Denver",
  central: "America/Chicago",
};

// "<city> time" names the IANA zone of that city: "Copenhagen time", "New York time".
const CITY_TIME = /^([A-Z][a-z]+(?:[ _][A-Z][a-z]+)*) time\b/;
let cities: Map<string, string> | null = null;
function zoneOfCity(city: string): string | null {
  cities ??= new Map(
    Intl.supportedValuesOf("timeZone").map((name) => [
      name.slice(name.lastIndexOf("/") + 1).toLowerCase(),
      name,
    ]),
  );
  return cities.get(city.replace(/ /g, "_").toLowerCase()) ?? null;
}
const OFFSET = /^(UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?(?![\d:])/i;
const IANA = /^[A-Za-z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+)+/;
const TOKEN = /^[A-Za-z]+/;

/** Reads a zone written at the very start of `text` (abbreviations only in capitals; "ET"/"PT"/"MT"
 *  only when `allowTwoLetters`), with the number of characters it used. */
export function matchZoneAt(
  text: string,
  allowTwoLetters: boolean,
): (StatedZone & { length: number }) | null {
  const offset = OFFSET.exec(text);
  if (offset) {
    const hours = Number(offset[3]);
    const minutes = Number(offset[4] ?? "0");
    const sign = offset[2] === "+" ? 1 : -1;
    if (hours > 14 || minutes > 59) return null;
    const zone = FixedOffsetZone.instance(sign * (hours * 60 + minutes));
    return { zone: zone.name, label: offset[0], length: offset[0].length };
  }
  for (const [pattern, zone] of PHRASES) {
    const match = pattern.exec(text);
    if (match) return { zone, label: match[0], length: match[0].length };
  }
  const city = CITY_TIME.exec(text);
  const cityZone = city ? zoneOfCity(city[1]!) : null;
  if (city && cityZone) return { zone: cityZone, label: city[0], length: city[0].length };
  const iana = IANA.exec(text);
  if (iana && iana[0].includes("/")) {
    const zone = canonicalIana(iana[0]);
    if (zone) return { zone, label: iana[0], length: iana[0].length };
  }
  const token = TOKEN.exec(text)?.[0];
  if (!token || token !== token.toUpperCase()) return null;
  const zone = ABBREVIATIONS[token];
  if (!zone || (token.length < 3 && !allowTwoLetters && token !== "Z")) return null;
  return { zone, label: token, length: token.length };
}

function canonicalIana(name: string): string | null {
  if (!IANAZone.isValidZone(name)) return null;
  return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
}

/** A zone written after a time ("14:02 UTC", "3:15 PM PST", "10:00 BST"), or null. */
export function zoneFromLabel(label: string): StatedZone | null {
  const text = label
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  const upper = /^[a-z]{2,4}$/i.test(text) ? text.toUpperCase() : text;
  const found = matchZoneAt(upper, true);
  if (!found || found.length !== upper.length) return null;
  return { zone: found.zone, label: label.trim() };
}

// Words right before a zone that make a sentence an explicit statement of it: "All times in CET",
// "Timezone: BST", "Times are UTC".
// ... or a clock time right before it: "resolved at 15:09 UTC", "3:15 PM (PST)".
const AFTER_TIME = /\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?\s*)?\(?\s*$/i;
const LEAD_IN = /(?:\b(?:in|times?|zone|timezone|tz)|\b(?:times?|zone|timezone)\s+(?:are|is)|:)\s*$/i;
// ... or right after it: "UTC time", "CET times".
const LEAD_OUT = /^\s*times?\b/i;

/** The time zone a sentence, heading or table header states, e.g. "All times in CET.", "Timeline (UTC)",
 *  "Date and Time in CET", "Times are London time", "(UTC+1)", "all times IST", "in BST"; null if none. */
export function findZoneStatement(text: string): StatedZone | null {
  for (let index = 0; index < text.length; index++) {
    if (index > 0 && /[A-Za-z0-9_/]/.test(text[index - 1]!)) continue;
    const rest = text.slice(index);
    const before = text.slice(0, index);
    const leadIn = LEAD_IN.test(before) || AFTER_TIME.test(before);
    const found = matchZoneAt(rest, true);
    if (found && !/^[A-Za-z0-9_]/.test(rest.slice(found.length))) {
      const spelledOut = found.label.includes("/") || /\btime$/i.test(found.label);
      const after = rest.slice(found.length);
      const bracketed = /\(\s*$/.test(before) && /^\s*\)/.test(after);
      // A short header that is only the zone ("UTC", "Time UTC") states it too.
      const header = after.trim() === "" && text.trim().split(/\s+/).length <= 3;
      const explicit = leadIn || bracketed || header || LEAD_OUT.test(after);
      const twoLetters = found.label.length < 3;
      if (found.label !== "Z" && (spelledOut || (explicit && (!twoLetters || leadIn || bracketed)))) {
        return { zone: found.zone, label: found.label };
      }
      continue;
    }
    const word = TOKEN.exec(rest)?.[0] ?? "";
    const zone = STATEMENT_WORDS[word.toLowerCase()];
    if (zone && leadIn && !/^[A-Za-z]|^\s+europe/i.test(rest.slice(word.length))) {
      return { zone, label: word };
    }
  }
  return null;
}
