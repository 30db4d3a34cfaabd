export { RedactionKinds, findRedactions, internalDomainsFromEnv } from "./redaction.ts";
export type { RedactionFinding, RedactionKind, RedactionOptions } from "./redaction.ts";
