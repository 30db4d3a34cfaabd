import { useEffect, useRef } from "react";
import type { AppendixLink } from "../../api/types.ts";
import { isCompleteLink } from "./draft.ts";
import { fieldId } from "./targets.ts";

export interface AppendixEditorProps {
  links: AppendixLink[];
  readOnly?: boolean;
  onChange(links: AppendixLink[]): void;
}

/** Links to dashboards, tickets and chat logs: a title and an http(s) address each. */
export function AppendixEditor({ links, readOnly = false, onChange }: AppendixEditorProps) {
  const added = useRef(false);
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    document.getElementById(fieldId("appendix", links.length - 1))?.focus();
  });
  const change = (index: number, part: keyof AppendixLink, value: string) =>
    onChange(links.map((link, i) => (i === index ? { ...link, [part]: value } : link)));

  return (
    <fieldset className="pm-list">
      <legend>Appendix links</legend>
      {links.length === 0 && readOnly && <p className="empty">None yet.</p>}
      {links.length > 0 && (
        <ol className="pm-items">
          {links.map((link, index) => {
            const unfinished = !isCompleteLink(link) && (link.title !== "" || link.url !== "");
            const hintId = `${fieldId("appendix", index)}-hint`;
            return (
              <li key={index} className="pm-link">
                <div className="field">
                  <label htmlFor={fieldId("appendix", index)}>Link {index + 1} title</label>
                  <input
                    id={fieldId("appendix", index)}
                    value={link.title}
                    readOnly={readOnly}
                    aria-describedby={unfinished ? hintId : undefined}
                    onChange={(e) => change(index, "title", e.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${fieldId("appendix", index)}-url`}>Link {index + 1} URL</label>
                  <input
                    id={`${fieldId("appendix", index)}-url`}
                    type="url"
                    inputMode="url"
                    placeholder="https://"
                    value={link.url}
                    readOnly={readOnly}
                    aria-invalid={unfinished && link.url !== "" ? true : undefined}
                    aria-describedby={unfinished ? hintId : undefined}
                    onChange={(e) => change(index, "url", e.target.value)}
                  />
                </div>
                {unfinished && (
                  <small id={hintId} className="hint">
                    Saved once it has a title and an address starting with http:// or https://.
                  </small>
                )}
                {readOnly ? (
                  isCompleteLink(link) && (
                    <a href={link.url} rel="noopener noreferrer" target="_blank">
                      Open {link.title}
                    </a>
                  )
                ) : (
                  <button
                    type="button"
                    className="pm-remove"
                    onClick={() => onChange(links.filter((_, i) => i !== index))}
                  >
                    Remove<span className="visually-hidden"> link {index + 1}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <button
          type="button"
          id={fieldId("appendix")}
          onClick={() => {
            added.current = true;
            onChange([...links, { title: "", url: "" }]);
          }}
        >
          Add link
        </button>
      )}
    </fieldset>
  );
}
