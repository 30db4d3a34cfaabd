import type { SnippetFragment } from "./library.api.ts";

/** A snippet as plain text, the fragments that matched the query inside <mark>; never parsed as HTML. */
export function SnippetText({ fragments }: { fragments: readonly SnippetFragment[] }) {
  return (
    <>
      {fragments.map((fragment, i) =>
        fragment.match ? <mark key={i}>{fragment.text}</mark> : <span key={i}>{fragment.text}</span>,
      )}
    </>
  );
}
