import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Incident } from "../../api/types.ts";
import { buildUser, fakeApi } from "../../test/fake-api.ts";
import { SessionProvider } from "../auth/session.tsx";
import { IncidentDetails } from "./incident-details.tsx";

function buildIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    key: "INC-1",
    title: "Checkout API returns 502s",
    severity: "P1",
    status: "open",
    startedAt: "2026-03-18T14:00:00Z",
    detectedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    impact: "",
    customerImpact: false,
    dataLoss: false,
    security: false,
    services: [],
    tags: [],
    source: "manual",
    version: 3,
    createdAt: "2026-03-18T14:00:00Z",
    updatedAt: "2026-03-18T14:00:00Z",
    ...overrides,
  };
}

const NOW = () => new Date("2026-03-18T16:00:00Z");

/** The details section wired like the page: a write's response replaces what is shown. */
function renderDetails(incident: Incident, role: "editor" | "viewer" = "editor") {
  function Harness() {
    const [data, setData] = useState(incident);
    return <IncidentDetails incident={data} onChanged={setData} now={NOW} />;
  }
  return render(
    <SessionProvider initialUser={buildUser({ role })}>
      <Harness />
    </SessionProvider>,
  );
}

const details = () => screen.getByRole("region", { name: "Details" });
const dialog = () => screen.getByRole("dialog", { name: "Edit details" });
const describedText = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

afterEach(() => vi.unstubAllGlobals());

describe("EditIncidentDialog", () => {
  it("sends only the changed fields with If-Match and shows the saved values", async () => {
    const api = fakeApi();
    const incident = buildIncident({ services: ["payments"], tags: ["eu"] });
    api.on("PATCH /api/v1/incidents/INC-1", ({ body }) => ({
      body: { ...incident, ...(body as object), services: ["checkout-api", "payments"], version: 4 },
    }));
    renderDetails(incident);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const form = within(dialog());
    expect(form.getByLabelText("Services")).toHaveProperty("value", "payments");

    await user.type(form.getByLabelText("Impact"), "30% of EU checkouts failed");
    await user.click(form.getByRole("checkbox", { name: "Customer impact" }));
    await user.clear(form.getByLabelText("Services"));
    await user.type(form.getByLabelText("Services"), " checkout-api, payments ,, ");
    await user.type(form.getByLabelText("Detected at (UTC)"), "2026-03-18 14:07");
    await user.click(form.getByRole("button", { name: "Save details" }));

    await screen.findByText("30% of EU checkouts failed");
    expect(api.calls).toEqual([
      {
        route: "PATCH /api/v1/incidents/INC-1",
        ifMatch: '"3"',
        body: {
          impact: "30% of EU checkouts failed",
          customerImpact: true,
          services: ["checkout-api", "payments"],
          detectedAt: "2026-03-18T14:07:00Z",
        },
      },
    ]);
    const shown = details().textContent;
    expect(shown).toContain("Customer impact");
    expect(shown).toContain("checkout-api, payments");
    expect(shown).toContain("2026-03-18 14:07 UTC");
    expect(shown).toContain("eu");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Details saved.");
  });

  it("clears a detected time with null, and sends nothing for untouched times with seconds", async () => {
    const api = fakeApi();
    const incident = buildIncident({
      status: "mitigated",
      detectedAt: "2026-03-18T14:05:00Z",
      mitigatedAt: "2026-03-18T15:12:37Z",
    });
    api.on("PATCH /api/v1/incidents/INC-1", ({ body }) => ({
      body: { ...incident, ...(body as object), version: 4 },
    }));
    renderDetails(incident);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const form = within(dialog());
    expect(form.getByLabelText("Mitigated at (UTC)")).toHaveProperty("value", "2026-03-18 15:12");
    expect(form.queryByLabelText("Resolved at (UTC)")).toBeNull();
    await user.clear(form.getByLabelText("Detected at (UTC)"));
    await user.click(form.getByRole("button", { name: "Save details" }));

    await vi.waitFor(() => expect(screen.getByRole("status").textContent).toBe("Details saved."));
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.body).toEqual({ detectedAt: null });
  });

  it("names the field a client-side check refuses, and sends nothing", async () => {
    const api = fakeApi();
    renderDetails(buildIncident({ status: "mitigated", mitigatedAt: "2026-03-18T15:00:00Z" }));
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const form = within(dialog());
    await user.type(form.getByLabelText("Detected at (UTC)"), "2026-03-18 13:59");
    await user.clear(form.getByLabelText("Mitigated at (UTC)"));
    await user.clear(form.getByLabelText("Title"));
    await user.click(form.getByRole("button", { name: "Save details" }));

    expect(form.getByRole("alert").textContent).toBe("Correct the fields marked below.");
    const detected = form.getByLabelText("Detected at (UTC)");
    expect(detected.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(detected)).toContain("Must not be before the start (2026-03-18 14:00 UTC).");
    expect(describedText(form.getByLabelText("Mitigated at (UTC)"))).toContain(
      "Needed while the incident is mitigated or resolved.",
    );
    expect(describedText(form.getByLabelText("Title"))).toContain("Give the incident a title.");
    expect(api.calls).toEqual([]);
  });

  it("shows a server field error on its field and keeps what was typed", async () => {
    const api = fakeApi();
    api.on("PATCH /api/v1/incidents/INC-1", {
      status: 400,
      body: {
        title: "Validation failed",
        detail: "tags.1: must not be empty",
        errors: [{ path: "tags.1", message: "must not be empty" }],
      },
    });
    renderDetails(buildIncident());
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const form = within(dialog());
    await user.type(form.getByLabelText("Tags"), "db, cache");
    await user.click(form.getByRole("button", { name: "Save details" }));

    // The form's alert points at the field; the field says what is wrong.
    expect((await form.findByRole("alert")).textContent).toBe("Correct the fields marked below.");
    const tags = form.getByLabelText("Tags");
    expect(tags.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(tags)).toContain("Must not be empty.");
    expect(tags).toHaveProperty("value", "db, cache");
    expect(form.getByRole("button", { name: "Save details" })).toHaveProperty("disabled", false);
  });

  it("on 412 says someone else changed it, reloads theirs, keeps yours, and saves yours over the new version", async () => {
    const api = fakeApi();
    const mine = buildIncident();
    const theirs = buildIncident({ version: 4, impact: "Orders delayed", tags: ["eu"] });
    let attempts = 0;
    api.on("PATCH /api/v1/incidents/INC-1", ({ body }) =>
      ++attempts === 1
        ? { status: 412, body: { title: "Precondition Failed", detail: "incident INC-1 changed" } }
        : { body: { ...theirs, ...(body as object), version: 5 } },
    );
    api.on("GET /api/v1/incidents/INC-1", { body: theirs });
    renderDetails(mine);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Edit details" }));
    const form = within(dialog());
    await user.type(form.getByLabelText("Impact"), "Payments delayed");
    await user.click(form.getByRole("button", { name: "Save details" }));

    expect((await form.findByRole("alert")).textContent).toMatch(
      /^Someone else changed this incident while you were editing\./,
    );
    expect(form.getByLabelText("Impact")).toHaveProperty("value", "Payments delayed");
    expect(describedText(form.getByLabelText("Impact"))).toContain(
      "Now saved by someone else: Orders delayed",
    );
    // What you did not touch takes their value, so saving again does not undo their change.
    expect(form.getByLabelText("Tags")).toHaveProperty("value", "eu");
    expect(details().textContent).toContain("Orders delayed");

    await user.click(form.getByRole("button", { name: "Save details" }));
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const patches = api.calls.filter((call) => call.route.startsWith("PATCH"));
    expect(patches.map((call) => call.ifMatch)).toEqual(['"3"', '"4"']);
    expect(patches[1]!.body).toEqual({ impact: "Payments delayed" });
    expect(details().textContent).toContain("Payments delayed");
  });
});

