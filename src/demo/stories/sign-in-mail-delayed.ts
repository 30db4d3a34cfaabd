import { attendee, PEOPLE as P } from "../cast.ts";
import type { DemoStory } from "../demo-story.ts";

/** Published late (after the one-week target); its main action item is overdue. */
export const signInMailDelayed: DemoStory = {
  title: "Sign-in and password reset e-mails delayed up to 50 minutes",
  severity: "P2",
  source: "alertmanager",
  services: ["auth-service", "mailer"],
  tags: ["email", "queue"],
  impact:
    "Sign-in links and password reset e-mails arrived up to 50 minutes late; about 4,000 people could not sign in meanwhile.",
  customerImpact: true,
  start: { daysAgo: 30, at: "18:25" },
  detectedAfter: 14,
  mitigatedAfter: 52,
  resolvedAfter: 70,
  stage: "published",
  timeline: [
    {
      at: 0,
      kind: "event",
      text: "A newsletter batch of 2.1 million messages enters the shared mail queue",
      author: "mailer",
    },
    {
      at: 14,
      kind: "alert",
      text: "Mail queue age above 10 minutes",
      author: "Alertmanager",
      source: "alertmanager",
    },
    {
      at: 17,
      kind: "action",
      text: "Acknowledged; opened the mailer dashboard",
      author: P.sam,
      source: "web",
    },
    {
      at: 22,
      kind: "observation",
      text: "Sign-in e-mails are queued behind the newsletter batch",
      author: P.sam,
      source: "web",
    },
    {
      at: 26,
      kind: "decision",
      text: "Pause the newsletter batch; it can finish later tonight",
      author: P.sam,
      source: "web",
    },
    {
      at: 28,
      kind: "action",
      text: "Newsletter batch paused from the mailer console",
      author: P.noor,
      source: "web",
    },
    {
      at: 31,
      kind: "communication",
      text: "Support told that sign-in e-mails are late and should catch up within 30 minutes",
      author: P.lena,
      source: "web",
    },
    {
      at: 52,
      kind: "observation",
      text: "Queue age under one minute; sign-in e-mails arrive within seconds",
      author: P.sam,
      source: "web",
    },
    {
      at: 70,
      kind: "action",
      text: "Newsletter batch resumed at 200 messages a second",
      author: P.noor,
      source: "web",
    },
  ],
  postmortem: {
    summary:
      "A large newsletter batch filled the mail queue that sign-in e-mails also use, delaying sign-in links and password resets by up to 50 minutes.",
    rootCause:
      "Transactional and bulk e-mail share one queue without priorities, so any large batch delays every message behind it.",
    contributingFactors: [
      "The newsletter tool sends as fast as the queue accepts unless a limit is set, and none was.",
      "The queue age alert waits for 10 minutes of delay, which is already long for a sign-in link.",
      "Nothing shows the marketing team when a batch competes with other traffic.",
    ],
    detection: "The queue age alert fired 14 minutes after the batch started.",
    resolution:
      "Pausing the batch let the queue drain in about 25 minutes. The batch then resumed with a sending limit.",
    wentWell: ["Pausing a batch is one click and has no side effects."],
    toImprove: [
      "Sign-in links should never wait behind bulk mail.",
      "The post-mortem was published nine days after the incident.",
    ],
  },
  whys: [
    {
      text: "Sign-in e-mails arrived up to 50 minutes late",
      children: [
        {
          text: "They waited behind a newsletter batch",
          children: [
            {
              text: "Transactional and bulk mail share one queue",
              actionItem: {
                title: "Give transactional mail its own queue and sending pool",
                owner: P.sam,
                dueDay: 21,
                type: "prevent",
                priority: "high",
                externalUrl: "https://github.com/example/mailer/issues/57",
              },
            },
          ],
        },
      ],
    },
  ],
  actionItems: [
    {
      title: "Set a default limit of 300 messages a second for newsletter batches",
      owner: P.noor,
      dueDay: 7,
      type: "prevent",
      priority: "medium",
      status: "done",
      changedOn: { day: 6, at: "11:00" },
    },
    {
      title: "Alert at 3 minutes of queue age for transactional mail",
      owner: P.sam,
      dueDay: 35,
      type: "detect",
      priority: "medium",
      status: "in_progress",
      changedOn: { day: 25, at: "14:00" },
    },
  ],
  meeting: {
    on: { day: 2, at: "10:00" },
    minutes: 50,
    facilitator: P.priya,
    attendees: [P.sam, P.noor, P.lena, P.priya].map(attendee),
    notes: {
      stage: "Blameless framing; marketing joined to explain how batches are scheduled.",
      timeline: "The alert threshold, not the response, set the length of this incident.",
      "root-cause": "One queue for two very different kinds of mail.",
      improvements: "Separate queues; default send limits; a tighter alert for transactional mail.",
      "action-items": "Sam owns the queue split; Noor the default limit.",
      "went-well": "The pause button did exactly what it says.",
    },
  },
  submittedOn: { day: 2, at: "08:30" },
  publishedOn: { day: 9, at: "16:00" },
  checklist: [
    "timeline-drafted",
    "data-gathered",
    "attendees-chosen",
    "invitation-sent",
    "blameless-framing",
    "timeline-reviewed",
    "causes-discussed",
    "action-items-assigned",
    "went-well-captured",
    "action-items-tracked",
  ],
};
