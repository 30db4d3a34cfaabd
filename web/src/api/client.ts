// The one way the web app talks to the API: same-origin fetch with the session cookie, JSON in and
// out, problem+json errors as ApiError, and If-Match for versioned writes.

/** One offending field of a problem+json response (`path` as the client sent it, e.g. `title`). */
export interface FieldError {
  path: string;
  message: string;
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

/** A failed API call: the problem+json body, or a stand-in when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, problem: Problem) {
    const detail = problem.detail ?? problem.title ?? `request failed with status ${status}`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.title = problem.title ?? "Request failed";
    this.detail = detail;
    this.errors = problem.errors ?? [];
  }

  /** The message for one field (`title`, `occurredAt`, …), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `body.${path}`)?.message;
  }
}

/** Someone else changed the resource since it was read (412): reload and show theirs beside yours. */
export function isStale(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 412;
}

export function isUnauthenticated(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401;
}

/** A readable sentence for any error an API call can throw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The If-Match value for a resource read earlier (`"3"` for version 3). */
export function ifMatchOf(resource: { version: number }): string {
  return `"${resource.version}"`;
}

/** Query parameters; a list repeats its key (`owner=a&owner=b`). */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Required by the API for PATCH of versioned resources: pass `ifMatchOf(resource)`. */
  ifMatch?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called on every 401 (an expired or revoked session); the session provider signs the user out. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function urlOf(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends one request to `/api/v1…` (pass the full path) and returns the parsed body and ETag. */
export async function request<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, {
      title: "Offline",
      detail: "the server could not be reached; check your connection",
    });
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (body && typeof body === "object" ? body : { detail: text }) as Problem;
    const error = new ApiError(response.status, problem);
    if (response.status === 401) for (const listener of unauthenticatedListeners) listener(error);
    throw error;
  }
  return { status: response.status, data: body as T, etag: response.headers.get("etag") };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

const PRELOAD_TTL_MS = 10_000;
const preloaded = new Map<string, { response: Promise<unknown>; at: number }>();

/**
 * Starts a GET before the page that needs it renders (main.tsx, for the address being opened); the
 * first `api.get` of the same path and query within 10 s takes the response instead of asking again.
 */
export function preload(path: string, query?: Query): void {
  const url = urlOf(path, query);
  const response = request("GET", path, { query }).then((r) => r.data);
  // Handled here so an unused preload is no unhandled rejection; the consumer still sees the error.
  response.catch(() => undefined);
  preloaded.set(url, { response, at: Date.now() });
}

function takePreloaded<T>(path: string, query?: Query): Promise<T> | undefined {
  const url = urlOf(path, query);
  const hit = preloaded.get(url);
  if (!hit) return undefined;
  preloaded.delete(url);
  return Date.now() - hit.at < PRELOAD_TTL_MS ? (hit.response as Promise<T>) : undefined;
}

export const api = {
  get: async <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> =>
    takePreloaded<T>(path, query) ?? (await request<T>("GET", path, { query, signal })).data,
  post: async <T>(path: string, body?: unknown): Promise<T> =>
    (await request<T>("POST", path, { body })).data,
  patch: async <T>(path: string, body: unknown, ifMatch: string): Promise<T> =>
    (await request<T>("PATCH", path, { body, ifMatch })).data,
  delete: async (path: string, ifMatch?: string): Promise<void> => {
    await request<null>("DELETE", path, { ifMatch });
  },
};
