import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { REFRESH_INTERVAL_MS } from "./use-timeline.ts";
import {
  TIMELINE,
  advance,
  buildEntry,
  capture,
  click,
  entryRoute,
  list,
  renderTimeline,
  rowTexts,
  status,
  typeInto,
} from "./test-timeline.tsx";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, "visibilityState");
});

function setVisibility(state: "hidden" | "visible") {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

const reads = (api: { calls: { route: string }[] }) => api.calls.filter((c) => c.route === TIMELINE).length;

describe("the live timeline", () => {
  it("shows another responder's entry after the refresh interval, announced, without moving focus", async () => {
    const { server } = await renderTimeline([buildEntry(1, "Error rate alert fired")]);
    const capture = screen.getByRole("textbox", { name: "Add timeline entry" });
    capture.focus();
    server.push(buildEntry(2, "Paged the database team"), buildEntry(3, "Failed over to the replica"));

    await advance(REFRESH_INTERVAL_MS - 1);
    expect(rowTexts()).toHaveLength(1);
    await advance(1);
    expect(rowTexts()).toEqual([
      expect.stringContaining("Error rate alert fired"),
      expect.stringContaining("Paged the database team"),
      expect.stringContaining("Failed over to the replica"),
    ]);
    expect(status()).toBe("2 new entries");
    expect(document.activeElement).toBe(capture);

    server.push(buildEntry(4, "Error rates back to normal"));
    await advance(REFRESH_INTERVAL_MS);
    expect(status()).toBe("3 new entries");
    await advance(REFRESH_INTERVAL_MS);
    expect(status()).toBe("");
  });

  it("shows what others edited or deleted, and keeps an entry this page is still sending", async () => {
    const { api, server } = await renderTimeline([
      buildEntry(1, "Error rate alert fired"),
      buildEntry(2, "Rolled back teh deploy"),
    ]);
    let answer: (response: Response) => void = () => undefined;
    const fake = globalThis.fetch;
    vi.stubGlobal("fetch", (url: string, init: RequestInit = {}) =>
      init.method === "POST" ? new Promise<Response>((resolve) => (answer = resolve)) : fake(url, init),
    );
    await capture("Status page updated");
    server.splice(0, 2, buildEntry(2, "Rolled back the deploy", { version: 2 }));

    await advance(REFRESH_INTERVAL_MS);
    // A read that overlaps this page's write is set aside, so nothing jumps while it is on its way.
    expect(rowTexts()).toHaveLength(3);
    const saving = rowTexts().find((t) => t?.includes("Status page updated"));
    expect(saving).toContain("saving…");

    const mine = buildEntry(5, "Status page updated");
    server.push(mine);
    answer(
      new Response(JSON.stringify(mine), { status: 201, headers: { "content-type": "application/json" } }),
    );
    await advance(REFRESH_INTERVAL_MS);
    expect(rowTexts()).toEqual([
      expect.stringContaining("Rolled back the deploy"),
      expect.stringContaining("Status page updated"),
    ]);
    expect(rowTexts()[1]).not.toContain("saving…");
    // This page's own entry is not announced as someone else's.
    expect(status()).toBe("");
    expect(api.calls.filter((c) => c.route === TIMELINE).length).toBeGreaterThanOrEqual(3);
  });

  it("pauses while the tab is hidden and reads at once when it shows again", async () => {
    const { api, server } = await renderTimeline([buildEntry(1, "Error rate alert fired")]);
    expect(reads(api)).toBe(1);
    setVisibility("hidden");
    server.push(buildEntry(2, "Paged the database team"));
    await advance(REFRESH_INTERVAL_MS * 4);
    expect(reads(api)).toBe(1);
    expect(rowTexts()).toHaveLength(1);

    setVisibility("visible");
    await advance(0);
    expect(reads(api)).toBe(2);
    expect(rowTexts()[1]).toContain("Paged the database team");
    expect(status()).toBe("1 new entry");
  });

  it("keeps the rows when a read fails, says it is retrying, and catches up once the server answers", async () => {
    const { api, server } = await renderTimeline([buildEntry(1, "Error rate alert fired")]);
    api.on(TIMELINE, () => {
      throw new TypeError("Failed to fetch");
    });
    await advance(REFRESH_INTERVAL_MS);
    expect(status()).toBe("Could not refresh the timeline; retrying.");
    expect(rowTexts()).toEqual([expect.stringContaining("Error rate alert fired")]);
    expect(screen.queryByRole("alert")).toBeNull();

    server.push(buildEntry(2, "Paged the database team"));
    api.on(TIMELINE, () => ({ body: { items: [...server], nextCursor: null } }));
    await advance(REFRESH_INTERVAL_MS);
    expect(status()).toBe("1 new entry");
    expect(rowTexts()).toHaveLength(2);
  });

  it("keeps the text typed in the editor when a refresh brings someone else's change to that entry", async () => {
    const { api, server } = await renderTimeline([buildEntry(1, "Rolled back teh deploy")]);
    await click(screen.getByRole("button", { name: /^Edit entry at .*Rolled back teh deploy$/ }));
    typeInto(screen.getByRole("textbox", { name: "Entry text" }), "Rolled back deploy 2026.3.1");

    const theirs = buildEntry(1, "Rolled back the deploy", { version: 2 });
    server.splice(0, 1, theirs);
    await advance(REFRESH_INTERVAL_MS);
    expect(screen.getByRole("textbox", { name: "Entry text" })).toHaveProperty(
      "value",
      "Rolled back deploy 2026.3.1",
    );

    api.on(entryRoute("PATCH", 1), { status: 412, body: { detail: "stale" } });
    api.on(entryRoute("GET", 1), { body: theirs });
    await click(screen.getByRole("button", { name: "Save" }));
    expect(api.calls.find((c) => c.route === entryRoute("PATCH", 1))?.ifMatch).toBe('"1"');
    expect(screen.getByText(/Their version:/).parentElement?.textContent).toContain("Rolled back the deploy");
    expect(screen.getByRole("textbox", { name: "Entry text" })).toHaveProperty(
      "value",
      "Rolled back deploy 2026.3.1",
    );
  });

  it("keeps the editor open with a warning when someone else deletes the entry being edited", async () => {
    const { server } = await renderTimeline([
      buildEntry(1, "Error rate alert fired"),
      buildEntry(2, "Rolled back teh deploy"),
    ]);
    await click(screen.getByRole("button", { name: /^Edit entry at .*Rolled back teh deploy$/ }));
    typeInto(screen.getByRole("textbox", { name: "Entry text" }), "Rolled back teh deploy now");
    server.splice(1, 1);
    await advance(REFRESH_INTERVAL_MS);

    expect(screen.getByRole("alert").textContent).toMatch(/^Someone else deleted this entry/);
    expect(screen.getByRole("textbox", { name: "Entry text" })).toHaveProperty(
      "value",
      "Rolled back teh deploy now",
    );
    await click(within(list()).getByRole("button", { name: "Cancel" }));
    expect(rowTexts()).toEqual([expect.stringContaining("Error rate alert fired")]);
  });
});
