import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import { AddActionItemForm } from "./add-action-item-form.tsx";
import type { ActionItem, NewActionItem } from "./actions.api.ts";
import { buildItem } from "./test-data.ts";

function setup(add: (key: string, input: NewActionItem) => Promise<ActionItem>) {
  const onAdded = vi.fn();
  const addMock = vi.fn(add);
  render(<AddActionItemForm incidentKey="INC-3" add={addMock} onAdded={onAdded} onClose={vi.fn()} />);
  return { add: addMock, onAdded, user: userEvent.setup() };
}

const field = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;

describe("AddActionItemForm", () => {
  it("names each field that is wrong before asking the server", async () => {
    const { add, user } = setup(async () => buildItem());
    await user.type(field("Link"), "github.com/acme/checkout/issues/812");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Not added: Title is required; Link must be an http:// or https:// link.",
    );
    expect(field("Title").getAttribute("aria-invalid")).toBe("true");
    expect(field("Link").getAttribute("aria-invalid")).toBe("true");
    expect(field("Link").value).toBe("github.com/acme/checkout/issues/812");
    expect(add).not.toHaveBeenCalled();
  });

  it("shows the server's field errors and keeps what was typed", async () => {
    const { user } = setup(async () => {
      throw new ApiError(400, {
        detail: "dueDate: must be a date that exists, written YYYY-MM-DD",
        errors: [{ path: "dueDate", message: "must be a date that exists, written YYYY-MM-DD" }],
      });
    });
    await user.type(field("Title"), "Validate pool size in CI");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Not added: Due date must be a date that exists, written YYYY-MM-DD.",
    );
    expect(screen.getByLabelText("Due date").getAttribute("aria-invalid")).toBe("true");
    expect(field("Title").value).toBe("Validate pool size in CI");
  });

  it("sends the item and empties the form for the next one", async () => {
    const { add, onAdded, user } = setup(async (_key, input) => buildItem({ title: input.title }));
    await user.type(field("Title"), "Validate pool size in CI");
    await user.type(field("Owner"), "Priya");
    await user.selectOptions(screen.getByRole("combobox", { name: "Type" }), "Detect");
    await user.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "High");
    await user.type(field("Link"), "https://github.com/acme/checkout/issues/812{Enter}");
    expect(add).toHaveBeenCalledWith("INC-3", {
      title: "Validate pool size in CI",
      owner: "Priya",
      type: "detect",
      priority: "high",
      externalUrl: "https://github.com/acme/checkout/issues/812",
    });
    expect(onAdded).toHaveBeenCalled();
    expect((await screen.findByRole("status")).textContent).toBe("Added: Validate pool size in CI");
    expect(field("Title").value).toBe("");
    expect(document.activeElement).toBe(field("Title"));
  });
});
