import type { Role } from "../../api/types.ts";

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  admin: "Admin",
};

export const ROLE_HINTS: Record<Role, string> = {
  viewer: "reads everything",
  editor: "also writes incidents and post-mortems",
  admin: "also manages users",
};
