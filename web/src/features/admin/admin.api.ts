import { api, ifMatchOf } from "../../api/client.ts";
import type { Role, User } from "../../api/types.ts";
import type { ApiToken, CreateTokenInput, CreateUserInput } from "../../../../src/users/user.ts";

export type { ApiToken, CreateTokenInput, CreateUserInput };

/** POST /api/v1/users: the password is in `generatedPassword` only when the server made one up. */
export interface CreatedUser {
  user: User;
  generatedPassword: string | null;
}

/** POST /api/v1/tokens: `secret` is in this response only; the server keeps a hash. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
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

export function listMyTokens(signal?: AbortSignal) {
  return api.get<ApiToken[]>("/api/v1/tokens", undefined, signal);
}

export function createToken(input: CreateTokenInput) {
  return api.post<CreatedToken>("/api/v1/tokens", input);
}

export function revokeToken(token: ApiToken) {
  return api.delete(`/api/v1/tokens/${token.id}`);
}
