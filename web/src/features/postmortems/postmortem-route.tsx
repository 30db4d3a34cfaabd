import { lazy, Suspense } from "react";

// The editor is a chunk of its own, fetched the first time someone opens a post-mortem: the entry
// bundle stays within its budget.
const PostmortemPage = lazy(() =>
  import("./postmortem-page.tsx").then((module) => ({ default: module.PostmortemPage })),
);

/** The route's component for /incidents/:key/postmortem. */
export function PostmortemRoute() {
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <PostmortemPage />
    </Suspense>
  );
}
