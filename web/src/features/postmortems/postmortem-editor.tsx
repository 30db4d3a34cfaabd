import { lazy, Suspense, useState, type ReactNode } from "react";
import type { Postmortem, PostmortemFinding } from "../../api/types.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { AppendixEditor } from "./appendix-editor.tsx";
import { ConflictView } from "./conflict-view.tsx";
import {
  draftOf,
  SECTION_LABELS,
  type Draft,
  type ListSection,
  type SectionKey,
  type TextSection,
} from "./draft.ts";
import { sessionBackup } from "./draft-backup.ts";
import { HINTS, LISTS, previewMarkdown, statusText } from "./editor-copy.ts";
import { ExportLinks } from "./export-links.tsx";
import { FindingsPanel, InlineFindings } from "./findings-panel.tsx";
import { ListEditor } from "./list-editor.tsx";
import { getPostmortem, lintPostmortem, savePostmortem, setChecklistItem } from "./postmortems.api.ts";
import { Checklist, DeadlineBadges, RequiredDecision } from "./process-panel.tsx";
import { fieldId, focusTarget, targetOf } from "./targets.ts";
import { TextAreaField } from "./text-area-field.tsx";
import { useAutosave } from "./use-autosave.ts";
import { useLint } from "./use-lint.ts";
import { PostmortemActionItems } from "../actions/postmortem-action-items.tsx";
import { SimilarIncidents } from "../library/similar-incidents.tsx";
import { ReviewPanel } from "../review/review-panel.tsx";
import { WhysSection } from "../whys/whys-section.tsx";

const MarkdownPreview = lazy(() => import("./markdown-preview.tsx"));

export interface PostmortemEditorProps {
  incidentKey: string;
  initial: Postmortem;
  canEdit: boolean;
}

/**
 * Every section of the template, saved about a second after typing stops (If-Match); the linter's
 * findings beside them, asked again as you type and after each save; a side-by-side choice when
 * someone else saved the same section first.
 */
