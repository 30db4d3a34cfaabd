// Sums the CI steps into one closing line, `tests: N passed, N failed`, and exits non-zero on any failure.
// Arguments: `name:exitCode` for a step without a report (a failure counts as one failed test line), or
// `name:exitCode:report.json` for a vitest run with a JSON report.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;

for (const arg of process.argv.slice(2)) {
  const [name, rcText, ...reportParts] = arg.split(":");
  const rc = Number(rcText);
  const report = reportParts.join(":");
  let stepPassed = 0;
  let stepFailed = 0;
  let skipped = 0;
  let note = "";
  if (!report) {
    if (rc !== 0) stepFailed = 1;
  } else if (!existsSync(report)) {
    stepFailed = 1;
    note = "no JSON report";
  } else {
    try {
      const json = JSON.parse(readFileSync(report, "utf8"));
      stepPassed = json.numPassedTests ?? 0;
      stepFailed = json.numFailedTests ?? 0;
      skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
      if (json.numFailedTestSuites) note = `${json.numFailedTestSuites} failed suite(s)`;
    } catch (error) {
      stepFailed = 1;
      note = `unreadable report: ${error instanceof Error ? error.message : String(error)}`;
    }
    // A run that failed without a failed test (a file that did not load, a crash) still counts once.
    if (rc !== 0 && stepFailed === 0) stepFailed = 1;
  }
  passed += stepPassed;
  failed += stepFailed;
  const extra = note ? `  (${note})` : "";
  console.log(
    `  ${name.padEnd(9)} exit=${rc}  passed=${stepPassed} failed=${stepFailed} skipped=${skipped}${extra}`,
  );
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
