/** A duration as the team stated it: `raw` as written (trimmed), `minutes` when it is a length of time,
 *  `note` for what the number alone does not say (a qualifier, a footnote, why there is no number). */
export interface StatedDuration {
  raw: string;
  minutes: number | null;
  note: string | null;
}

const NOT_APPLICABLE = /^(?:n\/?a|not applicable|none|-+|—|–)$/i;
const NOT_STATED = /^(?:unknown|not known|tbc|tbd|to be confirmed|to be determined|not stated|\?+|)$/i;
const APPROXIMATE = /^(?:~|≈|about\b|approx(?:\.|imately\b)?|around\b|roughly\b|circa\b|ca\.|some\b)\s*/i;
const BOUND = /^(?:(more than|over|at least|>=?|≥)|(less than|under|at most|<=?|≤))\s*/i;
const FOOTNOTE = /\[\^([^\]]+)\]/g;
const PARENTHESIS = /\(([^()]*)\)/g;

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^(?:w|wks?|weeks?)$/i, 7 * 24 * 60],
  [/^(?:d|days?)$/i, 24 * 60],
  [/^(?:h|hrs?|hours?)$/i, 60],
  [/^(?:m|mins?|minutes?)$/i, 1],
  [/^(?:s|secs?|seconds?)$/i, 1 / 60],
];
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  half: 0.5,
  "half an": 0.5,
  "half a": 0.5,
};
const NUMBER = String.raw`(\d+(?:[.,]\d+)?|half an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half)`;
const PART = new RegExp(String.raw`^${NUMBER}\s*([a-z]+)\b\.?`, "i");
const AND_A_HALF = /^\s*and a half\b/i;
const SEPARATOR = /^(?:\s*(?:,|and\b|&)\s*|\s*)/i;
const CLOCK = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?!\d)/;

/** A duration as the team stated it: "64 minutes", "19 hours 43 minutes.", "7 hours", "0h 16m", "27m",
 *  "673h 34m", "1d 5h 47m", "2d 1h 29m", "7h (during support hours 10:00-17:00)", "N/A", "279 minutes [^3]",
 *  "1:30", "90 min", "1.5 hours", "an hour", "about 2 hours" ... */
export function readStatedDuration(raw: string): StatedDuration {
  const trimmed = raw.trim();
  const notes: string[] = [];
  let text = trimmed.replace(FOOTNOTE, (whole) => {
    notes.push(`footnote ${whole}`);
    return " ";
  });
  text = text.replace(PARENTHESIS, (_whole, inner: string) => {
    if (inner.trim()) notes.push(inner.trim());
    return " ";
  });
  text = text
    .replace(/\s+/g, " ")
    .replace(/[\s.;,:]+$/, "")
    .trim();
  const note = (extra: string[] = []) => [...extra, ...notes].join("; ") || null;

  if (NOT_APPLICABLE.test(text)) return { raw: trimmed, minutes: null, note: note(["not applicable"]) };
  if (NOT_STATED.test(text)) return { raw: trimmed, minutes: null, note: note(["not stated"]) };

  const qualifiers: string[] = [];
  const approximate = APPROXIMATE.exec(text);
  if (approximate) {
    qualifiers.push("approximate");
    text = text.slice(approximate[0].length);
  }
  const bound = BOUND.exec(text);
  if (bound) {
    qualifiers.push(bound[1] ? "at least" : "at most");
    text = text.slice(bound[0].length);
  }
  const read = readLength(text);
  if (read === null) return { raw: trimmed, minutes: null, note: `not a duration: ${trimmed}` };
  const rest = read.rest.trim();
  return { raw: trimmed, minutes: read.minutes, note: note([...qualifiers, ...(rest ? [rest] : [])]) };
}

function readLength(text: string): { minutes: number; rest: string } | null {
  const clock = CLOCK.exec(text);
  if (clock) {
    const seconds = clock[3] ? Number(clock[3]) / 60 : 0;
    return { minutes: Number(clock[1]) * 60 + Number(clock[2]) + seconds, rest: text.slice(clock[0].length) };
  }
  let minutes = 0;
  let parts = 0;
  let rest = text;
  for (;;) {
    const next = rest.slice(parts === 0 ? 0 : SEPARATOR.exec(rest)![0].length);
    const part = PART.exec(next);
    const unit = part ? UNIT_MINUTES.find(([pattern]) => pattern.test(part[2]!)) : undefined;
    if (!part || !unit) break;
    let amount = WORD_NUMBERS[part[1]!.toLowerCase()] ?? Number(part[1]!.replace(",", "."));
    rest = next.slice(part[0].length);
    const half = AND_A_HALF.exec(rest);
    if (half) {
      amount += 0.5;
      rest = rest.slice(half[0].length);
    }
    minutes += amount * unit[1];
    parts++;
  }
  if (parts === 0) return null;
  return { minutes: Math.round(minutes * 1000) / 1000, rest };
}
