// The HTTP client for /api/v1 (docs/api.md): JSON in and out, the session
// cookie sent by the browser, and X-CSRF-Token on every state-changing request.
import type { ErrorBody } from "./types";

export const API = "/api/v1";

let csrfToken = "";

export function setCsrfToken(token: string | undefined | null): void {
  if (token) csrfToken = token;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly advice: string;
  readonly field: string;
  readonly kind: string;
  // The whole answer, for errors that say more beside "error" (422 nothing_to_scan's "skipped").
  readonly details: unknown;
  constructor(status: number, body: Partial<ErrorBody> | undefined, details?: unknown) {
    super(body?.message || `The server answered ${status}.`);
    this.status = status;
    this.code = body?.code || (status === 0 ? "network" : "internal");
    this.advice = body?.advice || "";
    this.field = body?.field || "";
    this.kind = body?.kind || "";
    this.details = details;
  }
}

// Listeners told when the session is gone (401 on a route that needs it).
const unauthListeners = new Set<() => void>();
export function onUnauthenticated(fn: () => void): () => void {
  unauthListeners.add(fn);
  return () => unauthListeners.delete(fn);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method)) headers["X-CSRF-Token"] = csrfToken;
  return fetch(API + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function refreshCsrf(): Promise<void> {
  const res = await fetch(API + "/session", { credentials: "same-origin", cache: "no-store" });
  const j = (await readJson(res)) as { csrf_token?: string } | undefined;
  setCsrfToken(j?.csrf_token);
}

export interface RequestOptions {
  // Do not broadcast a 401 (the login and session probes expect it).
  quiet401?: boolean;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(method, path, body);
    if (res.status === 403 && UNSAFE.has(method)) {
      // A stale CSRF token (e.g. after the session changed in another tab): fetch a fresh one, retry once.
      const j = (await readJson(res.clone())) as { error?: ErrorBody } | undefined;
      if (j?.error?.code === "csrf") {
        await refreshCsrf();
        res = await send(method, path, body);
      }
    }
  } catch {
    throw new ApiError(0, {
      code: "network",
      message: "Could not reach the CloudPeek server.",
      advice: "Check that `cloudpeek serve` is running.",
    });
  }
  const j = await readJson(res);
  // A pre-session token comes with the 401 of GET /session, so read it from any answer.
  const tok = (j as { csrf_token?: string } | undefined)?.csrf_token;
  if (tok) setCsrfToken(tok);
  if (!res.ok) {
    const err = new ApiError(res.status, (j as { error?: ErrorBody } | undefined)?.error, j);
    if (res.status === 401 && !opts.quiet401) unauthListeners.forEach((fn) => fn());
    throw err;
  }
  return j as T;
}

export const get = <T>(path: string, opts?: RequestOptions) => request<T>("GET", path, undefined, opts);
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  request<T>("POST", path, body ?? {}, opts);
export const put = <T>(path: string, body: unknown) => request<T>("PUT", path, body);
export const patch = <T>(path: string, body: unknown) => request<T>("PATCH", path, body);
export const del = <T>(path: string) => request<T>("DELETE", path);

// A query string from the set values of `params` (arrays repeat the key).
export function qs(params: Record<string, string | number | undefined | null | string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? "?" + s : "";
}

// ---- IAM analyzer routes (docs/api.md "IAM analyzer"): paths for get()/useGet() ----------
export const iamPrincipalsPath = (providerId: string) => `/iam/principals${qs({ provider_id: providerId })}`;
export const iamPrincipalPath = (id: string, providerId: string) =>
  `/iam/principals/${encodeURIComponent(id)}${qs({ provider_id: providerId })}`;
export const iamWhoCanPath = (action: string, resource: string, providerId: string) =>
  `/iam/who-can${qs({ action: action.trim(), resource: resource.trim() || undefined, provider_id: providerId })}`;
