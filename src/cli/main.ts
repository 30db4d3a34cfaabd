import { Command, CommanderError } from "commander";
import { isDomainError, type ErrorCode } from "../shared/errors.ts";
import { registerBackup } from "./commands/backup.ts";
import { registerDemo } from "./commands/demo.ts";
import { registerExport } from "./commands/export.ts";
import { registerImport } from "./commands/import.ts";
import { registerIncident } from "./commands/incident.ts";
import { registerLint } from "./commands/lint.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerReminders } from "./commands/notify.ts";
import { registerServe } from "./commands/serve.ts";
import { registerTimeline } from "./commands/timeline.ts";
import { registerToken, registerUser } from "./commands/user.ts";

/** Exit codes scripts can rely on: 1 unexpected, 2 bad input, 3 not found, 4 conflict with current state. */
const EXIT_CODES: Record<ErrorCode, number> = {
  VALIDATION: 2,
  NOT_FOUND: 3,
  CONFLICT: 4,
  PRECONDITION_FAILED: 4,
  PRECONDITION_REQUIRED: 4,
  UNAUTHENTICATED: 1,
  FORBIDDEN: 1,
  RATE_LIMITED: 1,
};

const program = new Command("hindsight")
  .description("Hindsight: blameless post-mortems, from the first timeline entry to the last action item.")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerUser(program);
registerToken(program);
registerIncident(program);
registerTimeline(program);
registerExport(program);
registerImport(program);
registerLint(program);
registerReminders(program);
registerDemo(program);
registerBackup(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`hindsight: ${message}`);
  if (process.env.HINDSIGHT_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(isDomainError(error) ? EXIT_CODES[error.code] : 1);
}
