import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusImportOptions, corpusManifest, corpusPresent, readCorpusDocument } from "../../test/corpus.ts";
import { buildCtx } from "../../test/factories.ts";
import { createTestDb, type TestDb } from "../../test/test-db.ts";
import { parseIncidentKey } from "../incidents/incident.repository.ts";
import { importPostmortem } from "../postmortems/import/import-postmortem.ts";
import { fixedClock } from "../shared/clock.ts";
import type { Ctx } from "../shared/context.ts";
import { buildCorpusModel, mostSimilar } from "./corpus-model.ts";
import { loadSimilarityCorpus } from "./similarity-corpus.repository.ts";

/*
 * Other teams' real post-mortems (../shared/corpus, see its README): manifest.json groups incidents of the
 * same kind (`recurrence_group`). For each imported document with an imported sibling, every other document
 * is ranked by similarity; the rank of its first sibling gives the reciprocal rank.
 */

// The targets asked for. The engine reaches MRR 0.861 and hit@3 0.862; without asking with the strongest
// terms only (QUERY_TERMS; 90 to 140 give the same) the longest document's sibling drops to second place and
// MRR to 0.844: the margin over the target is that one query.
const MIN_MRR = 0.85;
const MIN_HIT_AT_3 = 0.85;

interface ManifestDocument {
  id: string;
  file: string;
  recurrence_group: string | null;
}

const manifest = { documents: corpusManifest<ManifestDocument>() };

let testDb: TestDb;
let ctx: Ctx;

beforeAll(async () => {
  testDb = await createTestDb();
  ctx = buildCtx(testDb.db, { clock: fixedClock("2026-11-30T12:00:00Z") });
});
afterAll(() => testDb?.destroy());

describe.skipIf(!corpusPresent)("similar incidents over the corpus of real post-mortems", () => {
  it("ranks a document's siblings of the same kind above unrelated ones", async () => {
    const imported = new Map<number, ManifestDocument>();
    for (const doc of manifest.documents) {
      const markdown = readCorpusDocument(doc.file);
      // Nine documents have errors in their source and are refused (corpus.test.ts checks which).
      const outcome = await importPostmortem(ctx, markdown, corpusImportOptions(doc.id)).catch(
        () => undefined,
      );
      if (outcome) imported.set(parseIncidentKey(outcome.key)!, doc);
    }
    expect(imported.size).toBe(manifest.documents.length - 9);

    const { documents } = await loadSimilarityCorpus(testDb.db);
    const numbers = await testDb.db.selectFrom("incidents").select(["id", "number"]).execute();
    const docOf = new Map(numbers.map((row) => [row.id, imported.get(row.number)!]));
    const model = buildCorpusModel(documents);
    const reciprocalRanks: number[] = [];
    for (const [id, doc] of docOf) {
      const siblings = [...docOf]
        .filter(
          ([other, o]) => other !== id && o.recurrence_group && o.recurrence_group === doc.recurrence_group,
        )
        .map(([other]) => other);
      if (siblings.length === 0) continue;
      const ranked = mostSimilar(model, id, documents.length).map((match) => match.id);
      const rank = ranked.findIndex((other) => siblings.includes(other)) + 1;
      reciprocalRanks.push(rank === 0 ? 0 : 1 / rank);
    }
    const mrr = reciprocalRanks.reduce((sum, rr) => sum + rr, 0) / reciprocalRanks.length;
    const hitAt3 = reciprocalRanks.filter((rr) => rr >= 1 / 3).length / reciprocalRanks.length;
    console.log(
      `similar incidents: MRR ${mrr.toFixed(4)}, hit@3 ${hitAt3.toFixed(3)} over ${reciprocalRanks.length} queries`,
    );
    expect(reciprocalRanks.length).toBeGreaterThan(20);
    expect(mrr).toBeGreaterThanOrEqual(MIN_MRR);
    expect(hitAt3).toBeGreaterThanOrEqual(MIN_HIT_AT_3);
  });
});
