import { api } from "../../api/client.ts";
import type { ApiToken, ChangePasswordInput, CreateTokenInput } from "../../../../src/users/user.ts";

export type { ApiToken, ChangePasswordInput, CreateTokenInput };

/** POST /api/v1/tokens: `secret` is in this response only; the server keeps a hash. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
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

/** An admin's view of another user's tokens (names and prefixes only). */
export function listUserTokens(userId: number, signal?: AbortSignal) {
  return api.get<ApiToken[]>(`/api/v1/users/${userId}/tokens`, undefined, signal);
}

export function revokeUserToken(userId: number, token: ApiToken) {
  return api.delete(`/api/v1/users/${userId}/tokens/${token.id}`);
}

/** POST /api/v1/auth/password: 204; a wrong current password is a 400 naming `currentPassword`. */
export function changePassword(input: ChangePasswordInput) {
  return api.post<void>("/api/v1/auth/password", input);
}