export function PostmortemEditor({ incidentKey, initial, canEdit }: PostmortemEditorProps) {
  const lint = useLint((signal) => lintPostmortem(incidentKey, signal));
  const autosave = useAutosave(
    initial,
    {
      save: (read, changes) => savePostmortem(incidentKey, read, changes),
      load: () => getPostmortem(incidentKey),
    },
    { enabled: canEdit, backup: sessionBackup(incidentKey), onSaved: () => lint.schedule(0) },
  );
  const [preview, setPreview] = useState(false);
  // Bumped when a five-whys leaf becomes an action item, so the action items section reloads.
  const [actionItemsRevision, setActionItemsRevision] = useState(0);
  const { base, draft, conflicts, state } = autosave;

  const edit = <K extends SectionKey>(section: K, value: Draft[K]) => {
    autosave.edit(section, value);
    lint.schedule();
  };

  const linted = draftOf(base);
  const placeOf = (finding: PostmortemFinding): string | undefined => {
    const target = targetOf(finding, linted);
    if (!target) return undefined;
    const label = SECTION_LABELS[target.section];
    if (target.line !== undefined) return `${label}, line ${target.line + 1}`;
    if (target.item !== undefined) return `${label}, item ${target.item + 1}`;
    return label;
  };
  const goTo = (finding: PostmortemFinding) => {
    const target = targetOf(finding, linted);
    if (target) focusTarget(target);
  };

  const findingsBySection = new Map<SectionKey, PostmortemFinding[]>();
  for (const finding of lint.result?.findings ?? []) {
    const target = targetOf(finding, linted);
    if (target)
      findingsBySection.set(target.section, [...(findingsBySection.get(target.section) ?? []), finding]);
  }

  /** A section's field with its findings under it, or the side-by-side choice while it is in conflict. */
  const section = (key: SectionKey, field: ReactNode) => {
    const theirs = conflicts[key];
    if (theirs === undefined) {
      return (
        <div className="pm-section">
          {field}
          <InlineFindings label={SECTION_LABELS[key]} findings={findingsBySection.get(key)} />
        </div>
      );
    }
    return (
      <ConflictView
        key={JSON.stringify(theirs)}
        section={key}
        mine={draft[key]}
        theirs={theirs}
        onChange={(value) => autosave.edit(key, value as Draft[typeof key])}
        onResolve={(value) => autosave.resolve(key, value as Draft[typeof key])}
      />
    );
  };

  const text = (key: TextSection, extra?: ReactNode) =>
    section(
      key,
      <TextAreaField
        id={fieldId(key)}
        label={SECTION_LABELS[key]}
        description={
          <>
            {HINTS[key]}
            {extra}
          </>
        }
        rows={key === "summary" ? 3 : 5}
        value={draft[key]}
        readOnly={!canEdit}
        onChange={(e) => edit(key, e.target.value)}
      />,
    );

  const list = (key: ListSection) =>
    section(
      key,
      <ListEditor
        section={key}
        label={SECTION_LABELS[key]}
        itemLabel={LISTS[key].item}
        addLabel={LISTS[key].add}
        description={LISTS[key].hint}
        items={draft[key]}
        readOnly={!canEdit}
        onChange={(items) => edit(key, items)}
      />,
    );

  const conflicted = Object.keys(conflicts).length;
  const detectedAfter =
    base.timeToDetectSeconds != null
      ? ` The incident record says it was detected ${Math.round(base.timeToDetectSeconds / 60)} minutes after it started.`
      : "";

  return (
    <>
      <div className="pm-toolbar">
        <StatusLine>{canEdit ? statusText(state) : "Read only: your role can read, not edit."}</StatusLine>
        <ExportLinks incidentKey={incidentKey} />
      </div>
      {autosave.restored && (
        <p className="hint">
          Text you had not saved on your last visit is back in the fields, and is being saved.
        </p>
      )}
      {state.kind === "failed" && (
        <div role="alert" className="alert">
          Your changes are not saved yet: {state.message.replace(/(?<![.!?])$/, ".")}
          {state.retrying && " Trying again in a few seconds."}{" "}
          <button type="button" onClick={() => void autosave.saveNow()}>
            Try again
          </button>
        </div>
      )}
      <ErrorAlert>
        {conflicted > 0 &&
          `Someone else saved this post-mortem while you were writing. Your text is kept: choose for ${
            conflicted === 1 ? "the section" : `each of the ${conflicted} sections`
          } marked below.`}
      </ErrorAlert>
      <div className="pm-process">
        <RequiredDecision postmortem={base} />
        <DeadlineBadges postmortem={base} />
      </div>
      <ReviewPanel
        incidentKey={incidentKey}
        postmortem={base}
        canEdit={canEdit}
        onChanged={(next) => autosave.refresh(() => next)}
      />
      <div className="pm-layout">
        <form
          className="pm-editor stack"
          aria-label="Post-mortem sections"
          onSubmit={(event) => {
            event.preventDefault();
            void autosave.saveNow();
          }}
        >
          {text("summary")}
          {text("rootCause")}
          {list("contributingFactors")}
          {text("detection", detectedAfter)}
          {text("resolution")}
          <div className="pm-lessons">
            <h2>Lessons learned</h2>
            {list("wentWell")}
            {list("toImprove")}
          </div>
          {section(
            "appendix",
            <AppendixEditor
              links={draft.appendix}
              readOnly={!canEdit}
              onChange={(links) => edit("appendix", links)}
            />,
          )}
          <div className="actions">
            <button type="button" aria-expanded={preview} onClick={() => setPreview(!preview)}>
              {preview ? "Hide preview" : "Show preview"}
            </button>
          </div>
          {preview && (
            <Suspense fallback={<p className="loading">Loading the preview…</p>}>
              <MarkdownPreview markdown={previewMarkdown(draft)} />
            </Suspense>
          )}
        </form>
        <FindingsPanel lint={lint} placeOf={placeOf} onGoTo={goTo} incidentKey={incidentKey} />
      </div>
      <PostmortemActionItems
        incidentKey={incidentKey}
        canEdit={canEdit}
        refreshSignal={actionItemsRevision}
        onChanged={() => lint.schedule(0)}
      />
      <WhysSection
        incidentKey={incidentKey}
        canEdit={canEdit}
        onActionItemCreated={() => {
          setActionItemsRevision((n) => n + 1);
          lint.schedule(0);
        }}
      />
      <SimilarIncidents incidentKey={incidentKey} />
      <Checklist
        checklist={base.checklist}
        canEdit={canEdit}
        onToggle={async (item, ticked) => {
          const next = await setChecklistItem(incidentKey, item, ticked);
          // A tick does not change the text or the version: only the checklist is taken.
          autosave.refresh((current) => ({ ...current, checklist: next.checklist }));
        }}
      />
    </>
  );
}
