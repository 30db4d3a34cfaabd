import { useEffect, useRef, type KeyboardEvent } from "react";
import { fieldId } from "./targets.ts";
import type { ListSection } from "./draft.ts";

export interface ListEditorProps {
  section: ListSection;
  /** The legend: "Contributing factors". */
  label: string;
  /** One item's name, numbered in its label: "Contributing factor" → "Contributing factor 2". */
  itemLabel: string;
  /** The add button's text: "Add a contributing factor". */
  addLabel: string;
  items: string[];
  readOnly?: boolean;
  description?: string;
  onChange(items: string[]): void;
}

/**
 * A list of one-line items: Enter adds an item below and moves to it, Backspace in an empty item
 * removes it; each item has its own label and Remove button.
 */
export function ListEditor({
  section,
  label,
  itemLabel,
  addLabel,
  items,
  readOnly = false,
  description,
  onChange,
}: ListEditorProps) {
  const focusItem = useRef<number | null>(null);
  const hintId = `${fieldId(section)}-hint`;

  useEffect(() => {
    if (focusItem.current === null) return;
    const target = focusItem.current;
    focusItem.current = null;
    const element = document.getElementById(target < 0 ? fieldId(section) : fieldId(section, target));
    element?.focus();
  });

  const insertAfter = (index: number) => {
    focusItem.current = index + 1;
    onChange([...items.slice(0, index + 1), "", ...items.slice(index + 1)]);
  };
  const remove = (index: number) => {
    focusItem.current = items.length === 1 ? -1 : Math.max(0, index - 1);
    onChange(items.filter((_, i) => i !== index));
  };
  const change = (index: number, value: string) => onChange(items.map((v, i) => (i === index ? value : v)));

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key === "Enter") {
      event.preventDefault();
      insertAfter(index);
    } else if (event.key === "Backspace" && items[index] === "" && items.length > 0) {
      event.preventDefault();
      remove(index);
    }
  }

  return (
    <fieldset className="pm-list" aria-describedby={description ? hintId : undefined}>
      <legend>{label}</legend>
      {description && (
        <small id={hintId} className="hint">
          {description}
        </small>
      )}
      {items.length === 0 && readOnly && <p className="empty">None yet.</p>}
      {items.length > 0 && (
        <ol className="pm-items">
          {items.map((item, index) => (
            <li key={index} className="pm-item">
              <label htmlFor={fieldId(section, index)} className="visually-hidden">
                {itemLabel} {index + 1}
              </label>
              <input
                id={fieldId(section, index)}
                value={item}
                readOnly={readOnly}
                onChange={(e) => change(index, e.target.value)}
                onKeyDown={readOnly ? undefined : (e) => onKeyDown(e, index)}
              />
              {!readOnly && (
                <button type="button" className="pm-remove" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> {`${itemLabel.toLowerCase()} ${index + 1}`}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <button type="button" id={fieldId(section)} onClick={() => insertAfter(items.length - 1)}>
          {addLabel}
        </button>
      )}
    </fieldset>
  );
}
