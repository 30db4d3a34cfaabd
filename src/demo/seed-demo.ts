import { z } from "zod";
import { listIncidents } from "../incidents/incident.repository.ts";
import { inTransaction, type Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { playStory, type PlayedStory } from "./play-story.ts";
import { seedDemoUsers, type SeededUser } from "./seed-demo-users.ts";
import { DEMO_STORIES } from "./stories/index.ts";

export const SeedDemoInput = z.strictObject({
  force: z.boolean().default(false).meta({ description: "Add the demo even if incidents exist" }),
});
export type SeedDemoInput = z.input<typeof SeedDemoInput>;

export interface SeededDemo {
  users: SeededUser[];
  incidents: PlayedStory[];
}

/**
 * Fills an empty database with the demo company's users and incidents, written through the domain
 * verbs at times relative to the clock, all or nothing; a database that already holds incidents is
 * refused (CONFLICT) unless forced.
 */
export async function seedDemo(ctx: Ctx, raw: SeedDemoInput = {}): Promise<SeededDemo> {
  const input = parseInput(SeedDemoInput, raw);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const inTrx = inTransaction(ctx, trx);
    if (!input.force && (await listIncidents(trx, { limit: 1 })).items.length > 0) {
      throw new DomainError(
        "CONFLICT",
        "the database already holds incidents; the demo fills an empty one (--force adds it anyway)",
        [{ path: "force", message: "is needed when incidents exist" }],
      );
    }
    const { users, author } = await seedDemoUsers(inTrx);
    const incidents: PlayedStory[] = [];
    for (const story of DEMO_STORIES) {
      incidents.push(await playStory({ ...inTrx, actor: author }, story, now));
    }
    return { users, incidents };
  });
}
