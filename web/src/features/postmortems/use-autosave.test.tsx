import { act, render, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { Postmortem, UpdatePostmortemInput } from "../../api/types.ts";
import { draftOf } from "./draft.ts";
import type { DraftBackup } from "./draft-backup.ts";
import { useAutosave, type AutosaveCalls } from "./use-autosave.ts";

function postmortem(over: Partial<Postmortem>): Postmortem {
  return {
    incidentKey: "INC-1",
    status: "draft",
    summary: "",
    rootCause: "",
    contributingFactors: [],
    detection: "",
    resolution: "",
    lessons: { wentWell: [], toImprove: [] },
    appendix: [],
    version: 1,
    ...over,
  } as Postmortem;
}

/** Two fields and what the hook reports, as the editor shows them. */
function Harness({
  initial,
  calls,
  backup,
}: {
  initial: Postmortem;
  calls: AutosaveCalls;
  backup?: DraftBackup;
}) {
  const autosave = useAutosave(initial, calls, { enabled: true, delayMs: 200, backup });
  return (
    <>
      <label>
        Root cause
        <textarea
          value={autosave.draft.rootCause}
          onChange={(e) => autosave.edit("rootCause", e.target.value)}
        />
      </label>
      <label>
        Detection
        <textarea
          value={autosave.draft.detection}
          onChange={(e) => autosave.edit("detection", e.target.value)}
        />
      </label>
      <p role="status">{autosave.state.kind}</p>
      <p>Theirs: {String(autosave.conflicts.rootCause ?? "none")}</p>
      <button type="button" onClick={() => autosave.resolve("rootCause", autosave.draft.rootCause)}>
        Keep mine
      </button>
    </>
  );
}

function saveAs(...results: (Postmortem | Error)[]) {
  const save = vi.fn<(read: Postmortem, changes: UpdatePostmortemInput) => Promise<Postmortem>>();
  for (const result of results) {
    if (result instanceof Error) save.mockRejectedValueOnce(result);
    else save.mockResolvedValueOnce(result);
  }
  return save;
}

describe("useAutosave", () => {
  it("saves once after typing stops, only the changed section, against the version read", async () => {
    const save = saveAs(postmortem({ rootCause: "Pool too small.", version: 2 }));
    render(<Harness initial={postmortem({})} calls={{ save, load: vi.fn() }} />);
    await userEvent.setup().type(screen.getByLabelText("Root cause"), "Pool too small.");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("saved"));
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]![0].version).toBe(1);
    expect(save.mock.calls[0]![1]).toEqual({ rootCause: "Pool too small." });
  });

  it("on 412 takes their other sections, keeps your text, and shows theirs where both wrote", async () => {
    const stale = new ApiError(412, { detail: "stale" });
    const theirs = postmortem({ rootCause: "Theirs.", detection: "Alert fired.", version: 2 });
    const save = saveAs(stale, postmortem({ rootCause: "Mine.", detection: "Alert fired.", version: 3 }));
    const load = vi.fn().mockResolvedValue(theirs);
    render(<Harness initial={postmortem({})} calls={{ save, load }} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Root cause"), "Mine.");

    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("conflict"));
    expect(screen.getByLabelText("Root cause")).toHaveProperty("value", "Mine.");
    expect(screen.getByLabelText("Detection")).toHaveProperty("value", "Alert fired.");
    expect(screen.getByText("Theirs: Theirs.")).toBeTruthy();
    // Nothing is saved over theirs until the writer chooses.
    expect(save).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole("button", { name: "Keep mine" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("saved"));
    expect(save.mock.calls[1]![0].version).toBe(2);
    expect(save.mock.calls[1]![1]).toEqual({ rootCause: "Mine." });
  });

  it("keeps the text and says why when a save fails", async () => {
    const save = saveAs(new ApiError(0, { detail: "the server could not be reached" }));
    render(<Harness initial={postmortem({})} calls={{ save, load: vi.fn() }} />);
    await userEvent.setup().type(screen.getByLabelText("Detection"), "Paged at 14:09.");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("failed"));
    expect(screen.getByLabelText("Detection")).toHaveProperty("value", "Paged at 14:09.");
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(save).toHaveBeenCalledOnce();
  });

  it("puts back text a reload or an expired session left unsaved, on top of what is stored now", async () => {
    const read = postmortem({ version: 1 });
    const backup = {
      load: () => ({ read: draftOf(read), mine: { ...draftOf(read), rootCause: "Unsaved words." } }),
      save: vi.fn(),
      clear: vi.fn(),
    };
    const stored = postmortem({ detection: "Someone else's.", version: 2 });
    const save = saveAs(
      postmortem({ rootCause: "Unsaved words.", detection: "Someone else's.", version: 3 }),
    );
    render(<Harness initial={stored} calls={{ save, load: vi.fn() }} backup={backup} />);
    expect(screen.getByLabelText("Root cause")).toHaveProperty("value", "Unsaved words.");
    expect(screen.getByLabelText("Detection")).toHaveProperty("value", "Someone else's.");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("saved"));
    expect(save.mock.calls[0]![0].version).toBe(2);
    expect(save.mock.calls[0]![1]).toEqual({ rootCause: "Unsaved words." });
    expect(backup.clear).toHaveBeenCalled();
  });

  it("backs up typed text until it is saved", async () => {
    const backup = { load: () => undefined, save: vi.fn(), clear: vi.fn() };
    const save = saveAs(new ApiError(0, { detail: "offline" }));
    render(<Harness initial={postmortem({})} calls={{ save, load: vi.fn() }} backup={backup} />);
    await userEvent.setup().type(screen.getByLabelText("Detection"), "Paged.");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("failed"));
    expect(backup.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ mine: expect.objectContaining({ detection: "Paged." }) }),
    );
  });
});