describe("IncidentDetails", () => {
  it("shows impact, set flags, services, tags and times, and no Edit button to a viewer", () => {
    fakeApi();
    renderDetails(
      buildIncident({
        impact: "Checkout failed for <b>EU</b> customers",
        customerImpact: true,
        security: true,
        services: ["checkout-api", "payments"],
        tags: ["eu", "release"],
        status: "resolved",
        detectedAt: "2026-03-18T14:07:00Z",
        mitigatedAt: "2026-03-18T14:40:00Z",
        resolvedAt: "2026-03-18T15:00:00Z",
      }),
      "viewer",
    );
    const section = within(details());
    expect(section.getByText("Checkout failed for <b>EU</b> customers")).toBeTruthy();
    const flags = section.getAllByRole("listitem").map((item) => item.textContent);
    expect(flags).toEqual(["Customer impact", "Security"]);
    expect(section.getByText("checkout-api, payments")).toBeTruthy();
    expect(section.getByText("eu, release")).toBeTruthy();
    const times = section.getAllByRole("time").map((time) => time.getAttribute("datetime"));
    expect(times).toEqual(["2026-03-18T14:07:00Z", "2026-03-18T14:40:00Z", "2026-03-18T15:00:00Z"]);
    expect(screen.queryByRole("button", { name: "Edit details" })).toBeNull();
  });

  it("says what is not set yet", () => {
    fakeApi();
    renderDetails(buildIncident());
    const text = details().textContent;
    expect(text).toContain("Not described yet");
    expect(text).toContain("None marked");
    expect(text).toContain("Not set");
    expect(screen.getByRole("button", { name: "Edit details" })).toBeTruthy();
  });
});
