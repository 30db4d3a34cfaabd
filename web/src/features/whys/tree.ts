// Pure updates of the five-whys forest held by the section: each write's response is put back in
// place, so the tree never needs a full reload after one of our own changes.
import type { WhyNode } from "./whys.api.ts";

/** The forest with `node` (and what it now holds below it) in place of the why with its id. */
export function replaceWhy(forest: WhyNode[], node: WhyNode): WhyNode[] {
  return forest.map((n) => (n.id === node.id ? node : { ...n, children: replaceWhy(n.children, node) }));
}

/** The forest with `node` added last under its parent (or as a new analysis). */
export function appendWhy(forest: WhyNode[], node: WhyNode): WhyNode[] {
  if (node.parentId === null) return [...forest, node];
  return forest.map((n) =>
    n.id === node.parentId
      ? { ...n, children: [...n.children, node] }
      : { ...n, children: appendWhy(n.children, node) },
  );
}

/** The forest without the why `id` and its answers. */
export function dropWhy(forest: WhyNode[], id: number): WhyNode[] {
  return forest.filter((n) => n.id !== id).map((n) => ({ ...n, children: dropWhy(n.children, id) }));
}

/** The why with this id, anywhere in the forest. */
export function findWhy(forest: WhyNode[], id: number): WhyNode | undefined {
  for (const node of forest) {
    const hit = node.id === id ? node : findWhy(node.children, id);
    if (hit) return hit;
  }
  return undefined;
}

/** How many answers sit below a why (its answers, theirs, …). */
export function countAnswers(node: WhyNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countAnswers(child), 0);
}
