import { z } from "zod";

export const Roles = ["viewer", "editor", "admin"] as const;
export const Role = z.enum(Roles);
export type Role = z.infer<typeof Role>;

/** True when `role` may do what `required` allows (viewer < editor < admin). */
export function roleAtLeast(role: Role, required: Role): boolean {
  return Roles.indexOf(role) >= Roles.indexOf(required);
}

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an e-mail address like sam@example.com" }));

export const Password = z.string().min(12, "must be at least 12 characters").max(512);

export const CreateUserInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1, "is required").max(200),
  role: Role,
  password: Password.optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(200).optional(),
  role: Role.optional(),
  password: Password.optional(),
});
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const SignInInput = z.strictObject({
  email: Email,
  password: z.string().min(1, "is required").max(512),
});
export type SignInInput = z.input<typeof SignInInput>;

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, "is required").max(512),
    newPassword: Password,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "must differ from the current password",
  });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

export const CreateTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100).default("api"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const ApiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().meta({ description: "First characters of the token, to recognise it in lists" }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
