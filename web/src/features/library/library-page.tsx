import { useRef, useState } from "react";
import { ApiError, messageOf } from "../../api/client.ts";
import { ErrorAlert, StatusLine } from "../../components/alert.tsx";
import { useAddressParams } from "../../lib/use-address-params.ts";
import { useResource } from "../../lib/use-resource.ts";
import { useTitle } from "../../lib/use-title.ts";
import { POSTMORTEM_STATUS_LABELS } from "./labels.ts";
import { searchPostmortems, type LibraryQuery, type SearchResults } from "./library.api.ts";
import { LibraryList } from "./library-results.tsx";
import { hasFilters, libraryQueryOf, SearchForm, type LibraryParam } from "./search-form.tsx";
import "./library.css";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** /library: every post-mortem, searched by words with highlighted snippets, or listed newest first. */
export function LibraryPage() {
  const [params, change] = useAddressParams<LibraryParam>();
  const query = libraryQueryOf(params);
  useTitle(query.q ? `Library: ${query.q}` : "Library");
  const queryKey = JSON.stringify(query);
  const currentKey = useRef(queryKey);
  currentKey.current = queryKey;
  const [moreError, setMoreError] = useState<string | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);

  // Without words the same endpoint lists the post-mortems matching the filters, latest first.
  const found = useResource<SearchResults>(
    (signal) => {
      setMoreError(undefined);
      return searchPostmortems(query, undefined, signal);
    },
    [queryKey],
  );

  async function loadMore() {
    const data = found.data;
    if (!data?.nextCursor) return;
    const askedFor = queryKey;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await searchPostmortems(query, data.nextCursor);
      if (currentKey.current !== askedFor) return;
      found.setData({ ...next, items: [...data.items, ...next.items] });
    } catch (caught) {
      setMoreError(`Could not load more: ${messageOf(caught)}`);
    } finally {
      setLoadingMore(false);
    }
  }

  const qError = found.error instanceof ApiError ? found.error.fieldError("q") : undefined;
  const data = found.loading ? undefined : found.data;
  const entries = data?.items;
  const hasMore = (data?.nextCursor ?? null) !== null;

  return (
    <>
      <h1>Library</h1>
      <SearchForm query={query} onChange={change} error={qError} />
      <ErrorAlert>
        {found.error && !qError ? `Could not load the post-mortems: ${messageOf(found.error)}` : undefined}
      </ErrorAlert>
      {found.loading ? (
        <p className="loading">{query.q ? "Searching…" : "Loading post-mortems…"}</p>
      ) : (
        data &&
        entries && (
          <>
            <StatusLine>{countText(query, data.total, data.totalIsLowerBound === true)}</StatusLine>
            {entries.length === 0 ? (
              <EmptyState query={query} onClear={() => change(CLEARED)} />
            ) : (
              <LibraryList entries={entries} />
            )}
          </>
        )
      )}
      <ErrorAlert>{moreError}</ErrorAlert>
      {data && hasMore && (
        <button type="button" className="lib-more" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}

const CLEARED: Record<Exclude<LibraryParam, "q">, undefined> = {
  severity: undefined,
  status: undefined,
  service: undefined,
  tag: undefined,
  from: undefined,
  to: undefined,
};

function countText(query: LibraryQuery, total: number, more: boolean): string {
  if (query.q) return more ? `More than ${total} results, best first` : plural(total, "result", "results");
  const which = query.status ? `${POSTMORTEM_STATUS_LABELS[query.status].toLowerCase()} ` : "";
  const counted = plural(total, `${which}post-mortem`, `${which}post-mortems`);
  return `${more ? "More than " : ""}${counted}, newest first`;
}

function EmptyState({ query, onClear }: { query: LibraryQuery; onClear(): void }) {
  const filtered = hasFilters(query);
  const clear = filtered && (
    <button type="button" className="link-button" onClick={onClear}>
      Clear filters
    </button>
  );
  if (!query.q) {
    return (
      <p className="empty">
        {filtered ? "No post-mortem matches these filters." : "No post-mortem has been published yet."}{" "}
        {clear}
      </p>
    );
  }
  return (
    <p className="empty">
      No post-mortem mentions “{query.q}”{filtered ? " with these filters" : ""}; try fewer words or a prefix
      such as deploy*. {clear}
    </p>
  );
}
