import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse-template.ts";

const VARIANT = `# Search outage

**Date:** 2026-03-18
**Duration:** 23:50 - 2026-03-19 00:20 UTC
**Severity:** P3

### Timeline
* 23:50:30 - Search latency rises
* 2026-03-19T00:05:00Z - Index rebuilt
* 2026-03-19 00:20 - Search is back

#### Root cause
A *bad* mapping.

## Action Items
* [ ] Validate mappings - Owner: Kim
`;

describe("parseTemplate", () => {
  it("reads other heading levels, * bullets, seconds, ISO timestamps and missing sections", () => {
    const { document, errors, warnings } = parseTemplate(VARIANT);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(document).toMatchObject({
      title: "Search outage",
      startedAt: "2026-03-18T23:50:00Z",
      resolvedAt: "2026-03-19T00:20:00Z",
      impact: "",
      rootCause: "A bad mapping.",
      contributingFactors: [],
      actionItems: [{ title: "Validate mappings", owner: "Kim", dueDate: null, checked: false }],
    });
    expect(document!.timeline.map((e) => e.occurredAt)).toEqual([
      "2026-03-18T23:50:30Z",
      "2026-03-19T00:05:00Z",
      "2026-03-19T00:20:00Z",
    ]);
  });

  it("names the line of a broken front matter value", () => {
    const { errors } = parseTemplate(`---\nincident:\n  status: closed\n---\n\n${VARIANT}`);
    expect(errors).toEqual([{ line: 3, message: expect.stringContaining("incident.status") }]);
  });
});
