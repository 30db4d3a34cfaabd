import { useEffect, useId, useRef, useState } from "react";
import { Link } from "wouter";
import { ApiError, isStale, messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { ActionItemForm } from "./action-item-form.tsx";
import { AnswerForm } from "./answer-form.tsx";
import { ADVISED_DEPTH, depthLabel, nudgesFor } from "./hints.ts";
import { countAnswers, findWhy } from "./tree.ts";
import { WhyEditor } from "./why-editor.tsx";
import { addWhy, listWhys, removeWhy, type ActionItem, type WhyNode } from "./whys.api.ts";

export interface FocusRequest {
  id: number;
  target: "ask" | "edit" | "actionItem";
}

/** What every why of the section shares: the incident, the role, the forest's updates and the focus. */
export interface WhyTree {
  incidentKey: string;
  canEdit: boolean;
  /** A control to focus once it is on screen (after a save moved or re-rendered it). */
  focus: FocusRequest | undefined;
  requestFocus(request: FocusRequest | undefined): void;
  onAdded(node: WhyNode): void;
  onReplaced(node: WhyNode): void;
  onRemoved(node: WhyNode): void;
  onActionItemCreated(node: WhyNode, item: ActionItem): void;
}

type Mode = "idle" | "asking" | "editing" | "removing" | "acting";

/** One why with its answers nested below it; editors drive it from the keyboard. */
export function WhyItem({ tree, node, depth }: { tree: WhyTree; node: WhyNode; depth: number }) {
  const [mode, setMode] = useState<Mode>("idle");
  const [message, setMessage] = useState<string | undefined>();
  const targets = {
    ask: useRef<HTMLButtonElement>(null),
    edit: useRef<HTMLButtonElement>(null),
    actionItem: useRef<HTMLAnchorElement>(null),
  };
  const label = depthLabel(depth);
  const leaf = node.children.length === 0;

  useEffect(() => {
    if (tree.focus?.id !== node.id) return;
    const target = targets[tree.focus.target].current;
    if (!target) return;
    target.focus();
    tree.requestFocus(undefined);
  });

  function finish(target?: FocusRequest["target"]) {
    setMode("idle");
    setMessage(undefined);
    if (target) tree.requestFocus({ id: node.id, target });
  }

  async function answer(text: string) {
    const added = await addWhy(tree.incidentKey, node.id, text).catch((caught: unknown) => {
      if (caught instanceof ApiError && caught.fieldError("parentId")) {
        throw new Error("Someone removed this why meanwhile; reload the page to see the tree as it is.");
      }
      throw caught;
    });
    setMode("idle");
    tree.onAdded(added);
    tree.requestFocus({ id: added.id, target: "ask" });
  }

  async function remove() {
    try {
      await removeWhy(tree.incidentKey, node);
      tree.onRemoved(node);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) return tree.onRemoved(node);
      if (!isStale(caught)) return setMessage(messageOf(caught));
      const latest = await listWhys(tree.incidentKey).then(
        (forest) => findWhy(forest, node.id),
        () => undefined,
      );
      if (!latest) return tree.onRemoved(node);
      tree.onReplaced(latest);
      setMessage("Someone changed this why since you loaded it; the latest is shown. Remove again to go on.");
    }
  }

  const nudges = tree.canEdit && mode === "idle" ? nudgesFor(node, depth) : [];
  return (
    <li className="why">
      <div className="why-node">
        {mode === "editing" ? (
          <WhyEditor
            incidentKey={tree.incidentKey}
            node={node}
            label={label}
            onSaved={(saved) => {
              tree.onReplaced(saved);
              finish("edit");
            }}
            onTheirs={tree.onReplaced}
            onCancel={() => finish("edit")}
          />
        ) : (
          <p className="why-line">
            <span className={depth > ADVISED_DEPTH ? "why-depth past-five" : "why-depth"}>{label}</span>{" "}
            <span className="why-text">{node.text}</span>
          </p>
        )}
        {node.actionItemId !== null && (
          <p className="why-action-item">
            Became{" "}
            <Link ref={targets.actionItem} href="/action-items?view=all">
              action item #{node.actionItemId}
            </Link>
          </p>
        )}
        {nudges.map((nudge) => (
          <p key={nudge} className="hint why-hint">
            {nudge}
          </p>
        ))}
        {mode !== "removing" && <ErrorAlert>{message}</ErrorAlert>}
        {tree.canEdit && mode === "idle" && (
          <div className="why-toolbar">
            <button
              type="button"
              ref={targets.ask}
              aria-label={`${leaf ? "Ask why" : "Add another cause"}: ${node.text}`}
              onClick={() => setMode("asking")}
            >
              {leaf ? "Ask why" : "Add another cause"}
            </button>
            <button
              type="button"
              ref={targets.edit}
              aria-label={`Edit: ${node.text}`}
              onClick={() => setMode("editing")}
            >
              Edit
            </button>
            {leaf && depth > 0 && node.actionItemId === null && (
              <button
                type="button"
                aria-label={`Make an action item: ${node.text}`}
                onClick={() => setMode("acting")}
              >
                Make an action item
              </button>
            )}
            <button type="button" aria-label={`Remove: ${node.text}`} onClick={() => setMode("removing")}>
              Remove
            </button>
          </div>
        )}
        {mode === "removing" && (
          <RemoveConfirm node={node} message={message} onConfirm={remove} onKeep={() => finish("edit")} />
        )}
        {mode === "acting" && (
          <ActionItemForm
            incidentKey={tree.incidentKey}
            node={node}
            label={label}
            onCreated={(item) => {
              setMode("idle");
              tree.onActionItemCreated(node, item);
            }}
            onCancel={() => finish("ask")}
          />
        )}
      </div>
      {(!leaf || mode === "asking") && (
        <ol className="why-children" aria-label={`Answers to ${label}: ${node.text}`}>
          {node.children.map((child) => (
            <WhyItem key={child.id} tree={tree} node={child} depth={depth + 1} />
          ))}
          {mode === "asking" && (
            <li className="why why-new">
              <AnswerForm
                label={depthLabel(depth + 1)}
                description={`Why: “${node.text}”? Enter saves, Escape cancels.`}
                submitLabel="Save answer"
                emptyMessage="Write the answer first, or press Escape to cancel."
                autoFocus
                onSave={answer}
                onCancel={() => finish("ask")}
              />
            </li>
          )}
        </ol>
      )}
    </li>
  );
}

interface RemoveConfirmProps {
  node: WhyNode;
  message: string | undefined;
  onConfirm(): Promise<void>;
  onKeep(): void;
}

/** Asks before removing a why, saying how many answers go with it; Escape keeps it. */
function RemoveConfirm({ node, message, onConfirm, onKeep }: RemoveConfirmProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const answers = countAnswers(node);
  const below = answers === 0 ? "" : ` and the ${answers === 1 ? "answer" : `${answers} answers`} below it`;
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="why-confirm"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        onKeep();
      }}
    >
      <ErrorAlert>{message}</ErrorAlert>
      <p id={id}>
        Remove “{node.text}”{below}? Action items made from them stay.
      </p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onConfirm();
            setBusy(false);
          }}
        >
          {busy ? "Removing…" : "Yes, remove"}
        </button>
        <button type="button" autoFocus onClick={onKeep}>
          Keep it
        </button>
      </div>
    </div>
  );
}
