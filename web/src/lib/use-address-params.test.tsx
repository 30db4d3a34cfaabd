import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAddressParams, type ChangeAddressParams } from "./use-address-params.ts";

let change: ChangeAddressParams<"q" | "tag" | "page"> = () => undefined;

function Probe() {
  const [params, set] = useAddressParams<"q" | "tag" | "page">();
  change = set;
  return <p>{params.toString()}</p>;
}

describe("useAddressParams", () => {
  it("sets, replaces and removes parameters, keeping the others", () => {
    window.history.replaceState(null, "", "/library?q=disk&tag=deploy&other=1");
    render(<Probe />);
    act(() => change({ q: "dns", tag: undefined, page: "" }));
    expect(window.location.search).toBe("?q=dns&other=1");
    expect(screen.getByText("q=dns&other=1")).toBeTruthy();
    act(() => change({ page: "2" }));
    expect(window.location.search).toBe("?q=dns&other=1&page=2");
  });
});
