import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../api/types.ts";
import { SessionProvider } from "../auth/session.tsx";
import { InsightsPage } from "./insights-page.tsx";
import { buildInsights, emptyInsights, json } from "./test-data.ts";

const viewer: User = {
  id: 7,
  email: "val@example.com",
  name: "Val Viewer",
  role: "viewer",
  version: 1,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

/** Opens /insights at `path` with the API answered by `answer`; returns the insights requests' URLs. */
function openPage(path: string, answer: (url: URL) => Response = () => json(buildInsights())) {
  window.history.replaceState(null, "", path);
  const asked: URL[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      const url = new URL(input, "http://localhost");
      if (url.pathname === "/api/v1/insights") asked.push(url);
      return answer(url);
    }),
  );
  render(
    <SessionProvider initialUser={viewer}>
      <InsightsPage chartSize={{ width: 320, height: 200 }} />
    </SessionProvider>,
  );
  return { asked, user: userEvent.setup() };
}

const queryOf = (url: URL) => Object.fromEntries(url.searchParams);
/** A headline figure: the value beside `term` in the card (region) named `card`. */
function figure(card: string, term: string): string | null {
  const region = screen.getByRole("region", { name: card });
  const index = within(region)
    .getAllByRole("term")
    .findIndex((dt) => dt.textContent === term);
  return within(region).getAllByRole("definition")[index]?.textContent ?? null;
}

