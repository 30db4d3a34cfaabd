import { Option, type Command } from "commander";
import { addTimelineEntry } from "../../timeline/add-timeline-entry.ts";
import { TimelineKinds } from "../../timeline/timeline-entry.ts";
import { withCliCtx } from "../context.ts";

export function registerTimeline(program: Command): void {
  const timeline = program.command("timeline").description("capture an incident's timeline");
  timeline
    .command("add")
    .description("add a timeline entry, stamped with the current UTC time unless --at is given")
    .argument("<key>", "incident key, e.g. INC-42")
    .argument("<text>", "what happened, was done, or was decided")
    .option("--at <iso>", "when it happened, ISO 8601 UTC like 2026-03-18T14:02:00Z (back-dating is fine)")
    .addOption(new Option("--kind <kind>", "what sort of entry").choices(TimelineKinds).default("event"))
    .option("--author <name>", "who is writing (default: your login name)")
    .option("--json", "print the entry as JSON")
    .action(
      async (
        key: string,
        text: string,
        o: { at?: string; kind: (typeof TimelineKinds)[number]; author?: string; json?: boolean },
      ) => {
        const entry = await withCliCtx(
          (ctx) =>
            addTimelineEntry(ctx, key, {
              text,
              kind: o.kind,
              source: "cli",
              ...(o.at ? { occurredAt: o.at } : {}),
            }),
          o.author,
        );
        console.log(
          o.json
            ? JSON.stringify(entry, null, 2)
            : `${entry.incidentKey} ${entry.occurredAt} [${entry.kind}] ${entry.text}`,
        );
      },
    );
}
