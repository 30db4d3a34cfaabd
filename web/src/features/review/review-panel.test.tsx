import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Postmortem, Role, User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { ReviewPanel } from "./review-panel.tsx";

function postmortem(changes: Partial<Postmortem> = {}): Postmortem {
  return {
    incidentKey: "INC-7",
    status: "draft",
    meeting: null,
    publishedAt: null,
    version: 5,
    ...changes,
  } as Postmortem;
}

function reply(status: number, body: unknown): Response {
  const type = status < 300 ? "application/json" : "application/problem+json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
}

/** Answers each request with the next response, and records what was sent. */
function stubFetch(...responses: Response[]) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => responses.shift() ?? reply(500, {}));
  vi.stubGlobal("fetch", fetchMock);
  const sent = (n: number) => {
    const [url, init] = fetchMock.mock.calls[n]!;
    const headers = init.headers as Record<string, string>;
    return {
      url,
      method: init.method,
      ifMatch: headers["if-match"],
      body: init.body && JSON.parse(String(init.body)),
    };
  };
  return { fetchMock, sent };
}

function renderPanel(role: Role, initial: Postmortem, onChanged = vi.fn()) {
  const user: User = {
    id: 1,
    email: "a@example.com",
    name: "A",
    role,
    version: 1,
    createdAt: "",
    updatedAt: "",
  };
  function Host() {
    const [pm, setPm] = useState(initial);
    return (
      <ReviewPanel
        incidentKey="INC-7"
        postmortem={pm}
        canEdit={role !== "viewer"}
        onChanged={(next) => {
          onChanged(next);
          setPm(next);
        }}
      />
    );
  }
  render(
    <SessionProvider initialUser={user}>
      <Host />
    </SessionProvider>,
  );
  return onChanged;
}

const currentStatus = () =>
  within(screen.getByRole("list", { name: "Review status" }))
    .getAllByRole("listitem")
    .find((li) => li.getAttribute("aria-current") === "step")?.textContent;

afterEach(() => vi.unstubAllGlobals());

describe("ReviewPanel", () => {
  it("shows a viewer where the post-mortem stands and nothing to press", () => {
    renderPanel("viewer", postmortem({ status: "in_review" }));
    expect(currentStatus()).toBe("In review");
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.getByText(/^Next: hold the review meeting/)).toBeTruthy();
  });

  it("submits a draft for review with If-Match and hands back the result", async () => {
    const { sent } = stubFetch(reply(200, postmortem({ status: "in_review", version: 6 })));
    const onChanged = renderPanel("editor", postmortem());
    await userEvent.setup().click(screen.getByRole("button", { name: "Submit for review" }));
    expect(await screen.findByText("Submitted for review.")).toBeTruthy();
    expect(sent(0)).toMatchObject({
      url: "/api/v1/incidents/INC-7/postmortem/submit",
      method: "POST",
      ifMatch: '"5"',
    });
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: "in_review" }));
    expect(currentStatus()).toBe("In review");
    expect(screen.queryByRole("button", { name: "Submit for review" })).toBeNull();
  });

  it("schedules the meeting in UTC with its attendees and offers the invitation", async () => {
    const saved = {
      scheduledAt: "2026-03-25T14:00:00Z",
      durationMinutes: 45,
      facilitator: "Ana",
      heldAt: null,
      attendees: [
        { name: "Ana", email: "ana@example.com" },
        { name: "Bo", email: null },
      ],
      notes: {},
      version: 1,
    };
    const { sent } = stubFetch(reply(200, saved));
    renderPanel("editor", postmortem({ status: "in_review" }));
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Schedule the meeting" }));
    await user.type(screen.getByRole("textbox", { name: "Time (UTC)" }), "2026-03-25 14:00");
    await user.clear(screen.getByRole("spinbutton", { name: "Duration (minutes)" }));
    await user.type(screen.getByRole("spinbutton", { name: "Duration (minutes)" }), "45");
    await user.type(screen.getByRole("textbox", { name: "Facilitator" }), "Ana");
    await user.type(screen.getByRole("textbox", { name: "Attendees" }), "Ana <ana@example.com>{Enter}Bo");
    await user.click(screen.getByRole("button", { name: "Save the schedule" }));

    const invite = await screen.findByRole("link", { name: "Download invite (.ics)" });
    expect(invite.getAttribute("href")).toBe("/api/v1/incidents/INC-7/postmortem/meeting.ics");
    expect(sent(0)).toMatchObject({
      url: "/api/v1/incidents/INC-7/postmortem/meeting",
      method: "PATCH",
      ifMatch: undefined,
      body: {
        scheduledAt: "2026-03-25T14:00:00Z",
        durationMinutes: 45,
        facilitator: "Ana",
        attendees: [
          { name: "Ana", email: "ana@example.com" },
          { name: "Bo", email: null },
        ],
      },
    });
    expect(screen.getByText("Ana, Bo")).toBeTruthy();
  });

  it("shows why publishing was refused, and lets an admin publish with an override reason", async () => {
    const refusal = {
      title: "Conflict",
      status: 409,
      detail: "the post-mortem of INC-7 cannot be published yet",
      errors: [
        { path: "meeting", message: "no review meeting was held (no-meeting)" },
        { path: "actionItems", message: "has none" },
      ],
    };
    const { sent } = stubFetch(
      reply(409, refusal),
      reply(200, postmortem({ status: "published", version: 6 })),
    );
    renderPanel("admin", postmortem({ status: "in_review" }));
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Publish" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Review meeting: no review meeting was held (no-meeting)");
    expect(alert.textContent).toContain("Action items: has none");
    await user.type(screen.getByRole("textbox", { name: "Override reason (admin)" }), "Held on a call");
    await user.type(screen.getByRole("textbox", { name: "Why no action items are needed" }), "Vendor fix");
    await user.click(screen.getByRole("button", { name: "Publish with override" }));

    expect(await screen.findByText("Published.")).toBeTruthy();
    expect(sent(1)).toMatchObject({
      ifMatch: '"5"',
      body: { override: { reason: "Held on a call" }, noActionItemsReason: "Vendor fix" },
    });
    expect(currentStatus()).toBe("Published");
  });

  it("does not offer an editor the override", async () => {
    const refusal = { status: 409, detail: "no", errors: [{ path: "meeting", message: "no meeting" }] };
    stubFetch(reply(409, refusal));
    renderPanel("editor", postmortem({ status: "in_review" }));
    await userEvent.setup().click(screen.getByRole("button", { name: "Publish" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Review meeting: no meeting");
    expect(screen.queryByRole("textbox", { name: "Override reason (admin)" })).toBeNull();
  });
});
