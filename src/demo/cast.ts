import type { Role } from "../users/user.ts";

/** The people of the demo company; the first three can sign in. */
export const PEOPLE = {
  priya: "Priya Raman",
  sam: "Sam Okafor",
  lena: "Lena Fischer",
  tomas: "Tomás Ortega",
  mei: "Mei Lin",
  jonas: "Jonas Berg",
  aisha: "Aisha Bello",
  kofi: "Kofi Mensah",
  elena: "Elena Petrova",
  noor: "Noor Haddad",
} as const;

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "demo-admin@example.com", name: PEOPLE.priya, role: "admin" },
  { email: "demo-editor@example.com", name: PEOPLE.sam, role: "editor" },
  { email: "demo-viewer@example.com", name: PEOPLE.lena, role: "viewer" },
];

/** The demo user who writes the stories (declares incidents, drafts the post-mortems). */
export const AUTHOR_EMAIL = "demo-editor@example.com";

const emails: Record<string, string> = Object.fromEntries(DEMO_USERS.map((u) => [u.name, u.email]));

/** A meeting attendee, with the e-mail of those who have an account. */
export function attendee(name: string): { name: string; email?: string } {
  const email = emails[name];
  return email ? { name, email } : { name };
}
