import { useRef, useState } from "react";
import { Link, useSearchParams } from "wouter";
import { messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { SelectField } from "../../components/field.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useSession } from "../auth/session.tsx";
import { ActionItemRow } from "./action-item-row.tsx";
import { listBoard, type ActionItem, type ActionItemStatus, type BoardQuery } from "./actions.api.ts";
import { STATUS_LABELS, STATUSES } from "./labels.ts";
import { TeamCounts } from "./team-counts.tsx";
import "./actions.css";

const VIEWS = [
  { value: "mine", label: "Mine" },
  { value: "overdue", label: "Overdue" },
  { value: "all", label: "All" },
  { value: "team", label: "By team" },
] as const;
type View = (typeof VIEWS)[number]["value"];
type Order = "due" | "status";

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T;
function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined;
function pick<T extends string>(value: string | null, allowed: readonly T[], fallback?: T) {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** The board's filters, read from the address so a view ("?view=overdue") can be bookmarked. */
export function boardFilters(params: URLSearchParams) {
  const view = pick(
    params.get("view"),
    VIEWS.map((v) => v.value),
    "mine",
  );
  return {
    view,
    /** The team ("By team" view only): a service name; none lists every team's counts. */
    service: view === "team" ? params.get("service")?.trim() || undefined : undefined,
    status: pick<ActionItemStatus>(params.get("status"), STATUSES),
    order: pick<Order>(params.get("order"), ["due", "status"], "due"),
  };
}

/** /action-items: every action item across all post-mortems, by view, status and due date. */
export function ActionItemsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const { view, service, status, order } = boardFilters(params);
  useTitle(service ? `Action items: ${service}` : "Action items");
  // "By team" without a team chosen shows each team's counts, not a list of items.
  const teamsOverview = view === "team" && !service;
  const me = session.user;
  const query: BoardQuery = {
    owners: view === "mine" && me ? [me.name, me.email] : undefined,
    overdue: view === "overdue" ? true : undefined,
    service,
    status,
  };
  const queryKey = JSON.stringify(query);
  const currentKey = useRef(queryKey);
  currentKey.current = queryKey;
  const [moreError, setMoreError] = useState<string | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const board = useResource(
    (signal) => {
      setMoreError(undefined);
      return teamsOverview ? Promise.resolve(undefined) : listBoard(query, undefined, signal);
    },
    [queryKey, teamsOverview],
  );

  function setParam(name: string, value: string | undefined) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  }

  function viewHref(value: View, team?: string) {
    const next = new URLSearchParams(params);
    next.set("view", value);
    if (team) next.set("service", team);
    else next.delete("service");
    return `/action-items?${next.toString()}`;
  }

  async function loadMore() {
    const current = board.data;
    if (!current) return;
    const askedFor = queryKey;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await listBoard(query, current);
      if (currentKey.current === askedFor) board.setData(next);
    } catch (caught) {
      setMoreError(`Could not load more: ${messageOf(caught)}`);
    } finally {
      setLoadingMore(false);
    }
  }

  const replace = (item: ActionItem) =>
    board.setData(
      (current) =>
        current && { ...current, items: current.items.map((old) => (old.id === item.id ? item : old)) },
    );

  const items = board.data?.items ?? [];
  const hasMore = (board.data?.nextCursor ?? null) !== null;
  const canEdit = session.can("editor");
  const row = (item: ActionItem) => (
    <ActionItemRow key={item.id} item={item} canEdit={canEdit} showIncident onChanged={replace} />
  );

  return (
    <>
      <h1>Action items</h1>
      <nav className="ai-views" aria-label="Views">
        {VIEWS.map((v) => (
          <Link key={v.value} href={viewHref(v.value)} aria-current={v.value === view ? "page" : undefined}>
            {v.label}
          </Link>
        ))}
      </nav>
      {teamsOverview ? (
        <TeamCounts hrefOf={(team) => viewHref("team", team)} />
      ) : (
        <>
          {service && (
            <p className="ai-team">
              <Link href={viewHref("team")}>All teams</Link>
              <span className="hint">Items of incidents that list the service “{service}”.</span>
            </p>
          )}
          <form className="filters" aria-label="Filter action items" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              label="Status"
              value={status ?? ""}
              options={[
                { value: "", label: "Any status" },
                ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
              ]}
              onChange={(e) => setParam("status", e.target.value)}
            />
            <SelectField
              label="Order"
              value={order}
              options={[
                { value: "due", label: "Due date, soonest first" },
                { value: "status", label: "Status, then due date" },
              ]}
              onChange={(e) => setParam("order", e.target.value === "due" ? undefined : e.target.value)}
            />
          </form>
          {view === "mine" && me && (
            <p className="hint">
              Items whose owner is “{me.name}” or “{me.email}”.
            </p>
          )}
          <ErrorAlert>
            {board.error ? `Could not load the action items: ${messageOf(board.error)}` : undefined}
          </ErrorAlert>
          {board.loading && !board.data ? (
            <p className="loading">Loading action items…</p>
          ) : items.length === 0 && !board.error ? (
            <p className="empty">{emptyText(view, status, service)}</p>
          ) : order === "status" ? (
            STATUSES.map((s) => {
              const group = items.filter((item) => item.status === s);
              if (group.length === 0) return null;
              return (
                <section key={s} className="ai-group" aria-labelledby={`ai-group-${s}`}>
                  <h2 id={`ai-group-${s}`}>
                    {STATUS_LABELS[s]} <span className="key">({group.length})</span>
                  </h2>
                  <ul className="card-list ai-list" aria-labelledby={`ai-group-${s}`}>
                    {group.map(row)}
                  </ul>
                </section>
              );
            })
          ) : (
            <ul className="card-list ai-list" aria-label="Action items">
              {items.map(row)}
            </ul>
          )}
          <ErrorAlert>{moreError}</ErrorAlert>
          {hasMore && (
            <button type="button" className="ai-more" disabled={loadingMore} onClick={loadMore}>
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </>
  );
}

function emptyText(view: View, status: ActionItemStatus | undefined, service: string | undefined): string {
  const which = status ? ` with status ${STATUS_LABELS[status]}` : "";
  if (service) return `No action items for ${service}${which}.`;
  if (view === "overdue") return `No overdue action items${which}.`;
  if (view === "mine") return `Nothing is yours${which}.`;
  return `No action items${which}.`;
}
