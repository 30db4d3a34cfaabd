import { z } from "zod";

/** What a post-mortem exports to, and the content type each is served as. */
export const ExportFormats = ["md", "json", "html"] as const;
export const ExportFormat = z.enum(ExportFormats);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json",
  html: "text/html; charset=utf-8",
};
