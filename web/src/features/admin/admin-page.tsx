// Placeholder wired in by the lead; the helper that owns this file replaces it.
import { useTitle } from "../../lib/use-title.ts";

/** /admin: users and roles, API tokens. */
export function AdminPage() {
  useTitle("Admin");
  return <h1>Admin</h1>;
}
