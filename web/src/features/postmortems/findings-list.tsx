import { useId } from "react";
import type { PostmortemFinding } from "../../api/types.ts";
import { sectionTitle } from "./targets.ts";

const SEVERITY_LABELS = { error: "Error", warning: "Warning", info: "Note" } as const;

export interface FindingsListProps {
  findings: PostmortemFinding[];
  /** Where "Go to" leads ("Root cause, line 3"); undefined when the page has no field for it. */
  placeOf(finding: PostmortemFinding): string | undefined;
  onGoTo(finding: PostmortemFinding): void;
}

interface Group {
  section: string | null;
  findings: PostmortemFinding[];
}

/** Findings grouped by section in document order. */
export function groupFindings(findings: PostmortemFinding[]): Group[] {
  const groups: Group[] = [];
  for (const finding of [...findings].sort((a, b) => a.line - b.line || a.column - b.column)) {
    const group = groups.find((g) => g.section === finding.section);
    if (group) group.findings.push(finding);
    else groups.push({ section: finding.section, findings: [finding] });
  }
  return groups;
}

/** The linter's findings, section by section: what is wrong, what to do instead, and a jump there. */
export function FindingsList({ findings, placeOf, onGoTo }: FindingsListProps) {
  if (findings.length === 0)
    return <p className="empty">No findings: nothing here blames, hedges or is missing.</p>;
  return (
    <div className="pm-finding-groups">
      {groupFindings(findings).map((group) => (
        <FindingGroup key={group.section ?? ""} group={group} placeOf={placeOf} onGoTo={onGoTo} />
      ))}
    </div>
  );
}

function FindingGroup({
  group,
  placeOf,
  onGoTo,
}: { group: Group } & Pick<FindingsListProps, "placeOf" | "onGoTo">) {
  const headingId = useId();
  const title = sectionTitle(group.section);
  return (
    <section aria-labelledby={headingId} className="pm-finding-group">
      <h3 id={headingId}>{title}</h3>
      <ul className="pm-findings-list">
        {group.findings.map((finding, index) => {
          const place = placeOf(finding);
          return (
            <li key={`${finding.line}:${finding.column}:${finding.ruleId}:${index}`} className="pm-finding">
              <p className="pm-finding-message">
                <span className={`badge severity-${finding.severity}`}>
                  {SEVERITY_LABELS[finding.severity]}
                </span>{" "}
                {finding.message}
              </p>
              {finding.suggestion && (
                <p className="pm-suggestion">
                  <strong>Suggestion:</strong> {finding.suggestion}
                </p>
              )}
              {place && (
                <button type="button" className="link-button" onClick={() => onGoTo(finding)}>
                  Go to<span className="visually-hidden"> {place}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
