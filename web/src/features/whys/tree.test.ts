import { describe, expect, it } from "vitest";
import { appendWhy, countAnswers, dropWhy, findWhy, replaceWhy } from "./tree.ts";
import type { WhyNode } from "./whys.api.ts";

const why = (id: number, parentId: number | null, children: WhyNode[] = []): WhyNode => ({
  id,
  parentId,
  position: 0,
  text: `why ${id}`,
  actionItemId: null,
  version: 1,
  children,
});

const forest = () => [why(1, null, [why(2, 1, [why(3, 2)]), why(4, 1)]), why(5, null)];

describe("the five-whys forest updates", () => {
  it("adds an answer last under its parent at any depth, and a root as a new analysis", () => {
    const added = appendWhy(appendWhy(forest(), why(6, 2)), why(7, null));
    expect(findWhy(added, 2)!.children.map((n) => n.id)).toEqual([3, 6]);
    expect(added.map((n) => n.id)).toEqual([1, 5, 7]);
  });

  it("replaces a why with the server's copy, and drops one with everything below it", () => {
    const replaced = replaceWhy(forest(), { ...why(3, 2), text: "reworded", version: 2 });
    expect(findWhy(replaced, 3)).toMatchObject({ text: "reworded", version: 2 });
    const dropped = dropWhy(forest(), 2);
    expect(findWhy(dropped, 2)).toBeUndefined();
    expect(findWhy(dropped, 3)).toBeUndefined();
    expect(findWhy(dropped, 1)!.children.map((n) => n.id)).toEqual([4]);
  });

  it("counts every answer below a why", () => {
    expect(countAnswers(forest()[0]!)).toBe(3);
    expect(countAnswers(forest()[1]!)).toBe(0);
  });
});
