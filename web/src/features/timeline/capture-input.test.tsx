import { render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CaptureInput, type CaptureInputProps } from "./capture-input.tsx";

const now = () => new Date("2026-03-18T14:30:00Z");

function setup(overrides: Partial<CaptureInputProps> = {}) {
  const props: CaptureInputProps = {
    onAdd: vi.fn<CaptureInputProps["onAdd"]>().mockResolvedValue({ ok: true }),
    onDiscard: vi.fn(),
    now,
    ...overrides,
  };
  render(<CaptureInput {...props} />);
  return {
    props,
    user: userEvent.setup(),
    input: screen.getByRole("textbox", { name: "Add timeline entry" }),
  };
}

describe("CaptureInput", () => {
  it("adds the line on Enter, stamped by the server, and empties the box for the next one", async () => {
    const { props, user, input } = setup();
    await user.type(input, "Rolled back the deploy{Enter}");
    expect(props.onAdd).toHaveBeenCalledWith(
      "Rolled back the deploy",
      "Rolled back the deploy",
      "event",
      undefined,
    );
    expect(input).toHaveProperty("value", "");
  });

  it("back-dates a line that starts with HH:MM to today in UTC", async () => {
    const { props, user, input } = setup();
    await user.type(input, "14:02 Error rate alert fired");
    expect(screen.getByText("Back-dated to 2026-03-18 14:02 UTC.")).toBeTruthy();
    await user.keyboard("{Enter}");
    expect(props.onAdd).toHaveBeenCalledWith(
      "14:02 Error rate alert fired",
      "Error rate alert fired",
      "event",
      "2026-03-18T14:02:00Z",
    );
  });

  it("picks the kind with Alt+digit, as the input's description announces, or with the Kind select", async () => {
    const { props, user, input } = setup();
    expect(input.getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText(/Alt\+3 decision/)).toBeTruthy();
    await user.type(input, "Fail over to the replica");
    await user.keyboard("{Alt>}3{/Alt}");
    const kind = screen.getByRole("combobox", { name: "Kind" });
    expect(kind).toHaveProperty("value", "decision");
    expect(input).toHaveProperty("value", "Fail over to the replica");
    await user.keyboard("{Enter}");
    expect(props.onAdd).toHaveBeenLastCalledWith(
      expect.any(String),
      "Fail over to the replica",
      "decision",
      undefined,
    );
    expect(kind).toHaveProperty("value", "event");

    await user.tab();
    expect(document.activeElement).toBe(kind);
    await user.selectOptions(kind, "Communication");
    await user.click(input);
    await user.type(input, "Status page updated{Enter}");
    expect(props.onAdd).toHaveBeenLastCalledWith(
      expect.any(String),
      "Status page updated",
      "communication",
      undefined,
    );
  });

  it("takes the focus once it becomes usable, so typing can start at once", () => {
    const props: CaptureInputProps = { onAdd: vi.fn(), onDiscard: vi.fn(), now, disabled: true };
    const { rerender } = render(<CaptureInput {...props} />);
    const input = screen.getByRole("textbox", { name: "Add timeline entry" });
    expect(document.activeElement).not.toBe(input);
    rerender(<CaptureInput {...props} disabled={false} />);
    expect(document.activeElement).toBe(input);
  });

  it("keeps the text and says why when the time does not exist", async () => {
    const { props, user, input } = setup();
    await user.type(input, "25:10 Failover{Enter}");
    expect(screen.getByRole("alert").textContent).toContain("25:10 is not a time of day");
    expect(input).toHaveProperty("value", "25:10 Failover");
    expect(props.onAdd).not.toHaveBeenCalled();
  });

  it("puts the text back in the box when the server refuses it", async () => {
    const onAdd = vi.fn<CaptureInputProps["onAdd"]>().mockResolvedValue({
      ok: false,
      error: "the server could not be reached",
      tempId: "pending-1",
    });
    const { props, user, input } = setup({ onAdd });
    await user.type(input, "14:05 Paged the database team");
    await user.keyboard("{Alt>}2{/Alt}{Enter}");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Not saved: the server could not be reached",
    );
    expect(input).toHaveProperty("value", "14:05 Paged the database team");
    expect(screen.getByRole("combobox", { name: "Kind" })).toHaveProperty("value", "action");
    expect(props.onDiscard).toHaveBeenCalledWith("pending-1");
  });

  it("leaves a refused entry in the timeline when the next line is already being typed", async () => {
    let refuse!: (result: { ok: false; error: string; tempId: string }) => void;
    const onAdd = vi.fn<CaptureInputProps["onAdd"]>(() => new Promise((resolve) => (refuse = resolve)));
    const { props, user, input } = setup({ onAdd });
    await user.type(input, "First line{Enter}");
    await user.type(input, "Second line");
    refuse({ ok: false, error: "offline", tempId: "pending-1" });
    expect((await screen.findByRole("alert")).textContent).toContain("waits in the timeline with Retry");
    expect(input).toHaveProperty("value", "Second line");
    expect(props.onDiscard).not.toHaveBeenCalled();
  });
});
