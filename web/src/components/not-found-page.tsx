import { Link } from "wouter";
import { useTitle } from "../lib/use-title.ts";

export function NotFoundPage() {
  useTitle("Not found");
  return (
    <>
      <h1>Nothing here</h1>
      <p>
        This address names no page. Go to the <Link href="/incidents">incidents</Link>.
      </p>
    </>
  );
}
