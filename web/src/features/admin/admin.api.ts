import { api, ifMatchOf } from "../../api/client.ts";
import type { Role, User } from "../../api/types.ts";
import type { CreateUserInput } from "../../../../src/users/user.ts";

export type { CreateUserInput };

/** POST /api/v1/users: the password is in `generatedPassword` only when the server made one up. */
export interface CreatedUser {
  user: User;
  generatedPassword: string | null;
}

export function listUsers(signal?: AbortSignal) {
  return api.get<User[]>("/api/v1/users", undefined, signal);
}

export function createUser(input: CreateUserInput) {
  return api.post<CreatedUser>("/api/v1/users", input);
}

/** Changes a user's role; 412 when someone changed the user since `user` was read. */
export function changeUserRole(user: User, role: Role) {
  return api.patch<User>(`/api/v1/users/${user.id}`, { role }, ifMatchOf(user));
}
