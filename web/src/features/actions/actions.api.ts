import { api, ifMatchOf } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";
import type {
  ActionItem,
  ActionItemStatus,
  ActionItemType,
  CreateActionItemInput,
  Priority,
  UpdateActionItemInput,
} from "../../../../src/actions/action-item.ts";

export type { ActionItem, ActionItemStatus, ActionItemType, Priority };
export type NewActionItem = CreateActionItemInput;
export type ActionItemChanges = UpdateActionItemInput;

const PAGE_SIZE = 50;
const itemPath = (id: number) => `/api/v1/action-items/${id}`;
const incidentPath = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/action-items`;

/** What the board asks for. `owners`: any of these names or e-mails ("Mine" asks for both). */
export interface BoardQuery {
  owners?: string[] | undefined;
  status?: ActionItemStatus | undefined;
  overdue?: boolean | undefined;
}

/** The items loaded so far and, per owner asked for, the cursor of its next page (null: no more). */
export interface BoardPage {
  items: ActionItem[];
  cursors: (string | null)[];
}

const noDueDate = "9999-99-99";

/** Soonest due first, no due date last, then in the order they were made: the server's order. */
export function byDueDate(a: ActionItem, b: ActionItem): number {
  const due = (a.dueDate ?? noDueDate).localeCompare(b.dueDate ?? noDueDate);
  return due !== 0 ? due : a.id - b.id;
}

function streams(query: BoardQuery): (string | undefined)[] {
  const owners = [...new Set((query.owners ?? []).map((o) => o.trim()).filter(Boolean))];
  // Matching is case-insensitive on the server: asking twice for the same folded name is wasted.
  const folded = owners.filter(
    (owner, i) => owners.findIndex((o) => o.toLowerCase() === owner.toLowerCase()) === i,
  );
  return folded.length > 0 ? folded : [undefined];
}

/**
 * One page of the board, or the next one when `after` (the previous page's cursors) is given: one
 * request per owner asked for, merged in due-date order.
 */
export async function listBoard(
  query: BoardQuery,
  after?: BoardPage,
  signal?: AbortSignal,
): Promise<BoardPage> {
  const owners = streams(query);
  const pages = await Promise.all(
    owners.map(async (owner, i) => {
      const cursor = after ? after.cursors[i] : undefined;
      if (cursor === null) return { items: [], nextCursor: null };
      return api.get<Page<ActionItem>>(
        "/api/v1/action-items",
        {
          owner,
          status: query.status,
          overdue: query.overdue === undefined ? undefined : String(query.overdue),
          limit: PAGE_SIZE,
          cursor,
        },
        signal,
      );
    }),
  );
  const seen = new Map((after?.items ?? []).map((item) => [item.id, item]));
  for (const page of pages) for (const item of page.items) seen.set(item.id, item);
  return { items: [...seen.values()].sort(byDueDate), cursors: pages.map((p) => p.nextCursor) };
}

/** Every action item of one post-mortem, in the order they were added. */
export async function listIncidentActionItems(key: string, signal?: AbortSignal): Promise<ActionItem[]> {
  const items: ActionItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<ActionItem>>(incidentPath(key), { limit: 500, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export function addActionItem(key: string, input: NewActionItem) {
  return api.post<ActionItem>(incidentPath(key), input);
}

export function getActionItem(id: number, signal?: AbortSignal) {
  return api.get<ActionItem>(itemPath(id), undefined, signal);
}

/** Saves changes over the version read (`item`); 412 when someone saved it first. */
export function updateActionItem(item: ActionItem, changes: ActionItemChanges) {
  return api.patch<ActionItem>(itemPath(item.id), changes, ifMatchOf(item));
}
