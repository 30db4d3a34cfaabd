import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCtx, buildIncident, buildUser } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { approveExternalVersion } from "./approve-external-version.ts";
import { createExternalVersion } from "./create-external-version.ts";
import { slugBase } from "./external-version.repository.ts";
import { publishExternalVersion } from "./publish-external-version.ts";
import { unpublishExternalVersion } from "./unpublish-external-version.ts";
import { updateExternalVersion } from "./update-external-version.ts";

let testDb: TestDb;
let clock: ReturnType<typeof fixedClock>;
let author: Ctx;
let reviewer: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  clock = fixedClock("2026-03-20T10:00:00Z");
  const as = async () =>
    buildCtx(testDb.db, { clock, actor: (await buildUser(testDb.db, "editor", clock)).actor });
  [author, reviewer] = [await as(), await as()];
});
afterAll(() => testDb.destroy());

const CLEAN = {
  title: "Card payments failed",
  summary: "Some card payments failed.",
  impact: "Customers could not pay by card.",
  duration: "about 42 minutes",
  changes: "We are adding capacity.",
};

async function approved(title = CLEAN.title, startedAt = "2026-03-18T14:02:00Z") {
  const incident = await buildIncident(author, { customerImpact: true, startedAt });
  await createExternalVersion(author, incident.key, { ...CLEAN, title });
  await approveExternalVersion(reviewer, incident.key);
  return incident.key;
}

const snapshotOf = (slug: string) =>
  testDb.db.selectFrom("externalPublications").selectAll().where("slug", "=", slug).executeTakeFirst();

const eventsAbout = async (key: string) =>
  (await testDb.db.selectFrom("events").selectAll().where("subject", "=", key).orderBy("id").execute()).map(
    (e) => ({ kind: e.kind, payload: JSON.parse(e.payload) as Record<string, unknown> }),
  );

