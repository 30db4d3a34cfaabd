import { createHmac } from "node:crypto";

/**
 * `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: the receiver recomputes it over the raw body
 * and the `X-Hindsight-Timestamp` header, and refuses an old timestamp so a captured post cannot be replayed.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
