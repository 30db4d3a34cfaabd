import { useEffect } from "react";

/** Names the browser tab after the page, so each route is told apart in history and by screen readers. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Hindsight`;
  }, [title]);
}
