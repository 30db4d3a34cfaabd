import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { assertVersion, staleWrite } from "../shared/version.ts";
import { getChannelOrThrow, getChannelRowOrThrow } from "./channel.repository.ts";
import { assertSecretFits, validTarget } from "./create-channel.ts";
import { UpdateChannelInput, type Channel } from "./notification.ts";

/** Changes a channel's name, target, secret, events or enabled flag; a stale version changes nothing. */
export async function updateChannel(
  ctx: Ctx,
  id: number,
  raw: UpdateChannelInput,
  expectedVersion?: number,
): Promise<Channel> {
  const input = parseInput(UpdateChannelInput, raw);
  const nowIso = toUtcIso(ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    const row = await getChannelRowOrThrow(trx, id);
    const what = `notification channel ${id}`;
    assertVersion(what, row.version, expectedVersion);
    assertSecretFits(row.kind, input.secret, false);
    if (input.name !== undefined && input.name !== row.name) {
      const clash = await trx
        .selectFrom("notificationChannels")
        .select("id")
        .where("name", "=", input.name)
        .executeTakeFirst();
      if (clash) throw new DomainError("CONFLICT", `a channel named "${input.name}" already exists`);
    }
    const updated = await trx
      .updateTable("notificationChannels")
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.target !== undefined ? { target: validTarget(row.kind, input.target) } : {}),
        ...(input.secret !== undefined ? { secret: input.secret } : {}),
        ...(input.events !== undefined ? { events: JSON.stringify(input.events) } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        version: row.version + 1,
        updatedAt: nowIso,
      })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleWrite(what);
  });
  return getChannelOrThrow(ctx.db, id);
}
