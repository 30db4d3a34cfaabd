import { Link } from "wouter";
import type { PostmortemFinding } from "../../api/types.ts";
import { FindingsList } from "./findings-list.tsx";
import type { Lint } from "./use-lint.ts";

export interface FindingsPanelProps {
  lint: Pick<Lint, "result" | "checking" | "error">;
  incidentKey: string;
  placeOf(finding: PostmortemFinding): string | undefined;
  onGoTo(finding: PostmortemFinding): void;
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/** The linter's view of the saved post-mortem, kept beside the fields. */
export function FindingsPanel({ lint, incidentKey, placeOf, onGoTo }: FindingsPanelProps) {
  const { result } = lint;
  const onTimeline = result?.findings.some((f) => f.section === "Timeline (UTC)") ?? false;
  return (
    // Focusable: on wide screens the panel scrolls on its own, and the keyboard must reach all of it.
    <section
      className="pm-findings"
      aria-labelledby="pm-findings-heading"
      aria-busy={lint.checking}
      tabIndex={0}
    >
      <h2 id="pm-findings-heading">Findings</h2>
      {result && (
        <p className="pm-score">
          Score <strong>{result.summary.score}</strong>/100: {count(result.summary.errors, "error")},{" "}
          {count(result.summary.warnings, "warning")}
          {result.summary.infos > 0 && `, ${count(result.summary.infos, "note")}`}
        </p>
      )}
      <p className="hint">
        {lint.checking ? "Checking…" : "Checks the saved text for blame, shallow fixes and gaps."}
      </p>
      {lint.error && <p className="field-error">The check failed: {lint.error}</p>}
      {result ? (
        <FindingsList findings={result.findings} placeOf={placeOf} onGoTo={onGoTo} />
      ) : (
        !lint.error && <p className="loading">Checking the post-mortem…</p>
      )}
      {onTimeline && (
        <p className="hint">
          Timeline entries are edited on <Link href={`/incidents/${incidentKey}`}>the incident page</Link>.
        </p>
      )}
    </section>
  );
}

/**
 * A section's findings right under its field, for narrow screens where the findings panel sits below
 * every field instead of beside them (hidden by CSS when the panel is beside).
 */
export function InlineFindings({
  label,
  findings,
}: {
  label: string;
  findings: PostmortemFinding[] | undefined;
}) {
  if (!findings || findings.length === 0) return null;
  return (
    <ul className="pm-inline-findings" aria-label={`Findings in ${label}`}>
      {findings.map((finding, index) => (
        <li key={index} className={`severity-${finding.severity}`}>
          {finding.message}
        </li>
      ))}
    </ul>
  );
}
