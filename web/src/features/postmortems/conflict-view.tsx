import { useId, useState } from "react";
import type { AppendixLink } from "../../api/types.ts";
import { mergeList, mergeText, SECTION_LABELS, type SectionKey, type SectionValue } from "./draft.ts";
import { fieldId } from "./targets.ts";

// A section both you and someone else changed. Lists are edited here one item per line, and links as
// `Title | https://…` per line, so the three choices work the same for every section.

/** The section as text in the "Your version" box. */
export function sectionText(section: SectionKey, value: SectionValue): string {
  if (section === "appendix") return (value as AppendixLink[]).map((l) => `${l.title} | ${l.url}`).join("\n");
  return Array.isArray(value) ? (value as string[]).join("\n") : (value as string);
}

/** The "Your version" box read back as the section's value. */
export function sectionValue(section: SectionKey, text: string): SectionValue {
  if (section === "appendix") {
    return text
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => {
        const at = line.lastIndexOf(" | ");
        return at < 0
          ? { title: line.trim(), url: "" }
          : { title: line.slice(0, at).trim(), url: line.slice(at + 3).trim() };
      });
  }
  if (section === "contributingFactors" || section === "wentWell" || section === "toImprove") {
    return text.split("\n");
  }
  return text;
}

function merged(section: SectionKey, mine: SectionValue, theirs: SectionValue): SectionValue {
  if (typeof mine === "string") return mergeText(mine, theirs as string);
  if (section === "appendix") return mergeList(mine as AppendixLink[], theirs as AppendixLink[]);
  const trimmed = (list: SectionValue) => (list as string[]).map((item) => item.trim()).filter(Boolean);
  return mergeList(trimmed(mine), trimmed(theirs));
}

export interface ConflictViewProps {
  section: SectionKey;
  mine: SectionValue;
  theirs: SectionValue;
  /** Every keystroke in "Your version", so a later save or conflict still has it. */
  onChange(value: SectionValue): void;
  /** The writer's choice: saved over theirs. */
  onResolve(value: SectionValue): void;
}

/**
 * "Your version" (editable, what you typed) beside "Their version" (read-only), with three ways out:
 * keep yours as it now reads, use theirs, or merge both into yours to edit before keeping it.
 */
export function ConflictView({ section, mine, theirs, onChange, onResolve }: ConflictViewProps) {
  const [text, setText] = useState(() => sectionText(section, mine));
  const headingId = useId();
  const theirsId = useId();
  const label = SECTION_LABELS[section];
  const isList = typeof mine !== "string";
  const theirText = sectionText(section, theirs);

  const update = (next: string) => {
    setText(next);
    onChange(sectionValue(section, next));
  };

  return (
    <section className="pm-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>{label}: someone else changed it too</h3>
      <p className="hint">
        Someone saved a different {label.toLowerCase()} while you were writing. Nothing you typed is lost:
        keep yours, use theirs, or merge both and edit the result.
        {isList && (section === "appendix" ? " One link per line: Title | URL." : " One item per line.")}
      </p>
      <div className="pm-conflict-columns">
        <div className="field">
          <label htmlFor={fieldId(section)}>
            Your version<span className="visually-hidden"> of {label}</span>
          </label>
          <textarea
            id={fieldId(section)}
            rows={Math.max(4, text.split("\n").length + 1)}
            value={text}
            onChange={(e) => update(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={theirsId}>
            Their version<span className="visually-hidden"> of {label}</span>
          </label>
          <textarea
            id={theirsId}
            readOnly
            rows={Math.max(4, theirText.split("\n").length + 1)}
            value={theirText}
            className="pm-theirs"
          />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onResolve(sectionValue(section, text))}>
          Keep mine<span className="visually-hidden"> for {label}</span>
        </button>
        <button type="button" onClick={() => onResolve(theirs)}>
          Use theirs<span className="visually-hidden"> for {label}</span>
        </button>
        <button
          type="button"
          onClick={() => update(sectionText(section, merged(section, sectionValue(section, text), theirs)))}
        >
          Merge both<span className="visually-hidden"> for {label}</span>
        </button>
      </div>
    </section>
  );
}
