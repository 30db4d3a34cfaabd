import { ifMatchOf, request } from "../../api/client.ts";
import type { Postmortem } from "../../api/types.ts";

const base = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}/postmortem`;

/** Moves a draft to "in review"; 412 when `read` is no longer the stored version. */
export async function submitForReview(key: string, read: { version: number }): Promise<Postmortem> {
  return (await request<Postmortem>("POST", `${base(key)}/submit`, { ifMatch: ifMatchOf(read) })).data;
}

export interface PublishOptions {
  /** Admins only: publish although no review meeting with attendees was held. */
  overrideReason?: string;
  /** Why this post-mortem needs no action items; required when it has none. */
  noActionItemsReason?: string;
}

/**
 * Publishes the post-mortem; a refusal (409) names each gap in `errors` (`meeting`, `rootCause`,
 * `actionItems`, …), and 403 when an override is not the caller's to give.
 */
export async function publishPostmortem(
  key: string,
  read: { version: number },
  options: PublishOptions = {},
): Promise<Postmortem> {
  const body = {
    ...(options.overrideReason ? { override: { reason: options.overrideReason } } : {}),
    ...(options.noActionItemsReason ? { noActionItemsReason: options.noActionItemsReason } : {}),
  };
  const path = `${base(key)}/publish`;
  return (await request<Postmortem>("POST", path, { body, ifMatch: ifMatchOf(read) })).data;
}
