import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** In review, with its review meeting scheduled for tomorrow. */
export const pushWrongLocale: DemoStory = {
  title: "Android push notifications sent in the wrong language",
  severity: "P3",
  source: "manual",
  services: ["mobile-app", "notifications"],
  tags: ["i18n", "mobile"],
  impact:
    "About 12,000 Android users in Germany and Austria received a promotional notification in Portuguese.",
  customerImpact: true,
  start: { daysAgo: 3, at: "08:00" },
  detectedAfter: 22,
  mitigatedAfter: 43,
  resolvedAfter: 130,
  stage: "in_review",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "Promotional campaign 'Spring weekend' starts sending",
      author: "campaigns",
    },
    {
      at: 22,
      kind: "communication",
      text: "App store reviews mention a notification in Portuguese",
      author: P.lena,
      source: "web",
    },
    {
      at: 35,
      kind: "observation",
      text: "Only Android devices set to de-DE or de-AT got Portuguese text; iOS is correct",
      author: P.kofi,
      source: "web",
    },
    {
      at: 41,
      kind: "decision",
      text: "Stop the campaign on Android; iOS keeps sending",
      author: P.priya,
      source: "web",
    },
    { at: 43, kind: "action", text: "Android part of the campaign stopped", author: P.kofi, source: "web" },
    {
      at: 80,
      kind: "observation",
      text: "The Android locale fallback picks the first translation in the list when the region is unknown",
      author: P.kofi,
      source: "web",
    },
    {
      at: 130,
      kind: "action",
      text: "Fallback fix deployed; Android campaign resumed with the German text",
      author: P.kofi,
      source: "cli",
    },
  ],
  postmortem: {
    summary:
      "A promotional push notification went out in Portuguese to German-speaking Android users because the locale fallback picked the first translation in the list.",
    rootCause:
      "The Android notification service falls back to the first available translation when a region code is not in its table. Portuguese happened to be first, and de-AT and this campaign's de-DE variant were missing from the table.",
    contributingFactors: [
      "Campaign previews render on iOS only.",
      "The locale table is maintained separately on each platform.",
    ],
    detection:
      "Users reported it in app store reviews 22 minutes after sending began; no automated check compares payload language with the device locale.",
    resolution:
      "Sending stopped on Android after 43 minutes, and the fallback now uses the language without the region before giving up.",
    wentWell: ["Stopping one platform's sends did not affect the other."],
    toImprove: ["We heard about it from public reviews."],
  },
  whys: [
    {
      text: "German-speaking Android users got a Portuguese notification",
      children: [
        {
          text: "The locale fallback chose the first translation in the list",
          children: [
            {
              text: "The region codes de-AT and de-DE were missing from the Android table",
              actionItem: {
                title: "Render every campaign preview on Android for each supported locale before sending",
                owner: P.kofi,
                dueDay: 14,
                type: "prevent",
                priority: "high",
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Share one locale table between the iOS and Android notification services",
      owner: P.kofi,
      dueDay: 30,
      type: "prevent",
      priority: "medium",
    },
  ],
  meeting: {
    on: { day: 4, at: "15:00" },
    minutes: 50,
    facilitator: P.sam,
    attendees: [P.kofi, P.lena, P.noor, P.sam].map(attendee),
  },
  submittedOn: { day: 2, at: "11:00" },
  checklist: ["timeline-drafted", "attendees-chosen", "invitation-sent"],
};
