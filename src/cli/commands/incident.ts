import { Option, type Command } from "commander";
import { createIncident } from "../../incidents/create-incident.ts";
import { listIncidents } from "../../incidents/incident.repository.ts";
import { IncidentListQuery, IncidentStatuses, Severities, type Incident } from "../../incidents/incident.ts";
import { parseInput } from "../../shared/validate.ts";
import { updateIncident } from "../../incidents/update-incident.ts";
import { withCliCtx } from "../context.ts";

const collect = (value: string, previous: string[] = []) => [...previous, value];

function describe(incident: Incident): string {
  const labels = [...incident.services, ...incident.tags.map((t) => `#${t}`)].join(" ");
  return `${incident.key}\t${incident.severity}\t${incident.status}\t${incident.startedAt}\t${incident.title}${labels ? `\t${labels}` : ""}`;
}

export function registerIncident(program: Command): void {
  const incident = program.command("incident").description("open, list and update incidents");

  incident
    .command("create")
    .description("open an incident and print its key")
    .requiredOption("--title <title>", "what is broken, in a few words")
    .addOption(new Option("--severity <severity>", "P1 is the worst").choices(Severities).default("P3"))
    .option("--started-at <iso>", "when it started, ISO 8601 UTC (default: now)")
    .option("--impact <text>", "who or what is affected")
    .option("--service <name>", "an affected service (repeatable)", collect)
    .option("--tag <tag>", "a tag (repeatable)", collect)
    .option("--json", "print the incident as JSON")
    .action(
      async (o: {
        title: string;
        severity: (typeof Severities)[number];
        startedAt?: string;
        impact?: string;
        service?: string[];
        tag?: string[];
        json?: boolean;
      }) => {
        const created = await withCliCtx((ctx) =>
          createIncident(ctx, {
            title: o.title,
            severity: o.severity,
            ...(o.startedAt ? { startedAt: o.startedAt } : {}),
            ...(o.impact ? { impact: o.impact } : {}),
            services: o.service ?? [],
            tags: o.tag ?? [],
          }),
        );
        console.log(o.json ? JSON.stringify(created, null, 2) : created.key);
      },
    );

  incident
    .command("list")
    .description("list incidents, newest first")
    .addOption(new Option("--status <status>").choices(IncidentStatuses))
    .addOption(new Option("--severity <severity>").choices(Severities))
    .option("--limit <n>", "how many (1–500)", "50")
    .option("--json", "print JSON")
    .action(
      async (o: {
        status?: (typeof IncidentStatuses)[number];
        severity?: (typeof Severities)[number];
        limit: string;
        json?: boolean;
      }) => {
        const query = parseInput(IncidentListQuery, {
          limit: o.limit,
          status: o.status,
          severity: o.severity,
        });
        const page = await withCliCtx((ctx) => listIncidents(ctx.db, query));
        console.log(
          o.json
            ? JSON.stringify(page.items, null, 2)
            : page.items.map(describe).join("\n") || "No incidents.",
        );
      },
    );

  for (const status of ["mitigated", "resolved"] as const) {
    incident
      .command(status === "mitigated" ? "mitigate" : "resolve")
      .description(`mark an incident ${status} (stamps the time; --at to back-date)`)
      .argument("<key>", "incident key, e.g. INC-42")
      .option("--at <iso>", "when, ISO 8601 UTC (default: now)")
      .action(async (key: string, o: { at?: string }) => {
        const field = status === "mitigated" ? "mitigatedAt" : "resolvedAt";
        const updated = await withCliCtx((ctx) =>
          updateIncident(ctx, key, { status, ...(o.at ? { [field]: o.at } : {}) }),
        );
        console.log(`${updated.key} is ${updated.status} at ${updated[field]}`);
      });
  }
}
