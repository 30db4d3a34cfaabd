import { Link } from "wouter";
import { messageOf } from "../../api/client.ts";
import { ErrorAlert } from "../../components/alert.tsx";
import { useResource } from "../../lib/use-resource.ts";
import { listServiceCounts } from "./actions.api.ts";

export interface TeamCountsProps {
  /** Where a service's link goes: the board's "By team" view of that service. */
  hrefOf(service: string): string;
}

/** The "By team" overview: every service with action items, its open, overdue and done counts. */
export function TeamCounts({ hrefOf }: TeamCountsProps) {
  const counts = useResource((signal) => listServiceCounts(signal), []);

  if (counts.loading && !counts.data) return <p className="loading">Loading teams…</p>;
  if (counts.error) {
    return <ErrorAlert>{`Could not load the teams: ${messageOf(counts.error)}`}</ErrorAlert>;
  }
  const rows = counts.data ?? [];
  if (rows.length === 0) {
    return (
      <p className="empty">
        No team has action items yet. An item belongs to a team when its incident lists the team’s service.
      </p>
    );
  }
  return (
    <>
      <p className="hint">
        A team’s items are those of incidents that list its service; an item of an incident with two services
        counts for both.
      </p>
      <table className="ai-teams">
        <caption>Action items by team</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Open</th>
            <th scope="col">Overdue</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.service}>
              <th scope="row">
                <Link href={hrefOf(row.service)}>{row.service}</Link>
              </th>
              <td>{row.open}</td>
              <td className={row.overdue > 0 ? "ai-teams-overdue" : undefined}>{row.overdue}</td>
              <td>{row.done}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
