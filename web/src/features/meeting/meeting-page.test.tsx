import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { Role, User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import type { Meeting, MeetingModeState } from "./meeting.api.ts";
import { MeetingView } from "./meeting-page.tsx";
import type { MeetingModeCalls } from "./use-meeting-mode.ts";
import type { MeetingRecordCalls } from "./use-meeting-record.ts";

const T0 = Date.parse("2026-03-20T14:00:00Z");
const SECTIONS = [
  { key: "stage", title: "Set the stage", minutes: 2, startMinute: 0 },
  { key: "timeline", title: "Review the timeline", minutes: 10, startMinute: 2 },
  { key: "root-cause", title: "Discuss root cause", minutes: 15, startMinute: 12 },
];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The room on section `index` since `startedMs`, as the server would say it now. */
function roomAt(index: number, startedMs: number, version: number): MeetingModeState {
  const section = SECTIONS[index]!;
  const endsMs = startedMs + section.minutes * 60_000;
  return {
    active: true,
    startedAt: iso(T0),
    section: { index, key: section.key, title: section.title, minutes: section.minutes },
    sectionStartedAt: iso(startedMs),
    sectionEndsAt: iso(endsMs),
    remainingSeconds: Math.floor((endsMs - Date.now()) / 1000),
    elapsedSeconds: Math.floor((Date.now() - T0) / 1000),
    plannedEndAt: iso(T0 + 27 * 60_000),
    heldAt: null,
    agenda: { sections: SECTIONS, totalMinutes: 27, custom: false, version },
    version,
  };
}

function meeting(version: number, notes: Record<string, string> = {}): Meeting {
  return {
    scheduledAt: null,
    durationMinutes: 60,
    facilitator: null,
    heldAt: null,
    attendees: [{ name: "Ana", email: null }],
    notes,
    version,
  };
}

const POSTMORTEM = {
  summary: "Checkout failed for EU customers.",
  rootCause: "An unchecked pool size.",
  contributingFactors: ["No canary"],
  detection: "",
  resolution: "",
  lessons: { wentWell: [], toImprove: [] },
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const path = url.split("?")[0]!;
      if (path.endsWith("/timeline")) {
        return json({
          items: [{ id: 1, occurredAt: "2026-03-18T09:12:00Z", kind: "alert", text: "5xx alert fired" }],
          nextCursor: null,
        });
      }
      if (path.endsWith("/whys")) return json([]);
      if (path.endsWith("/action-items")) return json({ items: [], nextCursor: null });
      if (path.endsWith("/postmortem")) return json(POSTMORTEM);
      return json({ key: "INC-1", title: "Checkout 502s" });
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const flush = () => act(() => vi.advanceTimersByTimeAsync(0));
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function renderMeeting(role: Role, modeCalls: MeetingModeCalls, recordCalls?: Partial<MeetingRecordCalls>) {
  const user: User = {
    id: 1,
    email: "a@example.com",
    name: "A",
    role,
    version: 1,
    createdAt: "",
    updatedAt: "",
  };
  const record: MeetingRecordCalls = {
    load: vi.fn(async () => meeting(1)),
    save: vi.fn(async (_read, changes) => ({ ...meeting(2), ...changes }) as Meeting),
    ...recordCalls,
  };
  render(
    <SessionProvider initialUser={user}>
      <MeetingView incidentKey="INC-1" modeCalls={modeCalls} recordCalls={record} />
    </SessionProvider>,
  );
  return record;
}

const currentStep = () =>
  within(screen.getByRole("list", { name: "Agenda" }))
    .getAllByRole("listitem")
    .find((li) => li.getAttribute("aria-current") === "step")?.textContent;

const timer = () => screen.getByRole("timer").textContent;

describe("meeting mode", () => {
  it("counts the section down from the server's start time, and shows the overrun", async () => {
    let room = roomAt(0, T0, 3);
    renderMeeting("viewer", { get: vi.fn(async () => (room = roomAt(0, T0, 3))), move: vi.fn() });
    await flush();
    expect(currentStep()).toMatch(/^Set the stage/);
    expect(timer()).toBe("02:00 left");
    // A viewer follows: no controls, notes read-only.
    expect(screen.queryByRole("button", { name: "Next section" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "Notes on Set the stage" }).hasAttribute("readonly")).toBe(
      true,
    );
    await advance(61_000);
    expect(timer()).toBe("00:59 left");
    await advance(120_000);
    expect(timer()).toBe("01:01 over");
    expect(room.version).toBe(3);
  });

  it("moves the room with Next and Previous, by button and by keyboard", async () => {
    let room = roomAt(0, T0, 3);
    const move = vi.fn(async (read: MeetingModeState, action: string) => {
      const index = read.section!.index + (action === "next" ? 1 : -1);
      room = roomAt(index, Date.now(), read.version + 1);
      return room;
    });
    renderMeeting("editor", { get: vi.fn(async () => room), move });
    await flush();
    expect(screen.getByRole("button", { name: "Previous section" })).toHaveProperty("disabled", true);

    fireEvent.click(screen.getByRole("button", { name: "Next section" }));
    await flush();
    expect(move).toHaveBeenLastCalledWith(expect.objectContaining({ version: 3 }), "next", undefined);
    expect(currentStep()).toMatch(/^Review the timeline/);
    expect(screen.getByRole("heading", { level: 2, name: "Review the timeline" })).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "Timeline" })).getByText(/5xx alert fired/)).toBeTruthy();

    fireEvent.keyDown(document.body, { key: "p" });
    await flush();
    expect(move).toHaveBeenLastCalledWith(expect.objectContaining({ version: 4 }), "previous", undefined);
    expect(currentStep()).toMatch(/^Set the stage/);

    // Typing N in the notes is text, not a shortcut.
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Notes on Set the stage" }), { key: "n" });
    expect(move).toHaveBeenCalledTimes(2);
  });

  it("moves the room straight to a section from the agenda, for editors only", async () => {
    let room = roomAt(0, T0, 3);
    const move = vi.fn(async (read: MeetingModeState, action: string, section?: number) => {
      expect(action).toBe("goto");
      room = roomAt(section!, Date.now(), read.version + 1);
      return room;
    });
    renderMeeting("editor", { get: vi.fn(async () => room), move });
    await flush();
    // The current section is not a button; the others move the room there.
    expect(screen.queryByRole("button", { name: "Move the room to Set the stage" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Move the room to Discuss root cause" }));
    await flush();
    expect(move).toHaveBeenLastCalledWith(expect.objectContaining({ version: 3 }), "goto", 2);
    expect(currentStep()).toMatch(/^Discuss root cause/);
    // The button pressed is gone (it is the current section now): focus moves to the section's heading.
    expect(document.activeElement).toBe(
      screen.getByRole("heading", { level: 2, name: "Discuss root cause" }),
    );
    expect(timer()).toBe("15:00 left");
    // Back to a section the room skipped.
    fireEvent.click(screen.getByRole("button", { name: "Move the room to Review the timeline" }));
    await flush();
    expect(move).toHaveBeenLastCalledWith(expect.objectContaining({ version: 4 }), "goto", 1);
    expect(currentStep()).toMatch(/^Review the timeline/);
  });

  it("offers a viewer no way to move the room from the agenda", async () => {
    const room = roomAt(1, T0, 3);
    renderMeeting("viewer", { get: vi.fn(async () => room), move: vi.fn() });
    await flush();
    const agenda = within(screen.getByRole("list", { name: "Agenda" }));
    expect(agenda.queryAllByRole("button")).toEqual([]);
    expect(agenda.getByText("Set the stage")).toBeTruthy();
  });

  it("still moves on when only notes or attendees changed the meeting, but not when someone moved the room", async () => {
    const stale = new ApiError(412, { title: "Precondition Failed", detail: "stale" });
    let room = roomAt(0, T0, 3);
    const move = vi.fn(async (read: MeetingModeState, action: string) => {
      if (read.version !== room.version) throw stale;
      const index = read.section!.index + (action === "next" ? 1 : -1);
      room = roomAt(index, Date.now(), read.version + 1);
      return room;
    });
    renderMeeting("editor", { get: vi.fn(async () => room), move });
    await flush();

    // An attendee was added: same section, newer version.
    room = roomAt(0, T0, 4);
    fireEvent.click(screen.getByRole("button", { name: "Next section" }));
    await flush();
    expect(currentStep()).toMatch(/^Review the timeline/);
    expect(screen.queryByRole("alert")?.textContent ?? "").toBe("");

    // Someone else moved the room first: this page shows where it is and does not move it twice.
    room = roomAt(2, Date.now(), 9);
    fireEvent.click(screen.getByRole("button", { name: "Next section" }));
    await flush();
    expect(currentStep()).toMatch(/^Discuss root cause/);
    expect(screen.getByRole("alert").textContent).toContain("Someone else moved the meeting first");
    expect(room.version).toBe(9);
  });

  it("follows the facilitator on the next poll, and stops polling while the tab is hidden", async () => {
    let room = roomAt(0, T0, 3);
    const get = vi.fn(async () => room);
    renderMeeting("viewer", { get, move: vi.fn() });
    await flush();
    expect(currentStep()).toMatch(/^Set the stage/);

    room = roomAt(1, T0 + 30_000, 4);
    await advance(2_000);
    expect(currentStep()).toMatch(/^Review the timeline/);
    expect(timer()).toBe("10:28 left");

    let hidden = true;
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (hidden ? "hidden" : "visible"),
    });
    document.dispatchEvent(new Event("visibilitychange"));
    const calls = get.mock.calls.length;
    room = roomAt(2, T0 + 40_000, 5);
    await advance(10_000);
    expect(get.mock.calls.length).toBe(calls);
    expect(currentStep()).toMatch(/^Review the timeline/);

    hidden = false;
    document.dispatchEvent(new Event("visibilitychange"));
    await flush();
    expect(currentStep()).toMatch(/^Discuss root cause/);
    Reflect.deleteProperty(document, "visibilityState");
  });

  it("saves notes on top of someone else's after a 412, keeping what was typed", async () => {
    const room = roomAt(0, T0, 1);
    const stale = new ApiError(412, { title: "Precondition Failed", detail: "stale" });
    const load = vi
      .fn()
      .mockResolvedValueOnce(meeting(1))
      .mockResolvedValue(meeting(2, { timeline: "Alert was late" }));
    const save = vi
      .fn()
      .mockRejectedValueOnce(stale)
      .mockImplementation(async (_read, changes) => ({ ...meeting(3), ...changes }));
    renderMeeting("editor", { get: vi.fn(async () => room), move: vi.fn() }, { load, save });
    await flush();

    const notes = screen.getByRole("textbox", { name: "Notes on Set the stage" });
    fireEvent.change(notes, { target: { value: "Blameless reminder read" } });
    await advance(1_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0]).toHaveProperty("version", 2);
    expect(save.mock.calls[1]![1]).toEqual({
      notes: { timeline: "Alert was late", stage: "Blameless reminder read" },
    });
    expect(screen.getByRole("status", { name: "" }).textContent).toBe("Saved");
    expect(notes).toHaveProperty("value", "Blameless reminder read");
  });

  it("shows their notes beside mine when both changed the same section", async () => {
    const room = roomAt(0, T0, 1);
    const stale = new ApiError(412, { title: "Precondition Failed", detail: "stale" });
    const load = vi
      .fn()
      .mockResolvedValueOnce(meeting(1))
      .mockResolvedValue(meeting(2, { stage: "Their framing notes" }));
    const save = vi
      .fn()
      .mockRejectedValueOnce(stale)
      .mockImplementation(async (_read, changes) => ({ ...meeting(3), ...changes }));
    renderMeeting("editor", { get: vi.fn(async () => room), move: vi.fn() }, { load, save });
    await flush();

    fireEvent.change(screen.getByRole("textbox", { name: "Notes on Set the stage" }), {
      target: { value: "My notes" },
    });
    await advance(1_000);
    const conflict = screen.getByRole("group", { name: /someone else changed them too/ });
    expect(conflict.textContent).toContain("Their framing notes");
    expect(screen.getByRole("textbox", { name: "Notes on Set the stage" })).toHaveProperty(
      "value",
      "My notes",
    );
    expect(save).toHaveBeenCalledTimes(1);

    fireEvent.click(within(conflict).getByRole("button", { name: "Keep mine" }));
    await flush();
    expect(save).toHaveBeenLastCalledWith(expect.objectContaining({ version: 2 }), {
      notes: { stage: "My notes" },
    });
  });

  it("keeps notes typed in a section when the room moves on, and saves them", async () => {
    let room = roomAt(0, T0, 1);
    const record = renderMeeting("editor", { get: vi.fn(async () => room), move: vi.fn() });
    await flush();
    fireEvent.change(screen.getByRole("textbox", { name: "Notes on Set the stage" }), {
      target: { value: "Ground rules read" },
    });
    room = roomAt(1, T0, 2);
    await advance(2_000);
    expect(screen.getByRole("textbox", { name: "Notes on Review the timeline" })).toHaveProperty("value", "");
    expect(record.save).toHaveBeenCalledWith(expect.anything(), { notes: { stage: "Ground rules read" } });
  });

  it("adds and removes attendees", async () => {
    const room = roomAt(0, T0, 1);
    const record = renderMeeting("editor", { get: vi.fn(async () => room), move: vi.fn() });
    await flush();
    fireEvent.change(screen.getByRole("textbox", { name: "Name" }), { target: { value: "Bo" } });
    fireEvent.click(screen.getByRole("button", { name: "Add attendee" }));
    await flush();
    expect(record.save).toHaveBeenLastCalledWith(expect.objectContaining({ version: 1 }), {
      attendees: [
        { name: "Ana", email: null },
        { name: "Bo", email: null },
      ],
    });
    expect(within(screen.getByRole("list", { name: "Attendees" })).getByText("Bo")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove Ana" }));
    await flush();
    expect(record.save).toHaveBeenLastCalledWith(expect.objectContaining({ version: 2 }), {
      attendees: [{ name: "Bo", email: null }],
    });
  });
});
