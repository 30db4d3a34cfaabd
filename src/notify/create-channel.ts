import type { Ctx } from "../shared/context.ts";
import { DomainError } from "../shared/errors.ts";
import { toUtcIso } from "../shared/time.ts";
import { parseInput } from "../shared/validate.ts";
import { getChannelOrThrow } from "./channel.repository.ts";
import { CreateChannelInput, parseTarget, type Channel, type ChannelKind } from "./notification.ts";

/** The target normalised for its kind, or a validation error on `target`. */
export function validTarget(kind: ChannelKind, target: string): string {
  const parsed = parseTarget(kind, target);
  if (!parsed.success) throw DomainError.validation("target", parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Only a generic webhook signs its posts, so only it takes (and needs) a secret. */
export function assertSecretFits(kind: ChannelKind, secret: string | undefined, required: boolean): void {
  if (kind !== "webhook" && secret !== undefined) {
    throw DomainError.validation("secret", `a ${kind} channel takes no secret (only webhook channels sign)`);
  }
  if (kind === "webhook" && required && secret === undefined) {
    throw DomainError.validation("secret", "is required for a webhook channel (the HMAC-SHA256 key)");
  }
}

/** Adds a notification channel with a unique name; its secret is stored and never shown again. */
export async function createChannel(ctx: Ctx, raw: CreateChannelInput): Promise<Channel> {
  const input = parseInput(CreateChannelInput, raw);
  const target = validTarget(input.kind, input.target);
  assertSecretFits(input.kind, input.secret, true);
  const nowIso = toUtcIso(ctx.clock.now());
  const id = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("notificationChannels")
      .values({
        name: input.name,
        kind: input.kind,
        target,
        secret: input.secret ?? null,
        events: JSON.stringify(input.events),
        enabled: input.enabled ? 1 : 0,
        version: 1,
        createdAt: nowIso,
        updatedAt: nowIso,
      })
      .onConflict((oc) => oc.column("name").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw new DomainError("CONFLICT", `a channel named "${input.name}" already exists`);
    return inserted.id;
  });
  return getChannelOrThrow(ctx.db, id);
}
