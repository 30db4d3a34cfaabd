import { api, ifMatchOf } from "../../api/client.ts";
import type { ActionItem, ActionItemType, Priority } from "../../../../src/actions/action-item.ts";
import type { WhyNode, WhyToActionItemInput } from "../../../../src/analysis/why-node.ts";

export type { ActionItem, ActionItemType, Priority, WhyNode, WhyToActionItemInput };

type Exhaustive<All, Listed extends readonly All[]> = [Exclude<All, Listed[number]>] extends [never]
  ? Listed
  : never;

// Repeated from the server's sets (zod stays out of the bundle); tsc fails if the server's set changes.
export const ACTION_ITEM_TYPES: Exhaustive<
  ActionItemType,
  readonly ["prevent", "detect", "mitigate", "process"]
> = ["prevent", "detect", "mitigate", "process"];
export const PRIORITIES: Exhaustive<Priority, readonly ["high", "medium", "low"]> = ["high", "medium", "low"];

const base = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/postmortem/whys`;

/** Every analysis of the post-mortem: roots in order, answers nested. */
export function listWhys(key: string, signal?: AbortSignal): Promise<WhyNode[]> {
  return api.get<WhyNode[]>(base(key), undefined, signal);
}

/** Answers the why `parentId`, or starts a new analysis (its problem statement) when it is null. */
export function addWhy(key: string, parentId: number | null, text: string): Promise<WhyNode> {
  return api.post<WhyNode>(base(key), { parentId, text });
}

/** Rewords a why; 412 when `read` is no longer the latest. */
export function rewordWhy(key: string, read: WhyNode, text: string): Promise<WhyNode> {
  return api.patch<WhyNode>(`${base(key)}/${read.id}`, { text }, ifMatchOf(read));
}

/** Removes a why and every answer below it; action items made from them stay. */
export function removeWhy(key: string, read: WhyNode): Promise<void> {
  return api.delete(`${base(key)}/${read.id}`, ifMatchOf(read));
}

/** Turns a why without answers into an action item linked to it (once per why). */
export function turnWhyIntoActionItem(
  key: string,
  why: WhyNode,
  input: WhyToActionItemInput,
): Promise<ActionItem> {
  return api.post<ActionItem>(`${base(key)}/${why.id}/action-item`, input);
}
