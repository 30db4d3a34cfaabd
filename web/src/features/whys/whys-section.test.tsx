import { render, screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeWhysApi } from "./fake-whys-api.ts";
import { WhysSection } from "./whys-section.tsx";

afterEach(() => vi.unstubAllGlobals());

function setup(canEdit = true) {
  const onActionItemCreated = vi.fn();
  const view = () =>
    render(<WhysSection incidentKey="INC-1" canEdit={canEdit} onActionItemCreated={onActionItemCreated} />);
  return { onActionItemCreated, view, user: userEvent.setup() };
}

const button = (name: string) => screen.findByRole("button", { name });
const answersTo = (label: string) => screen.getByRole("list", { name: label });
const directAnswers = (list: HTMLElement) =>
  within(list)
    .getAllByRole("listitem")
    .filter((li) => li.parentElement === list);

describe("WhysSection", () => {
  it("starts an analysis and answers why after why from the keyboard alone", async () => {
    const api = fakeWhysApi();
    const { view, user } = setup();
    view();
    await user.type(
      await screen.findByRole("textbox", { name: "Problem statement" }),
      "Checkout failed{Enter}",
    );

    const askRoot = await button("Ask why: Checkout failed");
    expect(document.activeElement).toBe(askRoot);
    await user.keyboard("{Enter}");
    const why1 = screen.getByRole("textbox", { name: "Why 1" });
    expect(document.activeElement).toBe(why1);
    await user.keyboard("The database pool was exhausted{Enter}");

    // Focus lands on the new answer's "Ask why", so Enter continues down the chain.
    expect(document.activeElement).toBe(await button("Ask why: The database pool was exhausted"));
    await user.keyboard("{Enter}");
    await user.keyboard("A deploy leaked connections{Enter}");
    await button("Ask why: A deploy leaked connections");

    expect(api.calls.filter((c) => c.route.startsWith("POST")).map((c) => c.body)).toEqual([
      { parentId: null, text: "Checkout failed" },
      { parentId: 1, text: "The database pool was exhausted" },
      { parentId: 2, text: "A deploy leaked connections" },
    ]);
    const tree = screen.getByRole("list", { name: "Analysis 1" });
    expect(tree.textContent).toMatch(
      /Problem Checkout failed.*Why 1 The database pool.*Why 2 A deploy leaked/,
    );
    expect(screen.getByRole("textbox", { name: "Problem statement" })).toHaveProperty("value", "");
  });

  it("branches: a why with an answer offers another cause beside the first; Escape cancels, arrows move", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    api.seed(root, "The database pool was exhausted");
    const { view, user } = setup();
    view();

    await user.click(await button("Add another cause: Checkout failed"));
    await user.keyboard("Retries multiplied the load{Escape}");
    expect(screen.queryByRole("textbox", { name: "Why 1" })).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Add another cause: Checkout failed" }),
    );

    await user.keyboard("{Enter}");
    await user.keyboard("Retries multiplied the load{Enter}");
    await button("Ask why: Retries multiplied the load");
    const answers = directAnswers(answersTo("Answers to Problem: Checkout failed"));
    expect(answers.map((li) => li.querySelector("p")?.textContent)).toEqual([
      "Why 1 The database pool was exhausted",
      "Why 1 Retries multiplied the load",
    ]);

    // The arrows walk the whys: up from the new cause to the first one, then to the problem.
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Ask why: The database pool was exhausted" }),
    );
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Add another cause: Checkout failed" }),
    );
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(
      screen.getByRole("button", { name: "Ask why: The database pool was exhausted" }),
    );
  });

  it("rewords a why in place with If-Match, and gives the focus back to its Edit button", async () => {
    const api = fakeWhysApi();
    api.seed(null, "Checkout failed");
    const { view, user } = setup();
    view();

    await user.click(await button("Edit: Checkout failed"));
    const field = screen.getByRole("textbox", { name: "Problem" });
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, "Checkout failed for EU customers{Enter}");

    const edit = await button("Edit: Checkout failed for EU customers");
    expect(document.activeElement).toBe(edit);
    expect(api.calls.at(-1)).toEqual({
      route: "PATCH /api/v1/incidents/INC-1/postmortem/whys/1",
      body: { text: "Checkout failed for EU customers" },
      ifMatch: '"1"',
    });
  });

  it("on a 412 shows their version, keeps yours, and saves yours over theirs on the next Enter", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    api.seed(root, "Pool exhausted");
    const { view, user } = setup();
    view();

    await user.click(await button("Edit: Pool exhausted"));
    api.editAsSomeoneElse(2, "The connection pool ran out");
    const field = screen.getByRole("textbox", { name: "Why 1" });
    await user.clear(field);
    await user.type(field, "The pool hit its limit of 20{Enter}");

    expect((await screen.findByRole("alert")).textContent).toMatch(/Someone changed this why/);
    expect(screen.getByText("Their version:").parentElement?.textContent).toBe(
      "Their version: The connection pool ran out",
    );
    expect(field).toHaveProperty("value", "The pool hit its limit of 20");

    await user.type(field, "{Enter}");
    await button("Edit: The pool hit its limit of 20");
    expect(api.calls.filter((c) => c.route.startsWith("PATCH")).map((c) => c.ifMatch)).toEqual([
      '"1"',
      '"2"',
    ]);
    expect(api.forest()[0]!.children[0]!.text).toBe("The pool hit its limit of 20");
  });

  it("turns a why without answers into an action item, shows its link and tells the page", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    const pool = api.seed(root, "Pool exhausted");
    api.seed(pool, "Pool size is not validated before rollout");
    const { view, user, onActionItemCreated } = setup();
    view();

    await button("Make an action item: Pool size is not validated before rollout");
    expect(
      screen.queryByRole("button", { name: /^Make an action item: (Checkout|Pool exhausted)/ }),
    ).toBeNull();
    await user.click(screen.getByRole("button", { name: /^Make an action item/ }));
    const form = screen.getByRole("form", { name: "Action item from Why 2" });
    expect(within(form).getByRole("textbox", { name: "Title" })).toHaveProperty(
      "value",
      "Pool size is not validated before rollout",
    );
    await user.type(within(form).getByRole("textbox", { name: "Owner" }), "Platform team");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "Detect");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Priority" }), "High");
    await user.click(within(form).getByRole("button", { name: "Create action item" }));

    const link = await screen.findByRole("link", { name: "action item #41" });
    expect(link.getAttribute("href")).toBe("/action-items?view=all");
    expect(document.activeElement).toBe(link);
    expect(onActionItemCreated).toHaveBeenCalledTimes(1);
    expect(api.calls.at(-1)).toMatchObject({
      route: "POST /api/v1/incidents/INC-1/postmortem/whys/3/action-item",
      body: {
        title: "Pool size is not validated before rollout",
        owner: "Platform team",
        type: "detect",
        priority: "high",
      },
    });
    expect(screen.queryByRole("button", { name: /^Make an action item/ })).toBeNull();
  });

  it("removes a why with its answers only after asking, and keeps it on Escape", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    const pool = api.seed(root, "Pool exhausted");
    api.seed(pool, "A deploy leaked connections");
    const { view, user } = setup();
    view();

    await user.click(await button("Remove: Pool exhausted"));
    const confirm = screen.getByRole("group", { name: /^Remove “Pool exhausted” and the answer below it\?/ });
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Keep it" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group")).toBeNull();
    expect(api.calls.some((c) => c.route.startsWith("DELETE"))).toBe(false);

    await user.click(screen.getByRole("button", { name: "Remove: Pool exhausted" }));
    await user.click(screen.getByRole("button", { name: "Yes, remove" }));
    const askRoot = await button("Ask why: Checkout failed");
    expect(document.activeElement).toBe(askRoot);
    expect(screen.queryByText("A deploy leaked connections")).toBeNull();
    expect(api.calls.at(-1)).toMatchObject({
      route: "DELETE /api/v1/incidents/INC-1/postmortem/whys/2",
      ifMatch: '"1"',
    });
  });

  it("removes nothing on a 412 but shows the latest, and removes it when asked again", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    api.seed(root, "Pool exhausted");
    const { view, user } = setup();
    view();

    await user.click(await button("Remove: Pool exhausted"));
    api.editAsSomeoneElse(2, "The connection pool ran out");
    await user.click(screen.getByRole("button", { name: "Yes, remove" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Someone changed this why/);
    expect(screen.getByRole("group", { name: /^Remove “The connection pool ran out”\?/ })).toBeTruthy();
    expect(api.forest()[0]!.children).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Yes, remove" }));
    await button("Ask why: Checkout failed");
    expect(api.forest()[0]!.children).toEqual([]);
    expect(api.calls.filter((c) => c.route.startsWith("DELETE")).map((c) => c.ifMatch)).toEqual([
      '"1"',
      '"2"',
    ]);
  });

  it("numbers the whys and nudges a chain that stops early or runs past five", async () => {
    const api = fakeWhysApi();
    let parent = api.seed(null, "Checkout failed");
    const other = api.seed(null, "Search was slow");
    api.seed(other, "The index was rebuilt at noon");
    for (const n of [1, 2, 3, 4, 5, 6]) parent = api.seed(parent, `cause ${n}`);
    const { view } = setup();
    view();

    const deep = await screen.findByRole("list", { name: "Analysis 1" });
    expect(within(deep).getByText("cause 6").parentElement?.textContent).toBe("Why 6 cause 6");
    expect(within(deep).getByText(/^Past five whys/)).toBeTruthy();
    expect(within(deep).getByText(/^Is this a cause a team can fix\?/)).toBeTruthy();
    const shallow = screen.getByRole("list", { name: "Analysis 2" });
    expect(within(shallow).getByText(/^The chain stops at Why 1/)).toBeTruthy();
  });

  it("shows a viewer the tree read-only", async () => {
    const api = fakeWhysApi();
    const root = api.seed(null, "Checkout failed");
    api.seed(root, "Pool exhausted");
    const { view } = setup(false);
    view();

    await screen.findByText("Pool exhausted");
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryAllByRole("textbox")).toEqual([]);
    expect(screen.queryByText(/chain stops/)).toBeNull();
  });
});
