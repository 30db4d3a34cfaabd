import { formatLocal, formatUtc } from "../lib/time.ts";

/** An instant shown in UTC, with the reader's local time on hover. */
export function UtcTime({ iso, withSeconds = false }: { iso: string; withSeconds?: boolean }) {
  return (
    <time dateTime={iso} title={formatLocal(iso)}>
      {formatUtc(iso, withSeconds)}
      <span className="utc-suffix"> UTC</span>
    </time>
  );
}
