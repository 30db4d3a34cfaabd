import type { Command } from "commander";
import { withCliCtx } from "../context.ts";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("fill an empty database with realistic sample incidents, post-mortems and demo users")
    .option("--force", "add the demo even though the database already holds incidents")
    .action(async (o: { force?: boolean }) => {
      const { seedDemo } = await import("../../demo/seed-demo.ts");
      const seeded = await withCliCtx((ctx) => seedDemo(ctx, { force: o.force ?? false }));
      const keys = seeded.incidents.map((i) => i.key);
      const total = (field: "timelineEntries" | "whys" | "actionItems") =>
        seeded.incidents.reduce((sum, i) => sum + i[field], 0);
      console.log(
        `Added ${keys.length} demo incidents (${keys[0]} to ${keys.at(-1)}) with ${total("timelineEntries")} timeline entries, ${total("whys")} whys and ${total("actionItems")} action items.`,
      );
      console.log("Demo users (passwords are shown only now):");
      for (const user of seeded.users) {
        const password = user.password ? `password: ${user.password}` : "already existed, password unchanged";
        console.log(
          `  ${user.role.padEnd(6)}  ${user.email.padEnd(24)}  ${user.name.padEnd(13)}  ${password}`,
        );
      }
      console.log("Run `npm start` and sign in as one of them to look around.");
    });
}
