import { isEmpty, sectionOf } from "../action-items.ts";
import { hitAtLine, type Rule } from "../rule.ts";

/** `no-meeting`: a published post-mortem with no held review meeting, or an empty attendees section. */
export const noMeeting: Rule = {
  id: "no-meeting",
  suggestion:
    "Hold the review meeting with the people involved before publishing; a post-mortem written alone and sent by email misses what they know.",
  check({ doc }) {
    const front = doc.frontMatter;
    if (front) {
      if (front.status !== "published" && front.status !== "closed") return [];
      const meeting = front.meeting;
      if (!meeting || meeting.heldAt === null) {
        return [hitAtLine(front.statusLine, "Published without a held review meeting")];
      }
      if (meeting.attendees === 0) return [hitAtLine(meeting.line, "The review meeting has no attendees")];
      return [];
    }
    const section = sectionOf(doc, "meeting");
    if (section && isEmpty(doc, section)) {
      return [hitAtLine(section.line, "No attendees listed: hold the review meeting and say who took part")];
    }
    return [];
  },
};
