import { exportUrl, type ExportFormat } from "./postmortems.api.ts";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "md", label: "Markdown" },
  { format: "json", label: "JSON" },
  { format: "html", label: "HTML" },
];

/** Download links for the three exports of the saved post-mortem. */
export function ExportLinks({ incidentKey }: { incidentKey: string }) {
  return (
    <nav aria-label="Export" className="pm-exports">
      <span aria-hidden="true">Export:</span>
      {FORMATS.map(({ format, label }) => (
        <a key={format} href={exportUrl(incidentKey, format)} download className="pm-export">
          Download {label}
        </a>
      ))}
    </nav>
  );
}
