import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { ExternalVersion, RedactionFlag } from "./external.api.ts";
import { ExternalStatusPanel } from "./external-status.tsx";
import { ExternalWorkspace } from "./external-workspace.tsx";

const SUMMARY = "Mail ops@acme.com if checkout fails; db1.corp was overloaded.";

const flag = (fields: Partial<RedactionFlag>): RedactionFlag => ({
  field: "summary",
  kind: "email",
  match: "ops@acme.com",
  start: 5,
  end: 17,
  message: "Looks like an e-mail address.",
  dismissed: null,
  ...fields,
});

function version(fields: Partial<ExternalVersion> = {}): ExternalVersion {
  return {
    incidentKey: "INC-7",
    title: "Checkout errors",
    summary: SUMMARY,
    impact: "Customers could not pay.",
    duration: "about 42 minutes",
    changes: "We add capacity.",
    status: "draft",
    author: { id: 1, name: "Priya Patel" },
    approvedBy: null,
    approvedAt: null,
    flags: [
      flag({}),
      flag({ kind: "host", match: "db1.corp", start: 37, end: 45, message: "Looks like an internal host." }),
    ],
    openFlags: 2,
    publication: null,
    version: 3,
    createdAt: "2026-03-18T15:00:00Z",
    updatedAt: "2026-03-18T15:00:00Z",
    ...fields,
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderWorkspace(initial = version(), canEdit = true, reload = async () => initial) {
  render(<ExternalWorkspace initial={initial} canEdit={canEdit} reload={reload} />);
  return userEvent.setup();
}

describe("ExternalWorkspace", () => {
  it("lists each flag under its text and Show selects the flagged words in the field", async () => {
    const user = renderWorkspace();
    const flags = screen.getByRole("list", { name: "Flags in Summary" });
    expect(
      within(flags)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining("E-mail address: “ops@acme.com”Looks like an e-mail address."),
      expect.stringContaining("Internal host: “db1.corp”Looks like an internal host."),
    ]);
    await user.click(screen.getByRole("button", { name: "Show “db1.corp”" }));
    const summary = screen.getByRole("textbox", { name: "Summary" }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(summary);
    expect(summary.value.slice(summary.selectionStart, summary.selectionEnd)).toBe("db1.corp");
  });

  it("finds a flagged word again after the text before it was edited", async () => {
    const user = renderWorkspace();
    const summary = screen.getByRole("textbox", { name: "Summary" }) as HTMLTextAreaElement;
    await user.clear(summary);
    await user.type(summary, "Write to support. ops@acme.com");
    await user.click(screen.getByRole("button", { name: "Show “ops@acme.com”" }));
    expect(summary.value.slice(summary.selectionStart, summary.selectionEnd)).toBe("ops@acme.com");
  });

  it("asks why before dismissing a flag, then shows who dismissed it and why", async () => {
    const asked: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        asked.push(JSON.parse(String(init.body)));
        const [email, host] = version().flags;
        const dismissed = {
          reason: "Our public support address",
          by: "Priya Patel",
          at: "2026-03-18T15:05:00Z",
        };
        return json(version({ flags: [{ ...email!, dismissed }, host!], openFlags: 1, version: 4 }));
      }),
    );
    const user = renderWorkspace();
    await user.click(screen.getByRole("button", { name: "Dismiss “ops@acme.com”" }));
    await user.click(screen.getByRole("button", { name: "Dismiss flag" }));
    expect(screen.getByText("Say why customers may see this text.")).toBeTruthy();
    expect(asked).toEqual([]);

    await user.type(
      screen.getByRole("textbox", { name: "Why may customers see it?" }),
      "Our public support address",
    );
    await user.click(screen.getByRole("button", { name: "Dismiss flag" }));
    await screen.findByText("Dismissed by Priya Patel: Our public support address");
    expect(asked).toEqual([
      { field: "summary", kind: "email", match: "ops@acme.com", reason: "Our public support address" },
    ]);
    expect(screen.queryByRole("button", { name: "Dismiss “ops@acme.com”" })).toBeNull();
    expect(screen.getByText(/^1 open redaction flag:/)).toBeTruthy();
  });

  it("saves the changed text with If-Match, and on 412 shows theirs beside yours and keeps yours", async () => {
    const theirs = version({ impact: "EU customers could not pay for 40 minutes.", version: 4 });
    const requests: { ifMatch: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        const headers = init.headers as Record<string, string>;
        requests.push({ ifMatch: headers["if-match"] ?? null, body: JSON.parse(String(init.body)) });
        if (requests.length === 1) return json({ title: "Precondition Failed", detail: "stale" }, 412);
        return json(version({ impact: "Nobody could pay.", version: 5 }));
      }),
    );
    const user = renderWorkspace(version(), true, async () => theirs);
    const impact = screen.getByRole("textbox", { name: "Impact" });
    await user.clear(impact);
    await user.type(impact, "Nobody could pay.");
    await user.click(screen.getByRole("button", { name: "Save" }));

    await screen.findByText(/Someone else saved this version/);
    expect(screen.getByText("Their version of Impact:").parentElement!.textContent).toContain(
      "EU customers could not pay for 40 minutes.",
    );
    expect(impact).toHaveProperty("value", "Nobody could pay.");

    await user.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved");
    expect(requests).toEqual([
      { ifMatch: '"3"', body: { impact: "Nobody could pay." } },
      { ifMatch: '"4"', body: { impact: "Nobody could pay." } },
    ]);
    expect(screen.queryByText("Their version of Impact:")).toBeNull();
  });

  it("shows a viewer the texts read-only, with Show but no Save, Dismiss or Approve", () => {
    renderWorkspace(version(), false);
    expect(screen.getByRole("textbox", { name: "Summary" })).toHaveProperty("readOnly", true);
    expect(screen.getAllByRole("button", { name: /^Show/ })).toHaveLength(2);
    expect(screen.queryByRole("button", { name: /^(Save|Dismiss|Approve|Publish)/ })).toBeNull();
  });
});

describe("ExternalStatusPanel", () => {
  it("shows the server's reasons when approval is refused", async () => {
    const run = vi.fn(async () => {
      throw new ApiError(409, {
        title: "Conflict",
        detail: "cannot be approved yet",
        errors: [
          {
            path: "approvedBy",
            message: "must be approved by someone other than its author and its last editor",
          },
          { path: "flags.1", message: "summary: “db1.corp”: Looks like an internal host." },
        ],
      });
    });
    render(<ExternalStatusPanel version={version()} canEdit dirty={false} onChanged={vi.fn()} run={run} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Approve" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Not approved:");
    expect(
      within(alert)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "It must be approved by someone other than its author and its last editor.",
      "Open flag in summary: “db1.corp”: Looks like an internal host.",
    ]);
  });

  it("offers the actions the status allows and the public link once published", () => {
    const published = version({
      status: "published",
      publication: {
        slug: "2026-03-18-checkout-errors",
        url: "/status/postmortems/2026-03-18-checkout-errors",
        publishedAt: "2026-03-18T16:00:00Z",
        updatedAt: "2026-03-18T16:00:00Z",
      },
    });
    render(<ExternalStatusPanel version={published} canEdit dirty={false} onChanged={vi.fn()} />);
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Unpublish"]);
    expect(screen.getByRole("link", { name: "/status/postmortems/2026-03-18-checkout-errors" })).toBeTruthy();
  });

  it("holds Approve back while there are unsaved changes", () => {
    render(<ExternalStatusPanel version={version()} canEdit dirty onChanged={vi.fn()} />);
    expect(screen.getByRole("button", { name: "Approve" })).toHaveProperty("disabled", true);
  });
});
