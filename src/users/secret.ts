import { createHash, randomBytes } from "node:crypto";

/** A new random secret (session id or API token) with a readable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Secrets are stored only as SHA-256 hashes: they carry 256 random bits, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