describe("publishExternalVersion", () => {
  it("snapshots the approved text at an address from the start date and title, and records the event", async () => {
    const key = await approved("Card payments failed — Europe");
    const published = await publishExternalVersion(author, key);
    expect(published.status).toBe("published");
    expect(published.publication).toMatchObject({
      slug: "2026-03-18-card-payments-failed-europe",
      url: "/status/postmortems/2026-03-18-card-payments-failed-europe",
      publishedAt: "2026-03-20T10:00:00Z",
    });
    expect(await snapshotOf("2026-03-18-card-payments-failed-europe")).toMatchObject({
      ...CLEAN,
      title: "Card payments failed — Europe",
      incidentStartedAt: "2026-03-18T14:02:00Z",
    });
    expect(await eventsAbout(key)).toEqual([
      {
        kind: "external.published",
        payload: expect.objectContaining({
          incidentKey: key,
          slug: "2026-03-18-card-payments-failed-europe",
          republished: false,
        }),
      },
    ]);
  });

  it("gives a second report with the same date and title its own address", async () => {
    const first = await publishExternalVersion(
      author,
      await approved("Search was slow", "2026-03-02T08:00:00Z"),
    );
    const second = await publishExternalVersion(
      author,
      await approved("Search was slow", "2026-03-02T09:00:00Z"),
    );
    const third = await publishExternalVersion(
      author,
      await approved("Search: was slow!", "2026-03-02T10:00:00Z"),
    );
    expect([first, second, third].map((v) => v.publication?.slug)).toEqual([
      "2026-03-02-search-was-slow",
      "2026-03-02-search-was-slow-2",
      "2026-03-02-search-was-slow-3",
    ]);
  });

  it("gives two same-titled reports published at the same moment two addresses", async () => {
    const keys = await Promise.all([
      approved("Login was refused", "2026-03-04T08:00:00Z"),
      approved("Login was refused", "2026-03-04T09:00:00Z"),
    ]);
    const published = await Promise.all(keys.map((key) => publishExternalVersion(author, key)));
    expect(published.map((v) => v.publication?.slug).sort()).toEqual([
      "2026-03-04-login-was-refused",
      "2026-03-04-login-was-refused-2",
    ]);
    expect(published.map((v) => v.status)).toEqual(["published", "published"]);
  });

  it("publishes one version once when it is published twice at the same moment: the other is refused", async () => {
    const key = await approved("Payments were delayed", "2026-03-05T08:00:00Z");
    // Both as a client would send them: If-Match of the approved version both read.
    const { version } = await testDb.db
      .selectFrom("externalVersions")
      .select("version")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const outcomes = await Promise.allSettled([
      publishExternalVersion(author, key, version),
      publishExternalVersion(author, key, version),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    const slugs = await testDb.db
      .selectFrom("externalPublications")
      .select("slug")
      .where("slug", "like", "2026-03-05-payments-were-delayed%")
      .execute();
    expect(slugs.map((row) => row.slug)).toEqual(["2026-03-05-payments-were-delayed"]);
  });

  it("keeps the public text until an edited version is approved and published again, at the same address", async () => {
    const key = await approved("Checkout was down");
    const published = await publishExternalVersion(author, key);
    const slug = published.publication!.slug;
    const edited = await updateExternalVersion(
      author,
      key,
      { impact: "Nobody could pay." },
      published.version,
    );
    expect(edited.status).toBe("draft");
    expect(edited.publication?.slug).toBe(slug);
    expect((await snapshotOf(slug))?.impact).toBe(CLEAN.impact);
    await expect(publishExternalVersion(author, key)).rejects.toMatchObject({
      code: "CONFLICT",
      errors: [{ path: "status" }],
    });

    await approveExternalVersion(reviewer, key);
    clock.advance(60 * 60 * 1000);
    const again = await publishExternalVersion(author, key);
    clock.set("2026-03-20T10:00:00Z");
    expect(again.publication).toMatchObject({
      slug,
      publishedAt: "2026-03-20T10:00:00Z",
      updatedAt: "2026-03-20T11:00:00Z",
    });
    expect((await snapshotOf(slug))?.impact).toBe("Nobody could pay.");
    expect((await eventsAbout(key)).map((e) => e.payload.republished)).toEqual([false, true]);
  });

  it("refuses a draft and an incident no longer marked customer-impacting", async () => {
    const incident = await buildIncident(author, { customerImpact: true });
    await createExternalVersion(author, incident.key, CLEAN);
    await expect(publishExternalVersion(author, incident.key)).rejects.toMatchObject({
      errors: [{ path: "status" }],
    });
    await approveExternalVersion(reviewer, incident.key);
    await testDb.db
      .updateTable("incidents")
      .set({ customerImpact: 0 })
      .where("number", "=", Number(incident.key.slice(4)))
      .execute();
    await expect(publishExternalVersion(author, incident.key)).rejects.toMatchObject({
      errors: [{ path: "customerImpact" }],
    });
  });
});

describe("unpublishExternalVersion", () => {
  it("deletes the snapshot, and the still-approved text may be published again", async () => {
    const key = await approved("Logins failed");
    const published = await publishExternalVersion(author, key);
    const slug = published.publication!.slug;
    const unpublished = await unpublishExternalVersion(author, key);
    expect(unpublished).toMatchObject({ status: "unpublished", publication: null });
    expect(await snapshotOf(slug)).toBeUndefined();
    await expect(unpublishExternalVersion(author, key)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await publishExternalVersion(author, key)).publication?.slug).toBe(slug);
  });

  it("removes a live publication even after the text was edited since", async () => {
    const key = await approved("Emails were late");
    const published = await publishExternalVersion(author, key);
    await updateExternalVersion(author, key, { changes: "Queues." }, published.version);
    const unpublished = await unpublishExternalVersion(author, key);
    expect(unpublished.publication).toBeNull();
    expect(await snapshotOf(published.publication!.slug)).toBeUndefined();
  });
});

describe("slugBase", () => {
  it("keeps ASCII letters and digits, hyphenated, at most eight words", () => {
    expect(slugBase("2026-03-18T14:00:00Z", "Zahlungsausfälle in Köln: 5xx!")).toBe(
      "2026-03-18-zahlungsausfalle-in-koln-5xx",
    );
    expect(slugBase("2026-03-18T14:00:00Z", "一 二")).toBe("2026-03-18-incident");
    expect(slugBase("2026-03-18T14:00:00Z", "a b c d e f g h i j")).toBe("2026-03-18-a-b-c-d-e-f-g-h");
  });
});
