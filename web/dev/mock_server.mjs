// Dev-only stand-in for `cloudpeek serve` (never shipped, never used by the
// tests that prove things): serves web/dist with the real server's CSP and a
// rough in-memory /api/v1 per docs/api.md, so the UI can be looked at in a
// browser before or without the C++ server.   node dev/mock_server.mjs [port]
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { randomBytes } from "node:crypto";

const DIST = new URL("../dist/", import.meta.url).pathname;
const PORT = Number(process.argv[2] || 5174);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const HOSTILE = '<img src=x onerror=alert(1)>';
const now = () => new Date().toISOString().replace(/\.\d+Z$/, "Z");
const state = {
  setupToken: "devtoken",
  user: null,
  sessions: new Set(),
  csrf: randomBytes(8).toString("hex"),
  providers: [],
  scans: [],
  findings: [],
  resources: [],
  muted: new Map(),
};

function seed() {
  const sev = ["critical", "high", "high", "medium", "medium", "medium", "low", "informational"];
  for (let i = 1; i <= 120; i++) {
    state.resources.push({
      id: String(i),
      arn: `arn:aws:s3:::bucket-${i}`,
      type: i % 3 ? "AWS::S3::Bucket" : "AWS::EC2::SecurityGroup",
      service: i % 3 ? "s3" : "ec2",
      region: i % 3 ? "global" : "us-east-1",
      account: "111122223333",
      name: i === 7 ? HOSTILE : `bucket-${i}`,
      tags: i === 7 ? { Owner: HOSTILE } : { env: "prod" },
    });
    state.findings.push({
      id: String(i),
      check_id: `s3_check_${i % 9}`,
      title: `Check number ${i % 9}`,
      severity: sev[i % sev.length],
      service: i % 3 ? "s3" : "ec2",
      region: i % 3 ? "global" : "us-east-1",
      account: "111122223333",
      resource_type: "AWS::S3::Bucket",
      resource_arn: `arn:aws:s3:::bucket-${i}`,
      resource_name: i === 7 ? HOSTILE : `bucket-${i}`,
      result: "FAIL",
      status: "open",
      detail: i === 7 ? `Bucket ${HOSTILE} is public` : "Bucket is public",
      first_seen: now(),
      last_seen: now(),
      mute: null,
    });
  }
}
seed();

function send(res, status, body, headers = {}) {
  const data = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers });
  res.end(data);
}
const err = (res, status, code, message, extra = {}) => send(res, status, { error: { code, message, ...extra } });

function cookieSession(req) {
  const m = /cloudpeek_session=([a-f0-9]+)/.exec(req.headers.cookie || "");
  return m && state.sessions.has(m[1]) ? m[1] : null;
}

async function body(req) {
  let s = "";
  for await (const c of req) s += c;
  try {
    return s ? JSON.parse(s) : {};
  } catch {
    return {};
  }
}

function provider(p) {
  const left = p.expires_at ? Math.floor((Date.parse(p.expires_at) - Date.now()) / 1000) : null;
  return {
    ...p,
    seconds_left: left,
    credential_state: left === null ? "valid" : left <= 0 ? "expired" : left < 1800 ? "expiring" : "valid",
  };
}

function paged(items, url) {
  const page = Number(url.searchParams.get("page") || 1);
  const size = Number(url.searchParams.get("page_size") || 50);
  return { total: items.length, page, page_size: size, items: items.slice((page - 1) * size, page * size) };
}

const identity = (key) => ({
  account: "111122223333",
  arn: key.startsWith("ASIA")
    ? "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0123/alice@example.com"
    : "arn:aws:iam::111122223333:user/audit",
  principal_type: key.startsWith("ASIA") ? "sso_permission_set" : "iam_user",
  permission_set: key.startsWith("ASIA") ? "SecurityAuditor" : null,
  checked_at: now(),
});

