import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.ts";

const stems = (text: string) => tokenize(text).map((t) => t.stem);
const surfaces = (text: string) => tokenize(text).map((t) => t.surface);

describe("tokenize", () => {
  it("lower-cases words and stems them, so different forms of a word match", () => {
    expect(stems("Failures")).toEqual(stems("failure"));
    expect(stems("Restarted")).toEqual(stems("restarting"));
    expect(surfaces("Database TIMEOUTS")).toEqual(["database", "timeouts"]);
  });

  it("leaves stop words and negated auxiliaries out", () => {
    expect(surfaces("The cache was warm but it wasn't refilled")).toEqual(["cache", "warm", "refilled"]);
  });

  it("leaves out words every post-mortem writes, whatever went wrong", () => {
    expect(surfaces("Users of the service noticed the incident after 20 minutes: the disk was full")).toEqual(
      ["disk", "full"],
    );
  });

  it("keeps words with digits whole, like s3 and ec2", () => {
    expect(surfaces("S3 bucket on EC2")).toEqual(["s3", "bucket", "ec2"]);
  });

  it("gives a joined word and each of its parts", () => {
    expect(surfaces("api-gateway errors in eu-west-2")).toEqual([
      "api-gateway",
      "api",
      "gateway",
      "errors",
      "eu-west-2",
      "eu",
      "west",
    ]);
  });

  it("reads letters and digits of any script", () => {
    expect(surfaces("Störung in Zürich: Ошибка сервера")).toEqual(["störung", "zürich", "ошибка", "сервера"]);
  });

  it("drops links, dates, times and version numbers but keeps status codes", () => {
    expect(
      surfaces(
        "See https://status.example.com/x?y=1 — on 2026-03-18 at 14:02 v1.2.3 returned 503 after 1.14.10",
      ),
    ).toEqual(["v1.2.3", "v1", "returned", "503"]);
  });

  it("keeps the possessive's word and drops its ending", () => {
    expect(surfaces("the operator's runbook")).toEqual(["operator", "runbook"]);
  });
});
