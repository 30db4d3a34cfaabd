import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MarkdownPreview } from "./markdown-preview.tsx";

describe("MarkdownPreview", () => {
  it("renders Markdown: headings, lists, links, emphasis", () => {
    render(
      <MarkdownPreview
        markdown={"## Root cause\n\nThe *pool* was small.\n\n- [Dashboard](https://grafana.example.com)"}
      />,
    );
    expect(screen.getByRole("heading", { level: 2, name: "Root cause" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Dashboard" }).getAttribute("href")).toBe(
      "https://grafana.example.com",
    );
    expect(screen.getByText("pool").tagName).toBe("EM");
  });

  it("never runs what a writer typed: no raw HTML, no script links, no handlers, no remote images", () => {
    const { container } = render(
      <MarkdownPreview
        markdown={[
          '<script>alert("x")</script>',
          '<img src="x" onerror="alert(1)">',
          "[click](javascript:alert(1))",
          "![tracker](https://evil.example.com/pixel.png)",
          '<a href="https://x.example.com" onclick="alert(1)">raw</a>',
        ].join("\n\n")}
      />,
    );
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror], [onclick]")).toBeNull();
    expect(screen.getByText("click").closest("a")?.getAttribute("href") ?? null).toBeNull();
    expect(container.textContent).toContain("tracker");
    expect(container.innerHTML).not.toMatch(/javascript:|alert/);
  });
});
