import { createTransport } from "nodemailer";
import type { ChannelRow } from "./channel.repository.ts";
import type { DeliveryRow } from "./delivery.repository.ts";
import type { Message } from "./message.ts";
import { webhookSignature } from "./webhook-signature.ts";

export interface MailConfig {
  /** HINDSIGHT_SMTP_URL, `smtp://user:pass@host:port` (never logged). */
  smtpUrl: string | undefined;
  /** HINDSIGHT_MAIL_FROM. */
  from: string;
}

/** A failure retrying cannot fix (the channel is gone); the delivery fails at once. */
export class PermanentSendError extends Error {}

/** Sends one claimed delivery; throws with a message safe to show admins when it did not go out. */
export interface Sender {
  send(delivery: DeliveryRow, channel: ChannelRow | undefined, now: Date): Promise<void>;
  close(): void;
}

// Well inside the 60-second claim, so a slow receiver never lets a second instance send the same thing.
const HTTP_TIMEOUT_MS = 15_000;

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackPayload(message: Message): { text: string; blocks: unknown[] } {
  const body = slackEscape(message.text);
  return {
    text: `${message.title}\n${message.text}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: body.slice(0, 3000) } },
    ],
  };
}

export function webhookPayload(message: Message): Record<string, unknown> {
  const { eventId, ...rest } = message;
  return { id: eventId, ...rest };
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const origin = new URL(url).origin;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Hindsight", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (error) {
    // Only the origin: a Slack webhook URL carries its token in the path.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`could not reach ${origin}: ${reason}`);
  }
  const text = (await response.text().catch(() => "")).trim().slice(0, 200);
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${origin} answered HTTP ${response.status}${text ? `: ${text}` : ""}`);
  }
}

function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const password = (() => {
    try {
      return decodeURIComponent(new URL(secret).password);
    } catch {
      return "";
    }
  })();
  let out = text.split(secret).join("[HINDSIGHT_SMTP_URL]");
  if (password) out = out.split(password).join("[password]");
  return out;
}

export function createSender(mail: MailConfig): Sender {
  const transport = mail.smtpUrl
    ? createTransport({
        url: mail.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : undefined;
  return {
    async send(delivery, channel, now) {
      if (delivery.channelId !== null && !channel) throw new PermanentSendError("the channel was deleted");
      if (channel && channel.enabled !== 1)
        throw new PermanentSendError(`the channel "${channel.name}" is disabled`);
      const message = JSON.parse(delivery.body) as Message;
      const target = channel?.target ?? delivery.target;
      if (delivery.channelKind === "email") {
        if (!transport) throw new Error("no SMTP server configured (set HINDSIGHT_SMTP_URL)");
        try {
          await transport.sendMail({
            from: mail.from,
            to: target,
            subject: message.title,
            text: message.text,
            headers: { "X-Hindsight-Event-Id": message.eventId, "X-Hindsight-Event": message.kind },
          });
        } catch (error) {
          throw new Error(
            `SMTP: ${redact(error instanceof Error ? error.message : String(error), mail.smtpUrl)}`,
          );
        }
        return;
      }
      if (delivery.channelKind === "slack") {
        await postJson(target, JSON.stringify(slackPayload(message)), {
          "X-Hindsight-Event-Id": message.eventId,
        });
        return;
      }
      if (!channel?.secret) throw new PermanentSendError("the webhook channel has no secret to sign with");
      const body = JSON.stringify(webhookPayload(message));
      const timestamp = String(Math.floor(now.getTime() / 1000));
      await postJson(target, body, {
        "X-Hindsight-Timestamp": timestamp,
        "X-Hindsight-Signature": webhookSignature(channel.secret, timestamp, body),
        "X-Hindsight-Event-Id": message.eventId,
        "X-Hindsight-Event": message.kind,
      });
    },
    close() {
      transport?.close();
    },
  };
}
