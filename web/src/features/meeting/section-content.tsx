import { messageOf } from "../../api/client.ts";
import type { Postmortem } from "../../api/types.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { UtcTime } from "../../components/utc-time.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { KIND_LABELS } from "../timeline/kinds.ts";
import { listTimeline } from "../timeline/timeline.api.ts";
import { getWhys, listActionItems, type ActionItem, type WhyNode } from "./meeting.api.ts";

/** Which part of the post-mortem an agenda section discusses. */
export type SectionContentKind =
  "summary" | "timeline" | "rootCause" | "improvements" | "actionItems" | "wentWell";

const BY_KEY: Record<string, SectionContentKind> = {
  stage: "summary",
  timeline: "timeline",
  "root-cause": "rootCause",
  improvements: "improvements",
  "action-items": "actionItems",
  "went-well": "wentWell",
};

/**
 * The part of the post-mortem a section fills: the default agenda's keys by name, a custom agenda's by
 * the words in its key or title, the summary otherwise.
 */
export function contentKindOf(section: { key: string; title: string }): SectionContentKind {
  const known = BY_KEY[section.key];
  if (known) return known;
  const words = `${section.key} ${section.title}`.toLowerCase();
  if (/timeline|chronolog/.test(words)) return "timeline";
  if (/action|follow.?up|owner/.test(words)) return "actionItems";
  if (/root|cause|why|factor/.test(words)) return "rootCause";
  if (/went.?well|worked|good/.test(words)) return "wentWell";
  if (/improv|lesson|learn|better/.test(words)) return "improvements";
  return "summary";
}

function Text({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h3>{title}</h3>
      {text.trim() ? <p className="mt-text">{text}</p> : <p className="empty">Nothing written yet.</p>}
    </>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <h3>{title}</h3>
      {items.length > 0 ? (
        <ul aria-label={title}>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="empty">Nothing written yet.</p>
      )}
    </>
  );
}

function Whys({ nodes }: { nodes: WhyNode[] }) {
  return (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          {node.text}
          {node.children.length > 0 && <Whys nodes={node.children} />}
        </li>
      ))}
    </ul>
  );
}

function Timeline({ incidentKey }: { incidentKey: string }) {
  const entries = useResource((signal) => listTimeline(incidentKey, signal), [incidentKey]);
  if (entries.error) return <ErrorAlert>Could not load the timeline: {messageOf(entries.error)}</ErrorAlert>;
  if (!entries.data) return <p className="loading">Loading the timeline…</p>;
  if (entries.data.length === 0) return <p className="empty">The timeline has no entries yet.</p>;
  return (
    <ol className="mt-timeline" aria-label="Timeline">
      {entries.data.map((entry) => (
        <li key={entry.id}>
          <UtcTime iso={entry.occurredAt} /> <span className="hint">{KIND_LABELS[entry.kind]}</span>{" "}
          {entry.text}
        </li>
      ))}
    </ol>
  );
}

function FiveWhys({ incidentKey }: { incidentKey: string }) {
  const whys = useResource((signal) => getWhys(incidentKey, signal), [incidentKey]);
  if (whys.error) return <ErrorAlert>Could not load the five whys: {messageOf(whys.error)}</ErrorAlert>;
  if (!whys.data) return <p className="loading">Loading the five whys…</p>;
  if (whys.data.length === 0) return <p className="empty">No five-whys analysis yet.</p>;
  return <Whys nodes={whys.data} />;
}

function describeItem(item: ActionItem): string {
  const parts = [item.owner ?? "no owner", item.dueDate ? `due ${item.dueDate}` : "no due date"];
  return `${parts.join(", ")}; ${item.status.replace(/_/g, " ")}${item.overdue ? ", overdue" : ""}`;
}

function ActionItems({ incidentKey }: { incidentKey: string }) {
  const items = useResource((signal) => listActionItems(incidentKey, signal), [incidentKey]);
  if (items.error) return <ErrorAlert>Could not load the action items: {messageOf(items.error)}</ErrorAlert>;
  if (!items.data) return <p className="loading">Loading the action items…</p>;
  if (items.data.length === 0) return <p className="empty">No action items yet.</p>;
  return (
    <ul aria-label="Action items">
      {items.data.map((item) => (
        <li key={item.id}>
          <strong>{item.title}</strong> <span className="hint">{describeItem(item)}</span>
        </li>
      ))}
    </ul>
  );
}

export interface SectionContentProps {
  incidentKey: string;
  kind: SectionContentKind;
  postmortem: Postmortem | undefined;
}

/** What the post-mortem says on the section's subject, read-only, to talk it through. */
export function SectionContent({ incidentKey, kind, postmortem }: SectionContentProps) {
  if (kind === "timeline") return <Timeline incidentKey={incidentKey} />;
  if (kind === "actionItems") return <ActionItems incidentKey={incidentKey} />;
  if (!postmortem) return <p className="loading">Loading the post-mortem…</p>;
  switch (kind) {
    case "rootCause":
      return (
        <>
          <Text title="Root cause" text={postmortem.rootCause} />
          <List title="Contributing factors" items={postmortem.contributingFactors} />
          <h3>Five whys</h3>
          <FiveWhys incidentKey={incidentKey} />
        </>
      );
    case "improvements":
      return (
        <>
          <List title="To improve" items={postmortem.lessons.toImprove} />
          <Text title="Detection" text={postmortem.detection} />
          <Text title="Resolution" text={postmortem.resolution} />
        </>
      );
    case "wentWell":
      return <List title="Went well" items={postmortem.lessons.wentWell} />;
    default:
      return <Text title="Summary" text={postmortem.summary} />;
  }
}
