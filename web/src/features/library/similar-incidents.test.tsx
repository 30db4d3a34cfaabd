import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/client.ts";
import type { SimilarIncident } from "./library.api.ts";
import { SimilarIncidents } from "./similar-incidents.tsx";

const item = (fields: Partial<SimilarIncident> = {}): SimilarIncident => ({
  incidentKey: "INC-4",
  title: "Ingress certificate expired",
  severity: "P2",
  startedAt: "2025-11-02T08:15:00Z",
  postmortemStatus: "published",
  score: 0.62,
  sharedTerms: ["ingress", "certificate", "renewal"],
  ...fields,
});

beforeEach(() => {
  // Without IntersectionObserver the section asks at once.
  vi.stubGlobal("IntersectionObserver", undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("SimilarIncidents", () => {
  it("lists each similar incident with a link, its key, date, severity, closeness and shared words", async () => {
    const load = vi.fn(async () => [
      item(),
      item({ incidentKey: "INC-2", title: "DNS outage", score: 0.12 }),
    ]);
    render(<SimilarIncidents incidentKey="INC-9" load={load} />);
    const link = await screen.findByRole("link", { name: "Ingress certificate expired" });
    expect(load).toHaveBeenCalledWith("INC-9", expect.anything());
    expect(link.getAttribute("href")).toBe("/incidents/INC-4/postmortem");
    const row = link.closest("li")!;
    expect(row.textContent).toContain("INC-4");
    expect(row.textContent).toContain("2025-11-02");
    expect(row.textContent).toContain("Very similar (62%)");
    expect(row.textContent).toContain("Shared: ingress, certificate, renewal");
    expect(within(row).getByRole("meter", { name: "Similarity 62%" })).toBeTruthy();
    expect(screen.getByText("Somewhat similar (12%)")).toBeTruthy();
  });

  it("says so when no past incident is similar", async () => {
    render(<SimilarIncidents incidentKey="INC-9" load={async () => []} />);
    expect((await screen.findByText("No past incident reads like this one yet.")).tagName).toBe("P");
  });

  it("stays quiet when the similar incidents cannot be loaded", async () => {
    const load = async () => {
      throw new ApiError(500, { title: "Internal Server Error" });
    };
    render(<SimilarIncidents incidentKey="INC-9" load={load} />);
    await screen.findByText("Similar incidents could not be loaded right now.");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
