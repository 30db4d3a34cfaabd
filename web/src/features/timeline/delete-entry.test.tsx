import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  advance,
  buildEntry,
  capture,
  click,
  entryRoute,
  list,
  renderTimeline,
  rowTexts,
} from "./test-timeline.tsx";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const deleteButton = (text: string) =>
  screen.getByRole("button", { name: new RegExp(`^Delete entry at .*: ${text}$`) });
const question = () => screen.queryByRole("group", { name: "Delete this entry?" });

describe("deleting a timeline entry", () => {
  it("puts focus on the words that say the timeline is empty after deleting its last entry", async () => {
    const { api, server } = await renderTimeline([buildEntry(1, "Paged the wrong team")]);
    api.on(entryRoute("DELETE", 1), () => {
      server.splice(0, 1);
      return { status: 204 };
    });
    await click(deleteButton("Paged the wrong team"));
    await click(within(question()!).getByRole("button", { name: "Yes, delete" }));
    expect(document.activeElement?.textContent).toBe("No entries yet.");
  });

  it("asks first, sends DELETE with If-Match, removes the row and puts focus on the next entry's Edit button", async () => {
    const { api, server } = await renderTimeline([
      buildEntry(1, "Error rate alert fired"),
      buildEntry(2, "Paged the wrong team", { version: 3 }),
      buildEntry(3, "Failed over to the replica"),
    ]);
    api.on(entryRoute("DELETE", 2), () => {
      server.splice(1, 1);
      return { status: 204 };
    });

    await click(deleteButton("Paged the wrong team"));
    // Cancel has focus: a held or doubled Enter on Delete deletes nothing.
    expect(document.activeElement).toBe(within(question()!).getByRole("button", { name: "Cancel" }));
    await click(within(question()!).getByRole("button", { name: "Cancel" }));
    expect(question()).toBeNull();
    expect(api.calls.some((c) => c.route === entryRoute("DELETE", 2))).toBe(false);
    expect(document.activeElement).toBe(deleteButton("Paged the wrong team"));

    await click(deleteButton("Paged the wrong team"));
    await click(within(question()!).getByRole("button", { name: "Yes, delete" }));
    expect(api.calls.find((c) => c.route === entryRoute("DELETE", 2))?.ifMatch).toBe('"3"');
    expect(rowTexts()).toEqual([
      expect.stringContaining("Error rate alert fired"),
      expect.stringContaining("Failed over to the replica"),
    ]);
    expect(document.activeElement?.getAttribute("aria-label")).toMatch(
      /^Edit entry at .*: Failed over to the replica$/,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains a 412 (someone changed the entry) and shows their version", async () => {
    const { api, server } = await renderTimeline([buildEntry(1, "Paged the DB team")]);
    api.on(entryRoute("DELETE", 1), { status: 412, body: { detail: "stale" } });
    server.splice(0, 1, buildEntry(1, "Paged the DB team at 03:10", { version: 2 }));

    await click(deleteButton("Paged the DB team"));
    await click(within(question()!).getByRole("button", { name: "Yes, delete" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Someone changed this entry since you read it, so it was not deleted. The timeline now shows their version.",
    );
    await advance(0);
    expect(rowTexts()).toEqual([expect.stringContaining("Paged the DB team at 03:10")]);
    expect(document.activeElement).toBe(deleteButton("Paged the DB team at 03:10"));
  });

  it("explains a 404 (someone deleted it first) and drops the row", async () => {
    const { api, server } = await renderTimeline([
      buildEntry(1, "Error rate alert fired"),
      buildEntry(2, "Duplicate alert"),
    ]);
    api.on(entryRoute("DELETE", 2), { status: 404, body: { detail: "not found" } });
    server.splice(1, 1);

    await click(deleteButton("Duplicate alert"));
    await click(within(question()!).getByRole("button", { name: "Yes, delete" }));
    await advance(0);
    expect(screen.getByRole("alert").textContent).toBe("Someone else had already deleted this entry.");
    expect(rowTexts()).toEqual([expect.stringContaining("Error rate alert fired")]);
  });

  it("offers no Delete on an entry still being sent", async () => {
    await renderTimeline([buildEntry(1, "Error rate alert fired")]);
    const fake = globalThis.fetch;
    vi.stubGlobal("fetch", (url: string, init: RequestInit = {}) =>
      init.method === "POST" ? new Promise<Response>(() => undefined) : fake(url, init),
    );
    await capture("Status page updated");
    const sending = within(list())
      .getAllByRole("listitem")
      .find((li) => li.textContent?.includes("saving…"));
    expect(sending).toBeTruthy();
    expect(within(sending!).queryByRole("button")).toBeNull();
    expect(screen.getAllByRole("button", { name: /^Delete entry/ })).toHaveLength(1);
  });

  it("shows a viewer no Delete (and no Edit)", async () => {
    await renderTimeline([buildEntry(1, "Error rate alert fired")], { canEdit: false });
    expect(rowTexts()).toHaveLength(1);
    expect(within(list()).queryAllByRole("button")).toHaveLength(0);
  });
});
