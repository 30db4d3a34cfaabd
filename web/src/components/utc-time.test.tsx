import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { UtcTime } from "./utc-time.tsx";

describe("UtcTime", () => {
  it("shows the instant in UTC and the reader's local time on hover", () => {
    render(<UtcTime iso="2026-03-18T14:02:09Z" />);
    const time = screen.getByRole("time");
    expect(time.textContent).toBe("2026-03-18 14:02 UTC");
    expect(time.getAttribute("dateTime")).toBe("2026-03-18T14:02:09Z");
    expect(time.getAttribute("title")).toMatch(/2026/);
  });

  it("shows seconds when asked", () => {
    render(<UtcTime iso="2026-03-18T14:02:09Z" withSeconds />);
    expect(screen.getByRole("time").textContent).toBe("2026-03-18 14:02:09 UTC");
  });
});
