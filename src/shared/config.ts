import { z } from "zod";
import { dbConfigFromEnv, type DbConfig } from "../db/connect.ts";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  HINDSIGHT_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL like https://hindsight.example.com" })
    .optional(),
  HINDSIGHT_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HINDSIGHT_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  HINDSIGHT_ADMIN_EMAIL: z.email().default("admin@example.com"),
  /** A JSON file of review-process settings (src/process/settings.ts), read when the app starts. */
  HINDSIGHT_PROCESS_CONFIG: z.string().trim().min(1).optional(),
  HINDSIGHT_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "must be an SMTP URL like smtp://user:password@mail.example.com:587",
    })
    .optional(),
  HINDSIGHT_MAIL_FROM: z.string().trim().min(3).max(300).default("Hindsight <hindsight@localhost>"),
  HINDSIGHT_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
});

export interface Config {
  db: DbConfig;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof Env>["HINDSIGHT_LOG_LEVEL"];
  trustProxy: boolean;
  adminEmail: string;
  /** Where e-mail goes out (`smtp://user:pass@host:port`); never logged. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Seconds between notifier passes in `serve`; 0 turns the scheduler off. */
  reminderIntervalSeconds: number;
}

/** Reads the environment once; a bad value stops start-up with the variable's name. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`environment variable ${issue.path.join(".")} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    db: dbConfigFromEnv(env),
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.HINDSIGHT_PUBLIC_URL,
    logLevel: e.HINDSIGHT_LOG_LEVEL,
    trustProxy: e.HINDSIGHT_TRUST_PROXY === "true",
    adminEmail: e.HINDSIGHT_ADMIN_EMAIL,
    smtpUrl: e.HINDSIGHT_SMTP_URL,
    mailFrom: e.HINDSIGHT_MAIL_FROM,
    reminderIntervalSeconds: e.HINDSIGHT_REMINDER_INTERVAL_SECONDS,
  };
}
