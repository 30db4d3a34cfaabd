import { PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** A security near miss, still a draft: no meeting yet, so the meeting deadline has passed. */
export const ciKeyExposed: DemoStory = {
  title: "Storage access key visible in a public CI log",
  severity: "P2",
  source: "manual",
  services: ["ci", "object-storage"],
  tags: ["secrets", "security"],
  impact:
    "A read-write key for the build-artifacts bucket was readable in a public CI log for 2 hours 10 minutes. Access logs show no use of it from outside our CI.",
  security: true,
  start: { daysAgo: 9, at: "11:20" },
  detectedAfter: 126,
  mitigatedAfter: 130,
  resolvedAfter: 190,
  stage: "draft",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Build 18234 of the public SDK repository prints its environment while debugging a flaky test",
      author: "ci",
    },
    {
      at: 126,
      kind: "alert",
      text: "Secret scanner: storage access key found in a public CI log",
      author: "secret-scanner",
      source: "webhook",
    },
    { at: 130, kind: "action", text: "Access key revoked", author: P.elena, source: "web" },
    {
      at: 134,
      kind: "action",
      text: "Build log 18234 deleted and the CI cache purged",
      author: P.elena,
      source: "web",
    },
    {
      at: 150,
      kind: "observation",
      text: "Bucket access logs show no requests with the key from outside our CI address ranges",
      author: P.elena,
      source: "web",
    },
    {
      at: 170,
      kind: "decision",
      text: "Treat it as a near miss: no other keys need rotating, but hold a review",
      author: P.elena,
      source: "web",
    },
    {
      at: 190,
      kind: "communication",
      text: "Security channel: key revoked, no misuse found, review to follow",
      author: P.elena,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "A debugging step printed a build's environment, including a storage key, into a public CI log. The secret scanner caught it two hours later and the key was revoked; it was not misused.",
    rootCause:
      "Public builds receive the same long-lived storage key as private ones, and the CI system does not mask values that look like secrets in log output.",
    contributingFactors: [
      "Printing the environment is a common debugging step and nothing warns against it in public repositories.",
      "The secret scanner checks public logs every two hours.",
    ],
    detection: "The secret scanner found the key 126 minutes after the log was written.",
    resolution: "",
    wentWell: ["Revoking the key took four minutes from the alert."],
    toImprove: [],
  },
  whys: [
    {
      text: "A storage key was readable in a public log",
      children: [
        { text: "The build printed its environment" },
        { text: "Public builds hold a long-lived key they do not need" },
      ],
    },
  ],
  actionItems: [
    {
      title: "Mask secret-shaped values in CI logs of public repositories",
      owner: P.elena,
      dueDay: 14,
      type: "prevent",
      priority: "high",
      status: "in_progress",
      changedOn: { day: 3, at: "10:00" },
    },
    {
      title: "Replace long-lived storage keys in CI with short-lived tokens issued per build",
      owner: P.jonas,
      dueDay: 30,
      type: "prevent",
      priority: "high",
    },
    {
      title: "Scan public CI logs every 5 minutes instead of every 2 hours",
      owner: P.elena,
      dueDay: 7,
      type: "detect",
      priority: "medium",
    },
  ],
  checklist: ["timeline-drafted", "data-gathered"],
};
