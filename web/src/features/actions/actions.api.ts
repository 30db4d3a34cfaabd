import { api, ifMatchOf } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";
import type {
  ActionItem,
  ActionItemStatus,
  ActionItemType,
  CreateActionItemInput,
  Priority,
  ServiceActionCounts,
  ServiceActionCountsList,
  UpdateActionItemInput,
} from "../../../../src/actions/action-item.ts";

export type { ActionItem, ActionItemStatus, ActionItemType, Priority, ServiceActionCounts };
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
  /** Items whose incident lists this service (the "By team" view). */
  service?: string | undefined;
}

/** The items loaded so far and the cursor of the next page (null: no more). */
export interface BoardPage {
  items: ActionItem[];
  nextCursor: string | null;
}

/** One page of the board, or the next one after `after` (the pages loaded so far), soonest due first. */
export async function listBoard(
  query: BoardQuery,
  after?: BoardPage,
  signal?: AbortSignal,
): Promise<BoardPage> {
  const owners = [...new Set((query.owners ?? []).map((o) => o.trim()).filter(Boolean))];
  const page = await api.get<Page<ActionItem>>(
    "/api/v1/action-items",
    {
      owner: owners.length > 0 ? owners : undefined,
      status: query.status,
      overdue: query.overdue === undefined ? undefined : String(query.overdue),
      service: query.service,
      limit: PAGE_SIZE,
      cursor: after?.nextCursor ?? undefined,
    },
    signal,
  );
  return { items: [...(after?.items ?? []), ...page.items], nextCursor: page.nextCursor };
}

/** Every service with action items and its open, overdue and done counts, most overdue first. */
export async function listServiceCounts(signal?: AbortSignal): Promise<ServiceActionCounts[]> {
  const list = await api.get<ServiceActionCountsList>("/api/v1/action-items/services", undefined, signal);
  return list.items;
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
