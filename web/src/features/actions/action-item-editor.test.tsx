import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import { ActionItemEditor } from "./action-item-editor.tsx";
import type { ActionItem, ActionItemChanges } from "./actions.api.ts";
import { buildItem } from "./test-data.ts";

function setup(
  save: (item: ActionItem, changes: ActionItemChanges) => Promise<ActionItem>,
  theirs?: ActionItem,
) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const onTheirs = vi.fn();
  const saveMock = vi.fn(save);
  const load = vi.fn(async () => theirs ?? buildItem());
  render(
    <ActionItemEditor
      item={buildItem()}
      save={saveMock}
      load={load}
      onSaved={onSaved}
      onCancel={onCancel}
      onTheirs={onTheirs}
    />,
  );
  return { onSaved, onCancel, onTheirs, save: saveMock, load, user: userEvent.setup() };
}

const field = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

describe("ActionItemEditor", () => {
  it("saves only what changed, over the version it read", async () => {
    const saved = buildItem({ owner: "Sam", version: 2 });
    const { save, onSaved, user } = setup(async () => saved);
    await user.clear(field("Owner"));
    await user.type(field("Owner"), "Sam{Enter}");
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }), { owner: "Sam" });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it("on a 412 shows their version, keeps your edits, and saves them over theirs the second time", async () => {
    const theirs = buildItem({ owner: "Lee", status: "in_progress", dueDate: "2026-04-01", version: 2 });
    let calls = 0;
    const { save, onSaved, onTheirs, user } = setup(async (item) => {
      calls += 1;
      if (calls === 1) throw new ApiError(412, { detail: "action item 7 was changed by someone else" });
      return { ...item, owner: "Sam", status: "done", version: 3 };
    }, theirs);
    await user.clear(field("Owner"));
    await user.type(field("Owner"), "Sam");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Done");
    await user.click(screen.getByRole("button", { name: "Save" }));

    expect((await screen.findByRole("alert")).textContent).toMatch(/^Someone changed this action item/);
    expect(screen.getByText(/Their version:/).closest("p")?.textContent).toBe(
      "Their version: owner Lee, due 2026-04-01, In progress",
    );
    expect(onTheirs).toHaveBeenCalledWith(theirs);
    expect(field("Owner").value).toBe("Sam");
    expect(screen.getByRole("combobox", { name: "Status" })).toHaveProperty("value", "done");
    // A field you did not touch takes their value, so saving again does not undo their change.
    expect(screen.getByLabelText("Due date")).toHaveProperty("value", "2026-04-01");

    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(save).toHaveBeenLastCalledWith(theirs, { owner: "Sam", status: "done" });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 3 }));
  });

  it("asks for a reason before won't do, and sends it with the status", async () => {
    const { save, user } = setup(async (item) => item);
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Won't do");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Not saved: Reason is required for won't do: say why.",
    );
    expect(field("Reason").getAttribute("aria-invalid")).toBe("true");
    expect(save).not.toHaveBeenCalled();

    await user.type(field("Reason"), "The pool is being replaced");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(save).toHaveBeenCalledWith(expect.anything(), {
      status: "wont_do",
      wontDoReason: "The pool is being replaced",
    });
  });

  it("names the field the server refused", async () => {
    const { user } = setup(async () => {
      throw new ApiError(400, {
        detail: "owner: must not be empty",
        errors: [{ path: "owner", message: "must not be empty" }],
      });
    });
    await user.type(field("Owner"), "x");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Not saved: Owner must not be empty.");
    expect(field("Owner").getAttribute("aria-invalid")).toBe("true");
  });

  it("cancels on Escape without saving", async () => {
    const { save, onCancel, user } = setup(async (item) => item);
    await user.type(field("Owner"), "{Escape}");
    expect(onCancel).toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
  });
});