async function api(req, res, url) {
  const path = url.pathname.slice("/api/v1".length);
  const m = req.method;
  if (["POST", "PUT", "PATCH", "DELETE"].includes(m) && req.headers["x-csrf-token"] !== state.csrf)
    return err(res, 403, "csrf", "Missing or wrong CSRF token.");
  if (path === "/setup" && m === "GET") return send(res, 200, { needs_setup: !state.user, csrf_token: state.csrf });
  if (path === "/setup" && m === "POST") {
    const b = await body(req);
    if (state.user || b.token !== state.setupToken) return err(res, 403, "forbidden", "The setup link is wrong or was already used.");
    if (!b.password || b.password.length < 12)
      return err(res, 400, "invalid", "The password needs at least 12 characters.", { field: "password" });
    state.user = { id: "1", username: b.username, password: b.password };
  }
  if ((path === "/setup" || path === "/login") && m === "POST") {
    if (path === "/login") {
      const b = await body(req);
      if (!state.user || b.username !== state.user.username || b.password !== state.user.password)
        return err(res, 401, "unauthenticated", "Wrong username or password.");
    }
    const sid = randomBytes(16).toString("hex");
    state.sessions.add(sid);
    return send(res, path === "/setup" ? 201 : 200, { user: { id: "1", username: state.user.username }, csrf_token: state.csrf }, {
      "Set-Cookie": `cloudpeek_session=${sid}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }
  const sid = cookieSession(req);
  if (path === "/session") {
    if (!sid) return send(res, 401, { error: { code: "unauthenticated", message: "Sign in." }, csrf_token: state.csrf });
    return send(res, 200, { user: { id: "1", username: state.user.username }, csrf_token: state.csrf });
  }
  if (!sid) return err(res, 401, "unauthenticated", "Sign in.");
  if (path === "/logout") {
    state.sessions.delete(sid);
    res.writeHead(204, { "Set-Cookie": "cloudpeek_session=; Max-Age=0; Path=/" });
    return res.end();
  }
  if (path === "/meta") return send(res, 200, { regions: ["us-east-1", "eu-west-1", "ap-southeast-2"], services: ["s3", "ec2", "iam", "cloudtrail"], version: "dev" });
  if (path === "/reminders")
    return send(
      res,
      200,
      state.providers
        .map(provider)
        .filter((p) => p.credential_state === "expiring" || p.credential_state === "expired")
        .map((p) => ({
          provider_id: p.id,
          label: p.label,
          state: p.credential_state,
          expires_at: p.expires_at,
          seconds_left: p.seconds_left,
          steps: ["Sign in to your AWS access portal", "Choose the account and SecurityAuditor, then Access keys", "Copy the export lines", "Paste them in CloudPeek under AWS accounts → Replace credentials"],
        })),
    );
  if (path === "/settings") return send(res, 200, { reminder_window_minutes: 30, webhook_url: null });
  if (path === "/providers" && m === "GET") return send(res, 200, state.providers.map(provider));
  if (path === "/providers/test") {
    const b = await body(req);
    if (b.provider_id) return send(res, 200, { ok: true, identity: identity("ASIA"), expires_at: null, seconds_left: null });
    if (b.secret_access_key?.startsWith("wrong"))
      return send(res, 200, { ok: false, error: { code: "credentials_invalid", kind: "wrong_secret", message: "The secret access key does not match the key id.", advice: "Copy the secret again.", field: "secret_access_key" } });
    return send(res, 200, { ok: true, identity: identity(b.access_key_id || ""), expires_at: b.expires_at ?? null, seconds_left: 3600 });
  }
  if (path === "/providers" && m === "POST") {
    const b = await body(req);
    const p = {
      id: String(state.providers.length + 1),
      label: b.label,
      access_key_id_last4: b.access_key_id.slice(-4),
      key_kind: b.access_key_id.startsWith("ASIA") ? "temporary" : "long_term",
      has_session_token: !!b.session_token,
      expires_at: b.expires_at ?? null,
      identity: identity(b.access_key_id),
      schedule_minutes: 0,
      last_scan: null,
      created_at: now(),
      updated_at: now(),
    };
    state.providers.push(p);
    return send(res, 201, provider(p));
  }
  let mm;
  if ((mm = /^\/providers\/(\w+)\/probe$/.exec(path))) return send(res, 200, { checked: 42, denied: [{ action: "s3:GetBucketPolicy", service: "s3" }] });
  if ((mm = /^\/providers\/(\w+)\/audit$/.exec(path))) return send(res, 200, [{ at: now(), user: "admin", action: "created" }]);
  if ((mm = /^\/providers\/(\w+)$/.exec(path)) && m === "DELETE") {
    state.providers = state.providers.filter((p) => p.id !== mm[1]);
    res.writeHead(204);
    return res.end();
  }
  if ((mm = /^\/providers\/(\w+)\/credentials$/.exec(path))) {
    const b = await body(req);
    const p = state.providers.find((x) => x.id === mm[1]);
    Object.assign(p, { access_key_id_last4: b.access_key_id.slice(-4), expires_at: b.expires_at ?? null, updated_at: now() });
    return send(res, 200, provider(p));
  }
  if (path === "/scans" && m === "POST") {
    const b = await body(req);
    const s = {
      id: String(state.scans.length + 1), provider_id: b.provider_id, status: "running", reason: null, started_at: now(), finished_at: null,
      duration_s: null, regions: b.regions || [], services: b.services || [], identity: null, counts: {}, gaps: [],
      progress: { calls_done: 0, calls_in_flight: 0, calls_failed: 0, resources: 0, checks_done: 0, checks_total: 100, fraction: 0 },
    };
    state.scans.unshift(s);
    return send(res, 202, s);
  }
  if (path === "/scans") return send(res, 200, paged(state.scans, url));
  if ((mm = /^\/scans\/(\w+)\/events$/.exec(path))) {
    const s = state.scans.find((x) => x.id === mm[1]);
    res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
    let n = 0;
    const t = setInterval(() => {
      n++;
      s.progress = { calls_done: n * 20, calls_in_flight: 4, calls_failed: 0, resources: n * 10, checks_done: n * 20, checks_total: 100, fraction: n / 5 };
      if (n >= 5) {
        Object.assign(s, { status: "succeeded", finished_at: now(), duration_s: 5.2, counts: { PASS: 50, FAIL: 120, NOT_ASSESSED: 3, MANUAL: 8 }, gaps: [{ service: "ec2", region: "ap-east-1", action: "ec2:DescribeInstances", kind: "region_not_enabled", message: "Region not enabled" }] });
        res.write(`event: done\ndata: ${JSON.stringify(s)}\n\n`);
        clearInterval(t);
        res.end();
      } else res.write(`event: progress\ndata: ${JSON.stringify(s)}\n\n`);
    }, 700);
    req.on("close", () => clearInterval(t));
    return;
  }
  if (path === "/dashboard") {
    const open = state.findings.filter((f) => f.status === "open");
    const by = {};
    for (const f of open) by[f.severity] = (by[f.severity] || 0) + 1;
    return send(res, 200, {
      accounts_monitored: state.providers.length, services_in_use: 2,
      security_issues: (by.critical || 0) + (by.high || 0),
      best_practice_improvements: open.length - (by.critical || 0) - (by.high || 0),
      by_severity: by,
      top_failing_checks: [{ check_id: "s3_check_1", title: `Check ${HOSTILE}`, severity: "high", count: 14 }],
      cis_sections: [{ section: "1", title: "Identity and Access Management", pass: 10, fail: 5, manual: 3, not_assessed: 1 }, { section: "2", title: "Storage", pass: 4, fail: 3, manual: 1, not_assessed: 0 }],
      open_over_time: [{ date: "2026-11-28", open: 130 }, { date: "2026-11-29", open: 125 }, { date: "2026-11-30", open: open.length }],
      last_scan: state.scans[0] ?? null,
      coverage_gaps: state.scans[0]?.gaps ?? [],
    });
  }
  if (path === "/findings") {
    let items = state.findings;
    for (const k of ["severity", "service", "region", "status", "account"]) {
      const v = url.searchParams.get(k);
      if (v) items = items.filter((f) => f[k] === v);
    }
    const q = url.searchParams.get("q");
    if (q) items = items.filter((f) => f.resource_name.includes(q) || f.title.includes(q));
    return send(res, 200, paged(items, url));
  }
  if ((mm = /^\/findings\/(\w+)\/(mute|unmute)$/.exec(path))) {
    const b = await body(req);
    const f = state.findings.find((x) => x.id === mm[1]);
    if (mm[2] === "mute") {
      if (!b.reason) return err(res, 400, "invalid", "A reason is required.", { field: "reason" });
      f.status = "muted";
      f.mute = { reason: b.reason, until: b.until ?? null, by: "admin", at: now() };
    } else {
      f.status = "open";
      f.mute = null;
    }
    return send(res, 200, f);
  }
  if ((mm = /^\/findings\/(\w+)$/.exec(path))) {
    const f = state.findings.find((x) => x.id === mm[1]);
    if (!f) return err(res, 404, "not_found", "No such finding.");
    return send(res, 200, {
      ...f, description: "Checks that the bucket blocks public access.", risk: "Anyone can read the data.",
      remediation: { text: "Turn on Block Public Access.", cli: "aws s3api put-public-access-block --bucket b ...", terraform: 'resource "aws_s3_bucket_public_access_block" "b" {}' },
      references: ["https://docs.aws.amazon.com/", "javascript:alert(1)"], cis: ["2.1.4"], fsbp: ["S3.8"],
      resource: { id: f.id, raw: { Name: f.resource_name, Tags: [{ Key: "Owner", Value: HOSTILE }] } },
      history: [{ at: now(), status: "open", result: "FAIL", detail: f.detail, scan_id: "1" }],
    });
  }
  if (path === "/inventory/summary") return send(res, 200, [{ service: "s3", type: "AWS::S3::Bucket", region: "global", count: 80 }, { service: "ec2", type: "AWS::EC2::SecurityGroup", region: "us-east-1", count: 40 }]);
  if (path === "/resources") {
    let items = state.resources;
    for (const k of ["service", "type", "region"]) {
      const v = url.searchParams.get(k);
      if (v) items = items.filter((r) => r[k] === v);
    }
    return send(res, 200, paged(items, url));
  }
  if ((mm = /^\/resources\/(\w+)$/.exec(path))) {
    const r = state.resources.find((x) => x.id === mm[1]);
    return send(res, 200, { ...r, raw: { Name: r.name, Tags: r.tags }, props: {}, missing: {}, findings: state.findings.filter((f) => f.id === r.id) });
  }
  if (path === "/compliance")
    return send(res, 200, {
      framework: "CIS AWS Foundations Benchmark v3.0.0",
      sections: [{ section: "1", title: "Identity and Access Management" }, { section: "2", title: "Storage" }],
      controls: [
        { id: "1.4", title: "Ensure no root access key exists", section: "1", status: "pass", checks: ["iam_root_keys"], reasons: [] },
        { id: "1.5", title: "Ensure MFA is enabled for root", section: "1", status: "fail", checks: ["iam_root_mfa"], reasons: [] },
        { id: "1.1", title: "Maintain current contact details", section: "1", status: "manual", checks: [], reasons: ["Manual control"] },
        { id: "2.1.1", title: "Ensure S3 bucket policy denies HTTP", section: "2", status: "not_assessed", checks: ["s3_tls"], reasons: ["s3:GetBucketPolicy denied"] },
      ],
    });
  return err(res, 404, "not_found", `No route ${m} ${path}`);
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  res.setHeader("Content-Security-Policy", CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  if (url.pathname.startsWith("/api/")) return api(req, res, url);
  let file = normalize(join(DIST, decodeURIComponent(url.pathname)));
  if (!file.startsWith(DIST) || !existsSync(file) || url.pathname === "/") file = join(DIST, "index.html");
  if (!existsSync(file) || !extname(file)) file = join(DIST, "index.html");
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
}).listen(PORT, "127.0.0.1", () => console.log(`mock at http://127.0.0.1:${PORT}/setup?token=devtoken`));
