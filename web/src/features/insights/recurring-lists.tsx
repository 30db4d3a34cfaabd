import { useId } from "react";
import { Link } from "wouter";
import { plural } from "./format.ts";
import type { Insights } from "./insights.api.ts";

interface Ranked {
  label: string;
  incidents: number;
  href: string;
}

/** The library listing every post-mortem (any status) with these address parameters. */
function libraryHref(params: Record<string, string>): string {
  return `/library?${new URLSearchParams({ ...params, status: "any" }).toString()}`;
}

/** A phrase search for a factor: quotes in the text would end the phrase early, so they go. */
const phrase = (text: string) => `"${text.replace(/"/g, " ").replace(/\s+/g, " ").trim()}"`;

function RankedList({ title, items, empty }: { title: string; items: Ranked[]; empty: string }) {
  const id = useId();
  return (
    <section className="ins-ranked" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol aria-labelledby={id}>
          {items.map((item) => (
            <li key={item.label}>
              <Link href={item.href}>{item.label}</Link>{" "}
              <span className="ins-count">{plural(item.incidents, "incident", "incidents")}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Tags, services and contributing factors seen in at least two incidents, each opening the library. */
export function RecurringLists({ recurring }: { recurring: Insights["recurring"] }) {
  return (
    <div className="ins-recurring">
      <RankedList
        title="Recurring services"
        empty="No service appears in two or more incidents."
        items={recurring.services.map((s) => ({
          label: s.value,
          incidents: s.incidents,
          href: libraryHref({ service: s.value }),
        }))}
      />
      <RankedList
        title="Recurring tags"
        empty="No tag appears in two or more incidents."
        items={recurring.tags.map((t) => ({
          label: t.value,
          incidents: t.incidents,
          href: libraryHref({ tag: t.value }),
        }))}
      />
      <RankedList
        title="Recurring contributing factors"
        empty="No contributing factor is written in two or more post-mortems."
        items={recurring.contributingFactors.map((f) => ({
          label: f.text,
          incidents: f.incidents,
          href: libraryHref({ q: phrase(f.text) }),
        }))}
      />
    </div>
  );
}