function tableRows(name: string): string[][] {
  const table = screen.getByRole("table", { name });
  return within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ""));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("InsightsPage", () => {
  it("shows the default period's headline figures in human units", async () => {
    const { asked } = openPage("/insights");
    await screen.findByRole("heading", { name: "Headline figures" });
    expect(asked.map(queryOf)).toEqual([{}]);
    expect(screen.getByRole("status").textContent).toBe("5 incidents from 1 Jan 2026 to 31 Mar 2026 (UTC)");
    expect(figure("Incidents", "Total")).toBe("5");
    expect(figure("Incidents", "P2 major")).toBe("3");
    expect(figure("Time to detect", "Median")).toBe("7 min");
    expect(figure("Time to resolve", "Median")).toBe("1 h 12 min");
    expect(figure("Time to resolve", "p90")).toBe("1 d 2 h");
    expect(figure("Review", "Median time to meeting")).toBe("2 d");
    expect(figure("Review", "Published within a week")).toBe("50 %");
    expect(figure("Action items", "Still open")).toBe("2");
    expect(figure("Action items", "Overdue")).toBe("1");
    expect(figure("Action items", "Median time to close")).toBe("4.5 days");
    expect(figure("Post-mortem quality", "Linter findings per post-mortem")).toBe("1.00");
    // The default period shows in the date fields without being written to the address.
    expect(screen.getByLabelText("From")).toHaveProperty("value", "2026-01-01");
    expect(screen.getByLabelText("To")).toHaveProperty("value", "2026-03-31");
  });

  it("gives every chart a name and the same numbers in a table", async () => {
    const { user } = openPage("/insights");
    const chart = await screen.findByRole("figure", { name: "Incidents per month by severity" });
    expect(within(chart).getByRole("img").getAttribute("aria-label")).toMatch(/5 incidents over 3 months/);
    await user.click(within(chart).getByText("Show as table"));
    expect(tableRows("Incidents per month by severity")).toEqual([
      ["Month", "P1", "P2", "P3", "Total"],
      ["Jan 2026", "1", "1", "0", "2"],
      ["Feb 2026", "0", "0", "0", "0"],
      ["Mar 2026", "0", "2", "1", "3"],
    ]);
    expect(tableRows("Median time to detect and to resolve, by month (hours)")[2]).toEqual([
      "Feb 2026",
      "No data",
      "No data",
      "No data",
      "No data",
    ]);
    expect(tableRows("Action items opened and completed, by month of the incident")[1]).toEqual([
      "Jan 2026",
      "4",
      "3",
    ]);
    expect(screen.getAllByRole("figure")).toHaveLength(4);
  });

  it("replaces a chart with a sentence when its part of the period has nothing to draw", async () => {
    const base = buildInsights();
    const lint = {
      byMonth: base.lint.byMonth.map((m) => ({ ...m, postmortems: 0, findings: 0, perPostmortem: null })),
    };
    openPage("/insights", () => json(buildInsights({ lint })));
    const chart = await screen.findByRole("figure", { name: "Linter findings per post-mortem, by month" });
    expect(
      within(chart).getByText("No post-mortem of these incidents is in review or published yet."),
    ).toBeTruthy();
    expect(within(chart).queryByRole("img")).toBeNull();
    expect(figure("Post-mortem quality", "Linter findings per post-mortem")).toBe("No data");
  });

  it("links recurring services, tags and factors to the library", async () => {
    openPage("/insights");
    const services = await screen.findByRole("list", { name: "Recurring services" });
    expect(
      within(services)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["checkout 3 incidents", "payments api 2 incidents"]);
    expect(screen.getByRole("link", { name: "payments api" }).getAttribute("href")).toBe(
      "/library?service=payments+api&status=any",
    );
    expect(screen.getByRole("link", { name: "deploy" }).getAttribute("href")).toBe(
      "/library?tag=deploy&status=any",
    );
    expect(screen.getByRole("link", { name: "No canary for config changes" }).getAttribute("href")).toBe(
      "/library?q=%22No+canary+for+config+changes%22&status=any",
    );
  });

  it("keeps filters in the address, sends the last day as an exclusive end and links the same CSV", async () => {
    const { asked, user } = openPage("/insights?severity=P1");
    await screen.findByRole("heading", { name: "Headline figures" });
    expect(queryOf(asked[0]!)).toEqual({ severity: "P1" });

    await user.clear(screen.getByLabelText("To"));
    await user.type(screen.getByLabelText("To"), "2026-02-28");
    await user.type(screen.getByLabelText("Service"), "checkout");
    await user.click(screen.getByRole("button", { name: "Show" }));
    await screen.findByRole("heading", { name: "Headline figures" });
    expect(queryOf(asked.at(-1)!)).toEqual({ severity: "P1", to: "2026-03-01", service: "checkout" });
    expect(window.location.search).toBe("?severity=P1&to=2026-02-28&service=checkout");
    expect(screen.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      "/api/v1/insights?to=2026-03-01&severity=P1&service=checkout&format=csv",
    );

    await user.selectOptions(screen.getByLabelText("Severity"), "Any severity");
    await screen.findByRole("heading", { name: "Headline figures" });
    expect(queryOf(asked.at(-1)!)).toEqual({ to: "2026-03-01", service: "checkout" });
    await user.click(screen.getByRole("button", { name: "Reset to the last 12 months" }));
    await screen.findByRole("heading", { name: "Headline figures" });
    expect(window.location.search).toBe("");
  });

  it("says so when no incident started in the period, with no charts", async () => {
    openPage("/insights?tag=nothing", () => json(emptyInsights()));
    expect(
      (await screen.findByText(/No incident started in this period with these filters/)).textContent,
    ).toMatch(/Widen the dates/);
    expect(screen.queryByRole("figure")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(
      "0 incidents from 1 Jan 2026 to 31 Mar 2026 (UTC), tag “nothing”",
    );
  });

  it("shows the API's complaint about a date next to that field", async () => {
    openPage("/insights?from=2026-13-01", () =>
      json(
        {
          title: "Bad Request",
          status: 400,
          detail: "from: must be a date YYYY-MM-DD or an ISO 8601 UTC instant",
          errors: [{ path: "from", message: "must be a date YYYY-MM-DD or an ISO 8601 UTC instant" }],
        },
        400,
      ),
    );
    expect((await screen.findByRole("alert")).textContent).toBe("Check the filters: no report was made.");
    const from = screen.getByLabelText("From");
    expect(from.getAttribute("aria-invalid")).toBe("true");
    const described = from.getAttribute("aria-describedby")!.split(" ");
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      "must be a date YYYY-MM-DD or an ISO 8601 UTC instant",
    );
    expect(screen.queryByRole("heading", { name: "Headline figures" })).toBeNull();
    // The link would download the API's complaint, not a CSV.
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();
    expect(screen.getByText("Correct the filters to download the CSV.")).toBeTruthy();
  });

  it("keeps the last good report on screen when new filters are refused", async () => {
    const { asked, user } = openPage("/insights?severity=P1", (url) =>
      url.searchParams.get("from") === "2026-03-01"
        ? json(
            {
              title: "Bad Request",
              status: 400,
              detail: "from: must be before to (2026-02-01T00:00:00Z)",
              errors: [{ path: "from", message: "must be before to (2026-02-01T00:00:00Z)" }],
            },
            400,
          )
        : json(buildInsights()),
    );
    await screen.findByRole("heading", { name: "Headline figures" });
    const statusBefore = screen.getByRole("status").textContent;

    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-03-01");
    await user.clear(screen.getByLabelText("To"));
    await user.type(screen.getByLabelText("To"), "2026-01-31");
    await user.click(screen.getByRole("button", { name: "Show" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Check the filters: the report below was not updated.",
    );
    expect(queryOf(asked.at(-1)!)).toEqual({ severity: "P1", from: "2026-03-01", to: "2026-02-01" });
    expect(screen.getByLabelText("From").getAttribute("aria-invalid")).toBe("true");
    // The previous report stays, described as it was made.
    expect(screen.getByRole("heading", { name: "Headline figures" })).toBeTruthy();
    expect(figure("Incidents", "Total")).toBe("5");
    expect(screen.getByRole("status").textContent).toBe(statusBefore);
    expect(screen.queryByRole("link", { name: "Download CSV" })).toBeNull();

    await user.clear(screen.getByLabelText("From"));
    await user.type(screen.getByLabelText("From"), "2026-01-01");
    await user.click(screen.getByRole("button", { name: "Show" }));
    await screen.findByRole("link", { name: "Download CSV" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("counts one action item in the singular in the chart's summary", async () => {
    const { actionItems } = buildInsights();
    openPage("/insights", () =>
      json(buildInsights({ actionItems: { ...actionItems, opened: 1, completed: 0 } })),
    );
    const chart = await screen.findByRole("figure", {
      name: "Action items opened and completed, by month of the incident",
    });
    expect(within(chart).getByRole("img").getAttribute("aria-label")).toBe(
      "Bar chart: 1 action item opened and 0 completed, side by side for each month.",
    );
  });

  it("pairs detection and resolution times by month, whatever order the API lists them in", async () => {
    const base = buildInsights();
    const detect = (month: string, medianSeconds: number) => ({
      month,
      count: 1,
      medianSeconds,
      p90Seconds: medianSeconds,
    });
    const timeToDetect = {
      ...base.timeToDetect,
      // March first, and no row for February.
      byMonth: [detect("2026-03", 1_800), detect("2026-01", 300)],
    };
    const { user } = openPage("/insights", () => json(buildInsights({ timeToDetect })));
    const title = "Median time to detect and to resolve, by month (hours)";
    const chart = await screen.findByRole("figure", { name: title });
    await user.click(within(chart).getByText("Show as table"));
    expect(tableRows(title).slice(1)).toEqual([
      ["Jan 2026", "5 min", "5 min", "1 h 12 min", "2 h"],
      ["Feb 2026", "No data", "No data", "No data", "No data"],
      ["Mar 2026", "30 min", "30 min", "1 h 12 min", "2 h"],
    ]);
  });
});
