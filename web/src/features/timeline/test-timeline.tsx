// Test helper: the timeline wired as the incident page wires it, over the fake API.
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { vi } from "vitest";
import type { TimelineEntry } from "../../api/types.ts";
import { fakeApi, type FakeApi } from "../../test/fake-api.ts";
import { CaptureInput } from "./capture-input.tsx";
import { TimelineList } from "./timeline-list.tsx";
import { useTimeline } from "./use-timeline.ts";

export const TIMELINE = "GET /api/v1/incidents/INC-1/timeline";
export const entryRoute = (method: string, id: number) => `${method} /api/v1/incidents/INC-1/timeline/${id}`;

export function buildEntry(id: number, text: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id,
    incidentKey: "INC-1",
    occurredAt: `2026-03-18T14:${String(id).padStart(2, "0")}:00Z`,
    kind: "event",
    text,
    author: "Ana Lead",
    source: "web",
    version: 1,
    createdAt: "2026-03-18T14:00:00Z",
    updatedAt: "2026-03-18T14:00:00Z",
    ...overrides,
  };
}

function Timeline({ canEdit }: { canEdit: boolean }) {
  const timeline = useTimeline("INC-1");
  return (
    <>
      {canEdit && <CaptureInput onAdd={timeline.add} onDiscard={timeline.discard} />}
      {timeline.loading ? (
        <p>Loading the timeline…</p>
      ) : (
        <TimelineList
          rows={timeline.rows}
          live={timeline.live}
          canEdit={canEdit}
          onSaved={timeline.replace}
          onRetry={timeline.retry}
          onDiscard={timeline.discard}
          onDelete={timeline.remove}
          onRefresh={timeline.refresh}
        />
      )}
    </>
  );
}

/** Fake timers, a server holding `entries` (edit the array to play the other responders), the page's timeline. */
export async function renderTimeline(
  entries: TimelineEntry[],
  options: { canEdit?: boolean } = {},
): Promise<{ api: FakeApi; server: TimelineEntry[] }> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
  const api = fakeApi();
  const server = [...entries];
  api.on(TIMELINE, () => ({ body: { items: [...server], nextCursor: null } }));
  render(<Timeline canEdit={options.canEdit ?? true} />);
  await advance(0);
  return { api, server };
}

export const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

export const list = () => screen.getByRole("list", { name: "Timeline" });
export const rowTexts = () =>
  within(list())
    .getAllByRole("listitem")
    .map((li) => li.textContent);
export const status = () => screen.getByRole("status").textContent;

/** Clicks, then lets the request it sends come back (Testing Library's user-event waits on timers, which are fake here). */
export async function click(element: HTMLElement): Promise<void> {
  fireEvent.click(element);
  await advance(0);
}

export function typeInto(field: HTMLElement, value: string): void {
  fireEvent.change(field, { target: { value } });
}

/** Types a line into the capture box and presses Enter (submits its form). */
export async function capture(line: string): Promise<void> {
  const input = screen.getByRole("textbox", { name: "Add timeline entry" });
  typeInto(input, line);
  fireEvent.submit(input.closest("form")!);
  await advance(0);
}
