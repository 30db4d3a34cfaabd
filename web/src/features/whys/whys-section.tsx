import { useId, useRef, useState, type KeyboardEvent } from "react";
import { messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { AnswerForm } from "./answer-form.tsx";
import { appendWhy, dropWhy, replaceWhy } from "./tree.ts";
import { WhyItem, type FocusRequest, type WhyTree } from "./why-item.tsx";
import { addWhy, listWhys, type WhyNode } from "./whys.api.ts";
import "./whys.css";

export interface WhysSectionProps {
  incidentKey: string;
  canEdit: boolean;
  onActionItemCreated(): void;
}

/**
 * The five-whys analyses of a post-mortem as nested lists: editors start an analysis from a problem
 * statement, answer each why (several answers branch), reword, remove, and turn a why without answers
 * into an action item; viewers read the tree.
 */
export function WhysSection({ incidentKey, canEdit, onActionItemCreated }: WhysSectionProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const forest = useResource((signal) => listWhys(incidentKey, signal), [incidentKey]);
  const [focus, setFocus] = useState<FocusRequest | undefined>();
  const update = (change: (nodes: WhyNode[]) => WhyNode[]) => forest.setData((nodes) => change(nodes ?? []));

  const tree: WhyTree = {
    incidentKey,
    canEdit,
    focus,
    requestFocus: setFocus,
    onAdded: (node) => update((nodes) => appendWhy(nodes, node)),
    onReplaced: (node) => update((nodes) => replaceWhy(nodes, node)),
    onRemoved: (node) => {
      update((nodes) => dropWhy(nodes, node.id));
      if (node.parentId !== null) setFocus({ id: node.parentId, target: "ask" });
      else heading.current?.focus();
    },
    onActionItemCreated: (node, item) => {
      // The server bumps the why's version when it links the item.
      update((nodes) => replaceWhy(nodes, { ...node, actionItemId: item.id, version: node.version + 1 }));
      setFocus({ id: node.id, target: "actionItem" });
      onActionItemCreated();
    },
  };

  async function start(text: string) {
    const root = await addWhy(incidentKey, null, text);
    tree.onAdded(root);
    setFocus({ id: root.id, target: "ask" });
  }

  const analyses = forest.data ?? [];
  return (
    <section className="whys" aria-labelledby={headingId} onKeyDown={moveBetweenWhys}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Five whys
      </h2>
      {canEdit && (
        <p className="hint">
          Start from the problem, ask why about five times until you reach a cause a team can fix, then make
          it an action item. Several answers to one why are several causes. The up and down arrows move
          between whys.
        </p>
      )}
      {forest.loading && !forest.data && <p className="loading">Loading the five whys…</p>}
      {forest.error !== undefined && (
        <div className="actions">
          <ErrorAlert>The five whys could not be loaded: {messageOf(forest.error)}</ErrorAlert>
          <button type="button" onClick={() => void forest.reload()}>
            Try again
          </button>
        </div>
      )}
      {forest.data && analyses.length === 0 && !canEdit && (
        <p className="empty">No five-whys analysis yet.</p>
      )}
      {analyses.map((root, index) => (
        <Analysis key={root.id} tree={tree} root={root} number={index + 1} />
      ))}
      {canEdit && forest.data && (
        <AnswerForm
          label="Problem statement"
          description="What went wrong, as the people affected saw it. Enter starts the analysis."
          submitLabel={analyses.length === 0 ? "Start analysis" : "Start another analysis"}
          emptyMessage="State the problem first."
          onSave={start}
        />
      )}
    </section>
  );
}

function Analysis({ tree, root, number }: { tree: WhyTree; root: WhyNode; number: number }) {
  const id = useId();
  return (
    <div className="why-analysis">
      <h3 id={id}>Analysis {number}</h3>
      <ol className="why-tree" aria-labelledby={id}>
        <WhyItem tree={tree} node={root} depth={0} />
      </ol>
    </div>
  );
}

/** Up and down arrows on a why's buttons go to the previous or next why's first button, across analyses. */
function moveBetweenWhys(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
  if (!(event.target instanceof HTMLElement) || !event.target.matches(".why-toolbar > button")) return;
  const firsts = [...event.currentTarget.querySelectorAll<HTMLElement>(".why-toolbar > button:first-child")];
  const here = firsts.indexOf(event.target.parentElement!.firstElementChild as HTMLElement);
  const next = firsts[here + (event.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}
