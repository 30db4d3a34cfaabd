import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { defaultConfig, findConfigFile, loadConfig, parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("merges a config over the defaults", () => {
    const config = parseConfig(
      {
        rules: { timeline: "off", "missing-section": "error" },
        options: { "action-item-overload": { maxItems: 3 } },
        phrases: { blame: ["went rogue"] },
        allow: ["Careless"],
      },
      ".hindsightrc.json",
    );
    expect(config.rules.timeline).toBe("off");
    expect(config.rules["missing-section"]).toBe("error");
    expect(config.rules["blame-language"]).toBe("error");
    expect(config.overload).toEqual({ maxItems: 3, requireHighPriority: true });
    expect(config.phrases).toEqual({ blame: ["went rogue"], shallow: [], vague: [] });
    expect(config.allow).toEqual(["Careless"]);
  });

  it("refuses a misspelt rule id, naming the file and the field", () => {
    const parse = () => parseConfig({ rules: { "blame-langauge": "off" } }, "/repo/.hindsightrc.json");
    expect(parse).toThrow(DomainError);
    expect(parse).toThrow("/repo/.hindsightrc.json: rules.blame-langauge: is not a known field");
  });

  it("refuses unknown severities, unknown keys and bad thresholds", () => {
    expect(() => parseConfig({ rules: { timeline: "loud" } }, "c.json")).toThrow(/c\.json: rules\.timeline/);
    expect(() => parseConfig({ ignore: [] }, "c.json")).toThrow(/c\.json: ignore: is not a known field/);
    expect(() => parseConfig({ options: { "action-item-overload": { maxItems: 0 } } }, "c.json")).toThrow(
      /options\.action-item-overload\.maxItems/,
    );
  });

  it("gives every rule its default severity when there is no config", () => {
    const config = defaultConfig();
    expect(config.rules["blame-language"]).toBe("error");
    expect(config.rules["shallow-analysis"]).toBe("warning");
    expect(Object.values(config.rules)).not.toContain("off");
  });
});

describe("findConfigFile and loadConfig", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "hindsight-config-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("finds the nearest config file upward, and stops at the repository root", async () => {
    await mkdir(join(root, "repo", ".git"), { recursive: true });
    await mkdir(join(root, "repo", "docs", "postmortems"), { recursive: true });
    await writeFile(join(root, ".hindsightrc.json"), "{}");
    expect(await findConfigFile(join(root, "repo", "docs", "postmortems"))).toBeNull();
    await writeFile(join(root, "repo", "hindsight.config.json"), "{}");
    expect(await findConfigFile(join(root, "repo", "docs", "postmortems"))).toBe(
      join(root, "repo", "hindsight.config.json"),
    );
  });

  it("loads a file, and names it when its JSON is broken or missing", async () => {
    const file = join(root, ".hindsightrc.json");
    await writeFile(file, JSON.stringify({ rules: { "no-meeting": "off" } }));
    expect((await loadConfig(file)).rules["no-meeting"]).toBe("off");
    await writeFile(file, "{ rules: ");
    await expect(loadConfig(file)).rejects.toThrow(`${file}: is not valid JSON`);
    await expect(loadConfig(join(root, "nope.json"))).rejects.toThrow("nope.json: cannot be read");
  });
});
