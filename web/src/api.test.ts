// The API client: CSRF header on every state-changing request (never on GET),
// the token read from any answer (the pre-session one comes with a 401), one
// retry after a stale-token 403, errors as ApiError with field and advice, and
// the 401 broadcast that sends the user to the login page.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, del, get, onUnauthenticated, patch, post, put, qs, setCsrfToken } from "./api";

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };
let calls: Call[] = [];
let answers: Response[] = [];

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body as string | undefined,
    });
    const a = answers.shift();
    if (!a) throw new TypeError("network down");
    return a;
  });
  setCsrfToken("tok-1");
});
afterEach(() => vi.unstubAllGlobals());

describe("api client", () => {
  it("sends X-CSRF-Token on POST, PUT, PATCH and DELETE, not on GET", async () => {
    for (let i = 0; i < 5; i++) answers.push(json(200, {}));
    await get("/providers");
    await post("/logout");
    await put("/settings", { a: 1 });
    await patch("/providers/1", { label: "x" });
    await del("/providers/1");
    expect(calls.map((c) => [c.method, c.url, c.headers["X-CSRF-Token"]])).toEqual([
      ["GET", "/api/v1/providers", undefined],
      ["POST", "/api/v1/logout", "tok-1"],
      ["PUT", "/api/v1/settings", "tok-1"],
      ["PATCH", "/api/v1/providers/1", "tok-1"],
      ["DELETE", "/api/v1/providers/1", "tok-1"],
    ]);
    expect(calls[2].body).toBe('{"a":1}');
    expect(calls[2].headers["Content-Type"]).toBe("application/json");
  });

  it("takes the pre-session token from a 401 and uses it for login", async () => {
    answers.push(json(401, { error: { code: "unauthenticated", message: "Sign in." }, csrf_token: "pre" }));
    await expect(get("/session", { quiet401: true })).rejects.toBeInstanceOf(ApiError);
    answers.push(json(200, { user: { id: "1", username: "admin" }, csrf_token: "sess" }));
    await post("/login", { username: "admin", password: "x" }, { quiet401: true });
    expect(calls[1].headers["X-CSRF-Token"]).toBe("pre");
    answers.push(json(204, undefined));
    await post("/logout");
    expect(calls[2].headers["X-CSRF-Token"]).toBe("sess");
  });

  it("refreshes a stale token once after 403 csrf", async () => {
    answers.push(json(403, { error: { code: "csrf", message: "bad token" } }));
    answers.push(json(200, { user: {}, csrf_token: "fresh" }));
    answers.push(json(202, { id: "9" }));
    const r = await post<{ id: string }>("/scans", { provider_id: "1" });
    expect(r.id).toBe("9");
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/scans", "/api/v1/session", "/api/v1/scans"]);
    expect(calls[2].headers["X-CSRF-Token"]).toBe("fresh");
  });

  it("turns error bodies into ApiError with code, field and advice", async () => {
    answers.push(
      json(422, {
        error: { code: "credentials_invalid", message: "Wrong secret.", advice: "Copy it again.", field: "secret_access_key" },
      }),
    );
    const e = (await post("/providers", {}).catch((x) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.advice, e.field]).toEqual([
      422,
      "credentials_invalid",
      "Wrong secret.",
      "Copy it again.",
      "secret_access_key",
    ]);
  });

  it("says when the server cannot be reached", async () => {
    const e = (await get("/providers").catch((x) => x)) as ApiError;
    expect(e.code).toBe("network");
    expect(e.message).toContain("Could not reach");
  });

  it("broadcasts a 401 unless told not to", async () => {
    const seen = vi.fn();
    const off = onUnauthenticated(seen);
    answers.push(json(401, { error: { code: "unauthenticated", message: "x" } }));
    await get("/providers").catch(() => undefined);
    answers.push(json(401, { error: { code: "unauthenticated", message: "x" } }));
    await get("/session", { quiet401: true }).catch(() => undefined);
    off();
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it("builds query strings from set values only", () => {
    expect(qs({ a: "1", b: "", c: undefined, d: null, e: 2, f: ["x", "y"] })).toBe("?a=1&e=2&f=x&f=y");
    expect(qs({})).toBe("");
    expect(qs({ q: "<a&b>" })).toBe("?q=%3Ca%26b%3E");
  });
});
