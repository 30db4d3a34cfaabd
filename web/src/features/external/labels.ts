import type { ExternalField, ExternalStatus, RedactionKind } from "./external.api.ts";

// A Record over each server set makes tsc fail when a value is added here but not there, and the
// other way round once the sets are shared.

export const FIELD_LABELS: Record<ExternalField, string> = {
  title: "Title",
  summary: "Summary",
  impact: "Impact",
  duration: "Duration",
  changes: "What we are changing",
};

export const FIELD_HINTS: Record<ExternalField, string> = {
  title: "The headline customers see, e.g. “Checkout errors for EU customers”.",
  summary: "What happened, in words a customer understands: no names, hosts or tickets.",
  impact: "What customers could not do, and who was affected.",
  duration: "How long customers were affected, e.g. “about 42 minutes”.",
  changes: "What we are changing so it does not happen again.",
};

export const KIND_LABELS: Record<RedactionKind, string> = {
  person: "Person's name",
  email: "E-mail address",
  ip: "IP address",
  host: "Internal host",
  internal_url: "Internal link",
  chat_handle: "Chat handle",
  ticket: "Ticket reference",
};

export const STATUS_LABELS: Record<ExternalStatus, string> = {
  draft: "Draft",
  approved: "Approved",
  published: "Published",
  unpublished: "Unpublished",
};

export const STATUS_HINTS: Record<ExternalStatus, string> = {
  draft: "Not approved yet: someone other than its author approves it once no flag is open.",
  approved: "Approved: it can be published.",
  published: "Published: customers can read it on the public status page.",
  unpublished: "Unpublished: removed from the public pages; it can be published again.",
};
