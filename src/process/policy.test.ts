import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { getPostmortemOrThrow } from "../postmortems/postmortem.repository.ts";
import { updatePostmortem } from "../postmortems/update-postmortem.ts";
import type { Ctx } from "../shared/context.ts";
import { addTimelineEntry } from "../timeline/add-timeline-entry.ts";
import { evaluatePolicy, requiredView, type PolicySubject } from "./policy.ts";
import { DEFAULT_PROCESS_SETTINGS, mergeSettings, updateProcessSettings } from "./settings.ts";

const policy = DEFAULT_PROCESS_SETTINGS.policy;
const p3: PolicySubject = {
  severity: "P3",
  customerImpact: false,
  dataLoss: false,
  security: false,
  tags: [],
  timelineKinds: ["event", "observation"],
};

function decide(overrides: Partial<PolicySubject>, rules = policy) {
  return evaluatePolicy({ ...p3, ...overrides }, rules);
}

describe("evaluatePolicy", () => {
  it("always asks for one after a P1 or P2, naming the severity", () => {
    expect(decide({ severity: "P1" })).toEqual({ decision: "always", reasons: ["severity P1"] });
    expect(decide({ severity: "P2" })).toEqual({ decision: "always", reasons: ["severity P2"] });
  });

  it("always asks for one after customer impact, data loss or a security incident, with every reason", () => {
    expect(decide({ customerImpact: true, dataLoss: true, security: true })).toEqual({
      decision: "always",
      reasons: ["customer impact", "data loss", "security incident"],
    });
  });

  it("always asks for one when someone intervened by hand: an action in the timeline or the tag", () => {
    expect(decide({ timelineKinds: ["event", "action"] })).toEqual({
      decision: "always",
      reasons: ["manual intervention (action in the timeline)"],
    });
    expect(decide({ tags: ["Manual-Intervention"] })).toEqual({
      decision: "always",
      reasons: ["manual intervention"],
    });
  });

  it("usually asks for one after other P3s, near misses and repeats", () => {
    expect(decide({})).toEqual({ decision: "usually", reasons: ["severity P3"] });
    expect(decide({ tags: ["near-miss", "recurring"] })).toEqual({
      decision: "usually",
      reasons: ["severity P3", "near miss", "repeat of a known failure"],
    });
  });

  it("skips a false alarm only when it had no impact, and a duplicate whatever its severity", () => {
    expect(decide({ tags: ["false-alarm"] })).toEqual({
      decision: "skip",
      reasons: ["false alarm without impact"],
    });
    expect(decide({ tags: ["false-alarm"], customerImpact: true })).toEqual({
      decision: "always",
      reasons: ["customer impact"],
    });
    expect(decide({ severity: "P1", tags: ["duplicate"] })).toEqual({
      decision: "skip",
      reasons: ["duplicate of another incident"],
    });
  });

  it("runs one when no rule decides", () => {
    const noP3 = mergeSettings(policy, { usually: { severities: [] } });
    expect(decide({}, noP3)).toEqual({
      decision: "usually",
      reasons: ["no rule decided; when in doubt, run one"],
    });
  });

  it("follows rules an admin changed", () => {
    const strict = mergeSettings(policy, {
      always: { severities: ["P1", "P2", "P3"] },
      skip: { tags: [] },
    });
    expect(decide({ tags: ["duplicate"] }, strict)).toEqual({ decision: "always", reasons: ["severity P3"] });
  });
});

describe("requiredView", () => {
  const computed = { decision: "always" as const, reasons: ["severity P1"] };

  it("shows the rules' decision when nobody overrode it", () => {
    expect(requiredView(computed, { decision: null, reason: null })).toEqual({
      ...computed,
      reason: null,
      computed,
      override: null,
    });
  });

  it("lets an editor's override win, saying it was decided by hand", () => {
    expect(requiredView(computed, { decision: "skip", reason: "load test, announced" })).toEqual({
      decision: "skip",
      reasons: ["decided by hand: load test, announced"],
      reason: "load test, announced",
      computed,
      override: { decision: "skip", reason: "load test, announced" },
    });
  });
});

describe("the post-mortem's required decision", () => {
  let testDb: TestDb;
  let ctx: Ctx;
  beforeAll(async () => {
    testDb = await createTestDb();
    ctx = buildCtx(testDb.db);
  });
  afterAll(() => testDb.destroy());

  it("reads the incident's severity, flags, tags and timeline, then the editor's override", async () => {
    const { key } = await buildIncident(ctx, { severity: "P3", tags: ["near-miss"] });
    const required = async () => (await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).required;
    expect(await required()).toMatchObject({ decision: "usually", reasons: ["severity P3", "near miss"] });

    await addTimelineEntry(ctx, key, {
      occurredAt: "2026-03-18T14:10:00Z",
      kind: "action",
      text: "Failed over to the replica",
      author: "Sam",
    });
    expect(await required()).toMatchObject({
      decision: "always",
      reasons: ["manual intervention (action in the timeline)"],
    });

    await updatePostmortem(ctx, key, { required: { decision: "skip", reason: "a drill" } });
    expect(await required()).toEqual({
      decision: "skip",
      reasons: ["decided by hand: a drill"],
      reason: "a drill",
      computed: { decision: "always", reasons: ["manual intervention (action in the timeline)"] },
      override: { decision: "skip", reason: "a drill" },
    });
  });

  it("follows the rules in the process settings", async () => {
    const { key } = await buildIncident(ctx, { severity: "P3", tags: ["chaos-day"] });
    await updateProcessSettings(ctx, {
      policy: {
        skip: { tags: [{ tags: ["chaos-day"], reason: "planned experiment", onlyWithoutImpact: true }] },
      },
    });
    expect((await getPostmortemOrThrow(testDb.db, key, ctx.clock.now())).required).toMatchObject({
      decision: "skip",
      reasons: ["planned experiment"],
    });
  });
});
