import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PostmortemActionItems } from "./postmortem-action-items.tsx";
import { buildItem, json } from "./test-data.ts";

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubItems(...pages: string[][]) {
  let call = 0;
  const fetchMock = vi.fn(async (_url: string) => {
    const titles = pages[Math.min(call++, pages.length - 1)]!;
    return json({ items: titles.map((title, i) => buildItem({ id: i + 1, title })), nextCursor: null });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("PostmortemActionItems", () => {
  it("lists the post-mortem's items read-only for a viewer", async () => {
    stubItems(["Validate pool size in CI"]);
    render(<PostmortemActionItems incidentKey="INC-3" canEdit={false} refreshSignal={0} />);
    const list = await screen.findByRole("list", { name: "Action items" });
    expect(within(list).getByText("Validate pool size in CI")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("reloads when the refresh signal changes", async () => {
    const fetchMock = stubItems(["First"], ["First", "From the five whys"]);
    const { rerender } = render(<PostmortemActionItems incidentKey="INC-3" canEdit refreshSignal={0} />);
    await screen.findByText("First");
    rerender(<PostmortemActionItems incidentKey="INC-3" canEdit refreshSignal={1} />);
    await screen.findByText("From the five whys");
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(String(fetchMock.mock.calls[0]![0])).toBe("/api/v1/incidents/INC-3/action-items?limit=500");
  });
});
