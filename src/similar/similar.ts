import { z } from "zod";
import { Severity } from "../incidents/incident.ts";
import { PostmortemStatus } from "../postmortems/postmortem.ts";
import { UtcInstant } from "../shared/time.ts";

export const MAX_SIMILAR = 20;

export const SimilarQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_SIMILAR).default(5),
});
export interface SimilarOptions {
  /** 1..20, default 5. */
  limit?: number;
}

export const SimilarIncident = z.object({
  incidentKey: z.string().meta({ example: "INC-7" }),
  title: z.string(),
  severity: Severity,
  startedAt: UtcInstant,
  postmortemStatus: PostmortemStatus,
  score: z.number().min(0).max(1).meta({
    description:
      "Text similarity, 0..1: the cosine between the other post-mortem's TF-IDF vector and this one's 100 strongest terms",
  }),
  sharedTerms: z
    .array(z.string())
    .max(8)
    .meta({
      description:
        "The words, and the kinds of failure both name (tls, dns, memory…), that explain the score, best first",
      example: ["ingress", "certificate"],
    }),
});
export type SimilarIncident = z.infer<typeof SimilarIncident>;

export const SimilarIncidents = z.object({ items: z.array(SimilarIncident) });
export type SimilarIncidents = z.infer<typeof SimilarIncidents>;
