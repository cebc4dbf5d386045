// End-to-end test of the web app: Debian's chromium (headless, driven by
// playwright-core) against `cloudpeek serve` and fakeaws serving the insecure
// scenario (with hostile strings planted in tags). The user's path, in order:
// first-run setup, logout/login, paste the portal's export lines, test
// connection (a wrong secret first), save, permissions probe, run a scan and
// watch its progress, dashboard numbers equal to the scenario's ground truth,
// filter findings, mute one, inventory and hostile strings rendered inert,
// compliance, the expiry banner when fakeaws expires a token, secrets nowhere,
// logout. A screenshot of every page goes to the artifacts directory, and axe-core
// checks every page shot for serious or critical accessibility violations; the
// same pages are walked again at a phone's 390 px width.
//
//   node run_e2e.mjs --cloudpeek build/x/cli/cloudpeek --artifacts build/x/e2e-artifacts
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { accountsSteps } from "./accounts_steps.mjs";
import { batchSteps } from "./batch_steps.mjs";
import { complianceSteps } from "./compliance_steps.mjs";
import { spendSteps } from "./spend_steps.mjs";
import { iamSteps } from "./iam_steps.mjs";
import { orgSteps } from "./org_steps.mjs";
import { ssoSteps } from "./sso_steps.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const CLOUDPEEK = resolve(arg("cloudpeek", join(ROOT, "build/release/cli/cloudpeek")));
const ARTIFACTS = resolve(arg("artifacts", join(ROOT, "build/e2e-artifacts")));
const WEB_DIR = resolve(arg("web-dir", join(ROOT, "web/dist")));
const CHROMIUM = arg("chromium", "/usr/bin/chromium");
const SCENARIO = resolve(arg("scenario", join(ROOT, "tests/fakeaws/scenarios/insecure")));
const ACCOUNT = "111122223333";
const AUDITOR = { key: "AKIAFAKEAUDITOR00001", secret: "fakeSecretAuditor/000000000000000000000001" };
const REGIONS = ["us-east-1", "eu-west-1", "us-west-2"];
const PASSWORD = "e2e-Correct-Horse-Battery-9";
const HOSTILE_NAME = "<img src=x onerror=alert(1)>";
const HOSTILE_TAG = "<script>alert(2)</script>";
// The browser's zone: not UTC, so times shown in the user's zone differ from the server's.
const TIMEZONE = "Europe/Berlin";
// The scenario's IAM Identity Center permission-set role (MaxSessionDuration 8 hours)
// that the auditor may assume: its session keys stand for the portal's.
const SSO_ROLE = "AWSReservedSSO_SecurityAuditor_0123456789abcdef";
const SSO_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/${SSO_ROLE}`;
const SSO_MAX_HOURS = 8;
// axe-core (tests/e2e/package.json pins the version), evaluated in each page.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// ---------------------------------------------------------------- processes

const children = [];
const work = mkdtempSync(join(tmpdir(), "cloudpeek-e2e-"));
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(what, fn, timeoutMs = 30_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

// The insecure scenario with hostile strings in one instance's tags (tags decide no check result).
function plantHostileScenario() {
  const dir = join(work, "scenario");
  cpSync(SCENARIO, dir, { recursive: true });
  const file = join(dir, "40-ec2.json");
  const doc = JSON.parse(readFileSync(file, "utf8"));
  const inst = doc.accounts[ACCOUNT].services.ec2["us-east-1"].DescribeInstances.output.Reservations[0].Instances[0];
  inst.Tags = [
    { Key: "Name", Value: HOSTILE_NAME },
    { Key: "Owner", Value: HOSTILE_TAG },
  ];
  writeFileSync(file, JSON.stringify(doc, null, 1));
  return { dir, instanceId: inst.InstanceId };
}

// What the scan must report: the scenario's declared FAIL results, by severity.
function groundTruth(scenarioDir) {
  const checks = JSON.parse(execFileSync(CLOUDPEEK, ["checks", "list", "--output", "json"], { encoding: "utf8" }));
  const severity = new Map(checks.map((c) => [c.id, String(c.severity).toLowerCase()]));
  const fails = new Set();
  for (const f of readdirSync(scenarioDir).filter((n) => n.endsWith(".json"))) {
    const doc = JSON.parse(readFileSync(join(scenarioDir, f), "utf8"));
    for (const e of doc.expected ?? []) if (e.status === "FAIL") fails.add(`${e.check}\u0000${e.resource}`);
  }
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, informational: 0 };
  for (const k of fails) {
    const s = severity.get(k.split("\u0000")[0]);
    if (!s) throw new Error(`ground truth names an unknown check: ${k.split("\u0000")[0]}`);
    bySeverity[s] += 1;
  }
  return {
    failKeys: fails,
    fails: fails.size,
    bySeverity,
    issues: bySeverity.critical + bySeverity.high,
    improvements: bySeverity.medium + bySeverity.low + bySeverity.informational,
  };
}

async function startFakeaws(scenarioDir) {
  const portFile = join(work, "fakeaws.port");
  const log = join(work, "fakeaws.log");
  const p = spawn("/usr/bin/python3", [join(ROOT, "tests/fakeaws/server.py"), "--scenario", scenarioDir, "--port", "0", "--port-file", portFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(p);
  let err = "";
  p.stderr.on("data", (d) => (err += d));
  const port = await waitFor("fakeaws to listen", () => {
    if (p.exitCode !== null) throw new Error(`fakeaws exited: ${err}`);
    return existsSync(portFile) && readFileSync(portFile, "utf8").trim();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("fakeaws health", async () => (await fetch(`${url}/__fakeaws/health`).catch(() => null))?.ok);
  p.on("exit", () => writeFileSync(log, err));
  return url;
}

async function startServe(fakeaws) {
  const data = join(work, "data");
  const p = spawn(CLOUDPEEK, ["serve", "--listen", "127.0.0.1:0", "--data-dir", data, "--web-dir", WEB_DIR], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: fakeaws,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_SESSION_TOKEN: "",
      AWS_PROFILE: "",
      AWS_CONFIG_FILE: join(work, "no-aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(work, "no-aws-credentials"),
      XDG_DATA_HOME: join(work, "xdg"),
    },
  });
  children.push(p);
  const out = { stdout: "", stderr: "" };
  p.stdout.on("data", (d) => (out.stdout += d));
  p.stderr.on("data", (d) => (out.stderr += d));
  const setup = await waitFor(
    "the setup link",
    () => {
      if (p.exitCode !== null) throw new Error(`cloudpeek serve exited ${p.exitCode}: ${out.stdout}${out.stderr}`);
      return /(http:\/\/\S+\/setup\?token=\S+)/.exec(out.stdout)?.[1];
    },
    30_000,
  );
  const base = /running at (http:\/\/[^/\s]+)/.exec(out.stdout)[1];
  return { proc: p, out, base, setup, data };
}

// GetSessionToken's keys for the auditor, or with `roleArn` AssumeRole's (role session keys).
function sessionJson(fakeaws, duration, roleArn) {
  const args = [join(HERE, "sts_session.py"), fakeaws, AUDITOR.key, AUDITOR.secret, String(duration)];
  if (roleArn) args.push(roleArn);
  return JSON.parse(execFileSync("/usr/bin/python3", args, { encoding: "utf8" })).Credentials;
}

// What the AWS access portal's "Access keys" → "Option 1" box gives (bash). The
// portal's own lines carry no expiry: leave `expiration` out for those.
function portalExportLines(c, expiration) {
  return [
    "Option 1: Set AWS environment variables",
    `export AWS_ACCESS_KEY_ID="${c.AccessKeyId}"`,
    `export AWS_SECRET_ACCESS_KEY="${c.SecretAccessKey}"`,
    `export AWS_SESSION_TOKEN="${c.SessionToken}"`,
    ...(expiration ? [`export AWS_CREDENTIAL_EXPIRATION=${expiration}`] : []),
    "",
  ].join("\n");
}

// ---------------------------------------------------------------- steps

const results = [];
let shotIndex = 0;
let page;

// Every page the run shows is checked where it is shot: axe-core's serious and
// critical violations, and the document title, are collected for the steps at the end.
const a11yViolations = [];
const titles = [];
async function shot(name) {
  shotIndex += 1;
  const file = join(ARTIFACTS, `${String(shotIndex).padStart(2, "0")}-${name}.png`);
  // A full-page capture waits for the compositor: on a loaded 2-core CI machine
  // (ctest -j2 beside the scans of other tests) it took longer than the 15 s
  // default, which failed a step whose assertions had all passed.
  await page.screenshot({ timeout: 60_000, path: file, fullPage: true, timeout: 60_000 });
  if (!name.startsWith("FAILED-")) {
    await checkA11y(name);
    titles.push({ name, path: new URL(page.url()).pathname, title: await page.title() });
  }
  return file;
}

async function checkA11y(name) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
  for (const v of found) a11yViolations.push({ page: name, url: page.url(), ...v });
}

// Does the page scroll sideways (wider than the window)?
async function scrollsSideways() {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

// How often `needle` appears in the page's visible text.
async function timesShown(needle) {
  const t = await page.evaluate(() => document.body.innerText);
  return t.split(needle).length - 1;
}

// A failed step stops the run unless it is `independent` (later steps do not build on it).
async function step(name, fn, { independent = false } = {}) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - t0 });
    console.log(`[ PASS ] ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, ms: Date.now() - t0, error: e });
    console.log(`[ FAIL ] ${name}: ${e && e.stack ? e.stack : e}`);
    if (page) await shot(`FAILED-${name.replace(/\W+/g, "-")}`).catch(() => undefined);
    if (!independent) throw e;
  }
}

function expectEq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function expectTrue(cond, what) {
  if (!cond) throw new Error(what);
}

const byId = (id) => page.getByTestId(id);
async function text(id) {
  return (await byId(id).first().innerText()).trim();
}
async function total() {
  return Number((await text("findings-total")).split(" ")[0]);
}
// Records in a CSV text (quoted fields may hold newlines).
function csvRecords(t) {
  let n = 0;
  let quoted = false;
  let any = false;
  for (const c of t) {
    if (c === '"') quoted = !quoted;
    if (c === "\n" && !quoted) {
      if (any) n++;
      any = false;
    } else if (c !== "\r") any = true;
  }
  return n + (any ? 1 : 0);
}
// An instant as the browser shows it in TIMEZONE, without the zone's name: "2026-11-30 18:05:00".
function berlin(iso) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: TIMEZONE, dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
}
async function apiGet(path) {
  return page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).json(), path);
}
async function num(id) {
  const t = await text(id);
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`${id} is not a number: ${t}`);
  return n;
}

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const f of readdirSync(ARTIFACTS)) if (f.endsWith(".png")) rmSync(join(ARTIFACTS, f));
  expectTrue(existsSync(join(WEB_DIR, "index.html")), `no built UI at ${WEB_DIR} (run scripts/build-web)`);
  expectTrue(existsSync(CLOUDPEEK), `no cloudpeek binary at ${CLOUDPEEK}`);
  expectTrue(existsSync(CHROMIUM), `no chromium at ${CHROMIUM} (scripts/install-deps --test installs it)`);

  const { dir: scenarioDir, instanceId } = plantHostileScenario();
  const truth = groundTruth(scenarioDir);
  console.log(`ground truth: ${truth.fails} FAIL results, by severity ${JSON.stringify(truth.bySeverity)}`);
  const fakeaws = await startFakeaws(scenarioDir);
  const serve = await startServe(fakeaws);
  console.log(`cloudpeek serve at ${serve.base}, fakeaws at ${fakeaws}`);

  const secrets = new Set([PASSWORD, AUDITOR.secret]);
  const apiBodies = [];
  const pageErrors = [];
  const dialogs = [];

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true, timezoneId: TIMEZONE });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => pageErrors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) pageErrors.push(`CSP: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => undefined);
  });
  page.on("response", async (r) => {
    if (!r.url().includes("/api/") || r.url().endsWith("/events")) return;
    try {
      apiBodies.push({ url: r.url(), body: await r.text() });
    } catch {
      /* bodies of redirects and aborted requests are not available */
    }
  });

  try {
    await step("first-run setup through the one-time link", async () => {
      await page.goto(serve.setup);
      await byId("setup-form").waitFor();
      await byId("setup-username").fill("admin");
      await byId("setup-password").fill("too-short");
      await byId("setup-confirm").fill("too-short");
      await byId("setup-submit").click();
      await byId("setup-password-error").waitFor();
      await byId("setup-password").fill(PASSWORD);
      await byId("setup-confirm").fill(PASSWORD);
      await shot("setup");
      await byId("setup-submit").click();
      await byId("page-dashboard").waitFor();
      await byId("dash-no-scans").waitFor();
      expectEq(await text("current-user"), "admin", "signed-in user");
      // Before any scan: no green zero, no "no coverage gaps", no flat trend; what to do next.
      expectTrue(/no scan has run yet/i.test(await text("dash-no-scans")), "the empty dashboard says no scan has run yet");
      expectEq(await byId("dash-connect").getAttribute("href"), "/settings/provider", "the empty dashboard points to connecting an account");
      expectEq(await byId("dash-issues").count(), 0, "no security issues tile before a scan");
      expectEq(await byId("dash-no-gaps").count(), 0, "no 'coverage gaps: none' before a scan");
      expectEq(await byId("chart-open-over-time").count(), 0, "no trend line before a scan");
      await shot("dashboard-empty");
      // The link works once.
      await page.goto(serve.setup);
      await byId("setup-done").waitFor();
    });

    await step("logout, wrong password refused, login", async () => {
      await page.goto(serve.base + "/");
      await byId("logout").click();
      await byId("login-form").waitFor();
      await byId("login-username").fill("admin");
      await byId("login-password").fill("not-the-password");
      await byId("login-submit").click();
      await byId("login-error").waitFor();
      expectTrue(/wrong username or password/i.test(await text("login-error")), "login error says wrong username or password");
      await shot("login");
      await byId("login-password").fill(PASSWORD);
      await byId("login-submit").click();
      await byId("page-dashboard").waitFor();
    });

    const main = sessionJson(fakeaws, 3600);
    secrets.add(main.SecretAccessKey).add(main.SessionToken);
    // The user's expiry for these credentials: 20 minutes, inside the 30-minute reminder window.
    const mainExpiry = new Date(Date.now() + 20 * 60_000).toISOString().replace(/\.\d+Z$/, "Z");

    await step("too-long input is named beside its field before any request is sent", async () => {
      await byId("nav-settings").click();
      await byId("page-settings-provider").waitFor();
      const sent = [];
      const onRequest = (r) => r.url().includes("/api/v1/providers") && r.method() !== "GET" && sent.push(r.url());
      page.on("request", onRequest);
      try {
        // A 1 MB paste: refused in the browser, and the box emptied.
        await byId("paste-box").fill(portalExportLines({ ...main, SessionToken: "A".repeat(1 << 20) }, mainExpiry));
        await byId("paste-fill").click();
        await byId("paste-error").waitFor();
        expectTrue(/paste is too long/i.test(await text("paste-error")), `paste error says too long: ${await text("paste-error")}`);
        expectEq(await byId("paste-box").inputValue(), "", "the paste box is emptied after a paste that held a secret");
        // Typed (or pasted) into the fields: named as the user types.
        await byId("field-access-key-id").fill("ASIA" + "A".repeat(130));
        await byId("field-secret-access-key").fill("s".repeat(300));
        await byId("field-session-token").fill("t".repeat(9000));
        for (const [f, label] of [["access_key_id", "Access Key ID"], ["secret_access_key", "Secret Access Key"], ["session_token", "Session Token"]]) {
          const msg = await text(`field-error-${f}`);
          expectTrue(msg.includes(`${label} is too long`), `the ${label} error says too long: ${msg}`);
        }
        await byId("test-connection").click();
        await byId("save-provider").click();
        await sleep(500);
        expectEq(sent.length, 0, "no request was sent with too-long values");
        await shot("settings-too-long");
        for (const id of ["field-access-key-id", "field-secret-access-key", "field-session-token"]) await byId(id).fill("");
        // New input clears the stale error.
        expectEq(await byId("field-error-session_token").count(), 0, "the token's error is gone once the field changed");
      } finally {
        page.off("request", onRequest);
      }
    }, { independent: true });

    await step("paste the portal's export lines: fields filled in the browser", async () => {
      if (!page.url().includes("/settings/provider")) await byId("nav-settings").click();
      await byId("page-settings-provider").waitFor();
      await byId("guidance").waitFor();
      // A partial paste names what is missing.
      await byId("paste-box").fill(`export AWS_ACCESS_KEY_ID="${main.AccessKeyId}"\nexport AWS_SESSION_TOKEN="${main.SessionToken}"`);
      await byId("paste-fill").click();
      await byId("paste-error").waitFor();
      expectTrue((await text("paste-error")).includes("no AWS_SECRET_ACCESS_KEY"), "paste error names AWS_SECRET_ACCESS_KEY");
      // The failed paste held the session token: it does not stay readable in the box.
      expectEq(await byId("paste-box").inputValue(), "", "paste box emptied after a failed paste that held a secret");
      await byId("paste-box").fill(portalExportLines(main, mainExpiry));
      await byId("paste-fill").click();
      await byId("paste-info").waitFor();
      expectEq(await byId("field-access-key-id").inputValue(), main.AccessKeyId, "access key id field");
      expectTrue((await byId("field-secret-access-key").inputValue()) === main.SecretAccessKey, "secret field filled (value not printed)");
      expectTrue((await byId("field-session-token").inputValue()) === main.SessionToken, "token field filled (value not printed)");
      expectEq(await byId("field-secret-access-key").getAttribute("type"), "password", "secret field is masked");
      expectEq(await byId("paste-box").inputValue(), "", "paste box cleared after filling");
      expectTrue((await byId("field-expires-at").inputValue()) !== "", "expiry filled from AWS_CREDENTIAL_EXPIRATION");
      await byId("field-label").fill("prod");
    });

    await step("test connection: a wrong secret is diagnosed beside its field, the right one shows the identity", async () => {
      const wrong = "wrongSecretWrongSecretWrongSecret00000000";
      secrets.add(wrong);
      await byId("field-secret-access-key").fill(wrong);
      await byId("test-connection").click();
      await byId("field-error-secret_access_key").waitFor();
      await shot("settings-wrong-secret");
      await byId("field-secret-access-key").fill(main.SecretAccessKey);
      expectEq(await byId("field-error-secret_access_key").count(), 0, "the wrong secret's error is gone once the field changed");
      await byId("test-connection").click();
      await byId("test-result").waitFor();
      expectEq(await text("identity-account"), ACCOUNT, "identity account");
      expectTrue((await text("identity-arn")).includes(`${ACCOUNT}:user/auditor`), "identity ARN is the auditor user");
      expectTrue((await text("identity-principal-type")).length > 0, "principal type shown");
      await byId("identity-permission-set").waitFor();
      await shot("settings-tested");
    });

    await step("save: the secret and token are never shown back, only the key id's last 4", async () => {
      await byId("save-provider").click();
      await byId("provider-saved").waitFor();
      expectTrue((await text("provider-key")).includes(main.AccessKeyId.slice(-4)), "key id last 4 shown");
      expectTrue(!(await text("provider-key")).includes(main.AccessKeyId), "the whole key id is not shown");
      expectTrue(/in \d+m/.test(await text("provider-countdown")), "countdown to expiry shown");
      // Times in the browser's zone, named; UTC on hover; the Expires label names the same zone.
      const zone = await page.evaluate(() =>
        new Intl.DateTimeFormat("en-GB", { timeZoneName: "short" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName").value,
      );
      expectTrue(zone === "CET" || zone === "CEST", `the browser runs in ${TIMEZONE} (${zone})`);
      const shownExpiry = byId("provider-expiry-time").first();
      const local = new Intl.DateTimeFormat("sv-SE", { timeZone: TIMEZONE, dateStyle: "short", timeStyle: "medium" }).format(new Date(mainExpiry));
      expectEq((await shownExpiry.innerText()).trim(), `${local} ${zone}`, "the expiry in the browser's zone, named");
      expectEq(await shownExpiry.getAttribute("title"), mainExpiry.replace("T", " ").replace("Z", " UTC"), "UTC on hover");
      const html = await page.content();
      for (const s of secrets) expectTrue(!html.includes(s), "a secret appears in the page HTML");
      // The expiry is within the reminder window: the banner counts down on every page.
      await byId("reminder-expiring").waitFor();
      await shot("settings-saved");
    });

    await step(
      "permissions probe lists what the identity is denied",
      async () => {
        await byId("provider-probe").click();
        await byId("probe-result").waitFor();
        // The auditor has every read action CloudPeek needs.
        expectTrue((await text("probe-result")).includes("are allowed"), `probe: ${await text("probe-result")}`);
        await shot("settings-probe");
      },
      { independent: true },
    );

    async function setFakeawsFaults(doc) {
      const r = await fetch(`${fakeaws}/__fakeaws/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(doc),
      });
      expectTrue(r.ok, `fakeaws accepted the faults ${JSON.stringify(doc)}`);
    }

    let scanDone;
    await step("run a scan of three regions and watch its progress", async () => {
      await byId("nav-scans").click();
      await byId("start-scan").waitFor();
      await byId("reminder-expiring").waitFor();
      for (const r of REGIONS) await byId(`scan-region-${r}`).check();
      // Unhurried, the sample account's ~300 calls finish within the first
      // progress event; AWS-like latency keeps the scan running for seconds.
      await setFakeawsFaults({ latency_ms: 250 });
      await byId("start-scan-button").click();
      await byId("live-scan").waitFor();
      const fractions = new Set();
      const workAreas = new Set();
      let midShot = false;
      scanDone = await waitFor(
        "the scan to finish",
        async () => {
          const v = await byId("scan-progress").getAttribute("value");
          if (v !== null) fractions.add(Number(v));
          const status = await byId("live-scan").getAttribute("data-status");
          if (!midShot && status === "running" && Number(v) > 0 && (await byId("scan-work-services").count())) {
            midShot = true;
            // Issue 9 item 5: what the scan is still doing, per service and per region.
            for (const a of await page.locator('[data-testid="scan-work-services"] tr[data-area]').all())
              workAreas.add(await a.getAttribute("data-area"));
            for (const a of await page.locator('[data-testid="scan-work-regions"] tr[data-area]').all())
              workAreas.add(await a.getAttribute("data-area"));
            await shot("scans-progress");
          }
          return status !== "running" && status !== "queued" ? status : null;
        },
        5 * 60_000,
        250,
      );
      await setFakeawsFaults({});
      expectEq(scanDone, "succeeded", "scan status");
      await byId("live-scan-done").waitFor();
      expectEq(Number(await byId("scan-progress").getAttribute("value")), 1, "progress bar full at the end");
      console.log(`  progress values seen: ${[...fractions].sort().map((f) => f.toFixed(2)).join(" ")}`);
      // The bar moved while the scan ran (server-sent progress events, about one a second).
      expectTrue([...fractions].some((f) => f > 0 && f < 1), "a progress value between 0 and 1 was shown while running");
      expectTrue(midShot, "the work per service and region was shown while running");
      expectTrue([...workAreas].some((a) => REGIONS.includes(a)), `a scanned region was listed at work (saw ${[...workAreas].join(", ")})`);
      expectEq(await byId("scan-work").count(), 0, "the work table is gone once the scan is done");
      const row = page.locator('[data-testid="scan-row"]').first();
      await row.waitFor();
      expectEq(await row.getAttribute("data-status"), "succeeded", "history row status");
      expectTrue((await row.getByTestId("scan-duration").innerText()).trim() !== "—", "history shows a duration");
      await shot("scans");
    });

    await step("dashboard numbers equal the scenario's ground truth", async () => {
      await byId("nav-dashboard").click();
      await byId("page-dashboard").waitFor();
      await byId("dash-issues-value").waitFor();
      // On a mismatch, say which (check, resource) pairs differ from the scenario's truth.
      const open = await page.evaluate(async () => {
        const r = await fetch("/api/v1/findings/export?format=json&status=open");
        const t = await r.text();
        try {
          const j = JSON.parse(t);
          return Array.isArray(j) ? j : j.items ?? j.findings ?? [];
        } catch {
          return t.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
        }
      });
      const got = new Set(open.map((f) => `${f.check_id}\u0000${f.resource_arn}`));
      const missing = [...truth.failKeys].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !truth.failKeys.has(k));
      if (missing.length || extra.length || open.length !== truth.fails) {
        const show = (l) => l.slice(0, 15).map((k) => k.replace("\u0000", " ")).join("\n    ");
        console.log(`  open findings ${open.length}, declared FAIL ${truth.fails}`);
        console.log(`  declared FAIL but not open (${missing.length}):\n    ${show(missing)}`);
        console.log(`  open but not declared (${extra.length}):\n    ${show(extra)}`);
      }
      expectEq(await num("dash-accounts-value"), 1, "accounts monitored");
      expectEq(await num("dash-issues-value"), truth.issues, "security issues (open critical+high FAIL)");
      expectEq(await num("dash-improvements-value"), truth.improvements, "best-practice improvements (open medium/low/info FAIL)");
      for (const [sev, n] of Object.entries(truth.bySeverity)) {
        expectEq(Number((await byId(`dash-sev-${sev}`).innerText()).replace(/\D+/g, "")), n, `open ${sev} findings`);
      }
      const services = await page.evaluate(async () => {
        const r = await fetch("/api/v1/inventory/summary");
        return new Set((await r.json()).map((x) => x.service)).size;
      });
      expectEq(await num("dash-services-value"), services, "services in use (services with resources)");
      await byId("chart-severity").waitFor();
      await byId("chart-open-over-time").waitFor();
      await byId("dash-last-scan-time").waitFor();
      expectEq(await byId("dash-no-scans").count(), 0, "the no-scan notice is gone after a scan");
      for (let s = 1; s <= 5; s++) await byId(`dash-cis-${s}`).waitFor();
      await shot("dashboard");
    }, { independent: true });

    // What the server counts now: the steps below check their own behaviour against it
    // (the dashboard step above compares it with the scenario).
    const shown = await page.evaluate(async () => (await fetch("/api/v1/dashboard")).json());
    const openTotal = Object.values(shown.by_severity).reduce((a, b) => a + b, 0);
    const high = shown.by_severity.high ?? 0;
    const critical = shown.by_severity.critical ?? 0;

    await step("each dashboard tile opens exactly the findings it counts", async () => {
      for (const [tile, count, severity] of [
        ["dash-issues", shown.security_issues, "critical,high"],
        ["dash-improvements", shown.best_practice_improvements, "medium,low,informational"],
      ]) {
        await page.goto(serve.base + "/");
        await byId(`${tile}-value`).waitFor();
        expectEq(await num(`${tile}-value`), count, `${tile} count`);
        await byId(tile).click();
        await byId("findings-total").waitFor();
        await waitFor(`${tile}'s findings`, async () => (await total()) === count);
        const u = new URL(page.url());
        expectEq(u.searchParams.get("severity"), severity, `${tile} filters by severity`);
        expectEq(u.searchParams.get("status"), "open", `${tile} filters open findings`);
        expectEq(await byId("filter-severity").inputValue(), severity, `${tile}: the severity filter shows the group`);
      }
      await shot("findings-from-tile");
    }, { independent: true });

    let muted;
    await step("findings open on open failures, the other results one click away", async () => {
      await page.goto(serve.base + "/");
      await byId("nav-findings").click();
      await byId("findings-table").waitFor();
      await waitFor("the default filter in the URL", () => new URL(page.url()).searchParams.get("status") === "open");
      expectEq(await byId("filter-status").inputValue(), "open", "the status filter shows the default");
      await waitFor("open failures", async () => (await total()) === openTotal);
      const statuses = await page.locator('[data-testid="finding-row"] .badge[class*="st-"]').allInnerTexts();
      expectTrue(statuses.length > 0 && statuses.every((s) => s === "open"), `only open rows by default: ${[...new Set(statuses)].join(", ")}`);
      await shot("findings-default");
      await byId("view-any").click();
      await waitFor("all results", async () => (await total()) > openTotal);
      expectEq(new URL(page.url()).searchParams.get("status"), "any", "all results in the URL");
      await byId("view-passed").click();
      await waitFor("passed results", async () => new URL(page.url()).searchParams.get("status") === "passed" && (await total()) > 0);
      await byId("view-open").click();
      await waitFor("open failures again", async () => (await total()) === openTotal);
    });

    await step("filter findings by severity, search and status", async () => {
      await byId("nav-findings").click();
      await byId("findings-table").waitFor();
      await byId("filter-status").selectOption("open");
      await waitFor("the open filter", async () => (await total()) === openTotal);
      await byId("filter-severity").selectOption("high");
      await waitFor("the high filter", async () => (await total()) === high);
      const sevs = await page.locator('[data-testid="finding-row"] .badge').allInnerTexts();
      expectTrue(sevs.filter((s) => ["critical", "medium", "low", "informational"].includes(s)).length === 0, "only high rows");
      expectTrue(page.url().includes("severity=high"), "the filter is in the page URL");
      expectTrue(page.url().includes("status=open"), "both filters are in the page URL");
      await byId("filter-q").fill("zz-no-such-resource");
      await byId("filter-q-go").click();
      await waitFor("the search", async () => (await total()) === 0);
      await byId("filter-q").fill("");
      await byId("filter-q-go").click();
      await waitFor("the search cleared", async () => (await total()) === high);
      await shot("findings-filtered");
      const first = page.locator('[data-testid="finding-row"]').first();
      muted = { id: await first.getAttribute("data-finding-id") };
      await first.getByTestId("finding-link").click();
      await byId("page-finding-detail").waitFor();
      await byId("finding-remediation").waitFor();
      await byId("finding-evidence").waitFor();
    });

    await step("mute one finding with a reason", async () => {
      await byId("mute-submit").click();
      await byId("mute-reason-error").waitFor();
      await byId("mute-reason-input").fill("accepted risk: e2e");
      await byId("mute-submit").click();
      await byId("mute-info").waitFor();
      expectEq(await text("mute-reason"), "accepted risk: e2e", "mute reason shown");
      await shot("finding-muted");
      await page.goto(serve.base + "/findings?status=muted");
      await waitFor("one muted finding", async () => (await total()) === 1);
      await byId("nav-dashboard").click();
      await waitFor("the dashboard to count the mute", async () => (await num("dash-issues-value")) === shown.security_issues - 1);
    });

    await step("export the current filter as CSV and JSON", async () => {
      await page.goto(serve.base + "/findings?status=open&severity=critical");
      await byId("findings-table").waitFor();
      const [csv] = await Promise.all([page.waitForEvent("download"), byId("export-csv").click()]);
      const csvRows = csvRecords(readFileSync(await csv.path(), "utf8"));
      expectEq(csvRows - 1, critical, "CSV rows for open critical findings (after the header)");
      const [json] = await Promise.all([page.waitForEvent("download"), byId("export-json").click()]);
      const jsonText = readFileSync(await json.path(), "utf8");
      let items;
      try {
        const body = JSON.parse(jsonText);
        items = Array.isArray(body) ? body : body.items ?? body.findings;
      } catch {
        items = jsonText.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
      }
      expectEq(items.length, critical, "JSON items for open critical findings");
    });

    await step("inventory and hostile strings in names and tags render as inert text", async () => {
      await byId("nav-inventory").click();
      await byId("inventory-summary").waitFor();
      await shot("inventory");
      await byId("inventory-q").fill("onerror");
      await byId("inventory-q-go").click();
      await waitFor("the search results", async () => {
        const rows = await page.locator('[data-testid="resource-row"]').allInnerTexts();
        return rows.length === 1 && rows[0].includes(HOSTILE_NAME);
      });
      const row = page.locator('[data-testid="resource-row"]').first();
      expectTrue((await row.innerText()).includes(HOSTILE_NAME), "the hostile name is shown as text");
      expectTrue((await row.innerText()).includes(HOSTILE_TAG), "the hostile tag is shown as text");
      expectEq(await page.locator("img").count(), 0, "no <img> element came from a resource name");
      await shot("inventory-hostile");
      await row.getByTestId("resource-link").click();
      await byId("resource-raw").waitFor();
      expectTrue((await text("resource-name")).includes(HOSTILE_NAME), "detail shows the name as text");
      expectTrue((await text("resource-raw")).includes(instanceId), "raw JSON shown");
      expectEq(await page.locator("img").count(), 0, "no <img> on the resource page");
      expectEq(await page.locator("script:not([src])").count(), 0, "no inline script in the page");
      await shot("resource-detail");
      expectEq(dialogs.length, 0, `no script ran from AWS strings (dialogs: ${dialogs.join(", ")})`);
    });

    await step("compliance: CIS v3.0 controls with their status", async () => {
      await byId("nav-compliance").click();
      await byId("page-compliance").waitFor();
      await page.locator('[data-testid="control-row"]').first().waitFor();
      const rows = await page.locator('[data-testid="control-row"]').count();
      expectTrue(rows >= 60, `CIS v3.0 lists its controls (got ${rows})`);
      expectTrue((await num("compliance-count-fail-value")) > 0, "some controls fail");
      expectTrue((await num("compliance-count-manual-value")) > 0, "manual controls are shown as manual");
      await shot("compliance");
    });

    await complianceSteps({ page, base: serve.base, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep });
    await spendSteps({ page, base: serve.base, fakeaws, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep });
    await iamSteps({ page, base: serve.base, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep });
    await ssoSteps({ page, base: serve.base, fakeaws, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep });
    await orgSteps({ page, cloudpeek: CLOUDPEEK, step, expectEq, expectTrue, sleep });
    await accountsSteps({ page, cloudpeek: CLOUDPEEK, step, expectEq, expectTrue, sleep });
    await batchSteps({ page, cloudpeek: CLOUDPEEK, step, expectEq, expectTrue, sleep });

    // Issue 9 item 5: a cancelled scan says so (no full bar, no "Finished", no N/N
    // checks) and the dashboard keeps the last complete scan.
    await step("a cancelled scan says cancelled and leaves the dashboard's last scan alone", async () => {
      await byId("nav-dashboard").click();
      const lastBefore = await byId("dash-last-scan-time").innerText();
      await byId("nav-scans").click();
      await byId("start-scan").waitFor();
      for (const r of REGIONS) await byId(`scan-region-${r}`).check();
      await setFakeawsFaults({ latency_ms: 400 });
      await byId("start-scan-button").click();
      await byId("live-scan").waitFor();
      await waitFor("the scan to be running", async () => (await byId("live-scan").getAttribute("data-status")) === "running", 60_000, 100);
      await byId("cancel-scan").click();
      const status = await waitFor(
        "the scan to end",
        async () => {
          const st = await byId("live-scan").getAttribute("data-status");
          return st !== "running" && st !== "queued" ? st : null;
        },
        60_000,
        100,
      );
      await setFakeawsFaults({});
      expectEq(status, "interrupted", "a cancelled scan is interrupted");
      const ending = await byId("live-scan-done").innerText();
      expectTrue(ending.startsWith("Cancelled"), `the ending says cancelled: ${ending}`);
      expectTrue(Number(await byId("scan-progress").getAttribute("value")) < 1, "no full bar for a cancelled scan");
      expectTrue(!/\d+\/\d+ checks/.test(await byId("scan-progress-text").innerText()), "no N/N checks for a cancelled scan");
      await shot("scans-cancelled");
      await byId("nav-dashboard").click();
      await byId("dash-last-scan").waitFor();
      expectEq(await byId("dash-last-scan-time").innerText(), lastBefore, "the dashboard still shows the last complete scan");
    });

    // Issue 9 item 1: the portal's export lines carry no expiry. Role session keys of the
    // permission-set role are tested: CloudPeek estimates the latest end from the role's
    // MaxSessionDuration, says so, and the user picks the session length that is saved.
    let ssoId;
    await step("pasted keys without an expiry: the estimate with its source, a session length, saved and labelled", async () => {
      const sso = sessionJson(fakeaws, 3600, SSO_ROLE_ARN);
      secrets.add(sso.SecretAccessKey).add(sso.SessionToken);
      await page.goto(serve.base + "/settings/provider");
      await byId("add-provider").click();
      await byId("paste-box").fill(portalExportLines(sso));
      await byId("paste-fill").click();
      await byId("paste-info").waitFor();
      expectEq(await byId("field-expires-at").inputValue(), "", "the export lines carry no expiry");
      expectTrue((await text("expires-hint")).includes("CloudPeek then estimates it"), "the empty Expires field says an estimate will be made");
      await byId("field-label").fill("sso");
      const testedAt = Date.now();
      await byId("test-connection").click();
      await byId("test-result").waitFor();
      const arn = await byId("test-result").getByTestId("identity-arn").innerText();
      expectTrue(arn.includes(`assumed-role/${SSO_ROLE}/`), `the tested identity is the permission-set role: ${arn}`);
      await byId("expiry-estimate").waitFor();
      const panel = await text("expiry-estimate");
      expectTrue(panel.includes("These keys carry no expiry"), `the panel says the keys carry no expiry: ${panel}`);
      expectTrue(panel.includes("reminds you before the estimate"), "the panel says CloudPeek reminds before the estimate");
      expectEq(
        await text("expiry-estimate-source"),
        `at most ${SSO_MAX_HOURS} h: the role AWSReservedSSO_SecurityAuditor_… allows sessions of up to ${SSO_MAX_HOURS} hours`,
        "the estimate's source in words",
      );
      const estimate = await byId("expiry-estimate-time").getAttribute("datetime");
      const ahead = Date.parse(estimate) - testedAt;
      expectTrue(Math.abs(ahead - SSO_MAX_HOURS * 3600_000) < 120_000, `the estimate is the role's ${SSO_MAX_HOURS} h from now (${estimate})`);
      const zone = /(CES?T)/.exec(await text("expiry-estimate-time"))?.[1];
      expectEq(await text("expiry-estimate-time"), `${berlin(estimate)} ${zone}`, "the estimate in the browser's zone, named");
      expectEq(await text("expiry-estimate-time-estimated"), `≈ ${berlin(estimate)} ${zone} (estimated)`, "the estimate is labelled as one");
      const offered = await byId("session-hours").locator("option").evaluateAll((os) => os.map((o) => o.value));
      expectEq(offered.join(","), "1,2,3,4,5,6,7,8", "session lengths offered: 1 h up to the role's maximum");
      expectEq(await byId("session-hours").inputValue(), String(SSO_MAX_HOURS), "the role's maximum is preselected");
      await byId("session-hours").selectOption("1");
      const chosen = await byId("expiry-estimate-chosen-time").getAttribute("datetime");
      expectTrue(Math.abs(Date.parse(chosen) - Date.now() - 3600_000) < 120_000, `1 hour from now is shown as the expiry (${chosen})`);
      // The same account as "prod": said before saving (item 9), and saving anyway stays possible.
      expectTrue((await text("duplicate-warning")).includes(`Account ${ACCOUNT} is already connected as “prod”`), "the account is said to be connected already");
      await shot("settings-expiry-estimate");
      const [request] = await Promise.all([
        page.waitForRequest((r) => new URL(r.url()).pathname === "/api/v1/providers" && r.method() === "POST"),
        byId("save-provider").click(),
      ]);
      const savedAt = Date.now();
      expectEq(JSON.parse(request.postData()).session_hours, 1, "the chosen session length is sent as session_hours");
      await byId("provider-saved").waitFor();
      expectTrue((await text("provider-saved")).includes("(estimated) and reminds you before then"), `the saved message names the estimate: ${await text("provider-saved")}`);
      const p = (await apiGet("/providers")).find((x) => x.label === "sso");
      ssoId = p.id;
      expectEq(p.expires_estimated, true, "the server marks the expiry estimated");
      const stored = p.expiry_estimate ?? {};
      expectEq(JSON.stringify({ source: stored.source, max_session_seconds: stored.max_session_seconds, session_hours: stored.session_hours }), JSON.stringify({ source: "user", max_session_seconds: SSO_MAX_HOURS * 3600, session_hours: 1 }), "the stored estimate: the user's choice");
      expectTrue(Math.abs(Date.parse(p.expires_at) - savedAt - 3600_000) < 120_000, `the stored expiry is 1 hour after saving (${p.expires_at})`);
      const card = byId(`provider-${ssoId}`);
      expectEq((await card.getByTestId("provider-expiry-time-estimated").innerText()).trim(), `≈ ${berlin(p.expires_at)} ${zone} (estimated)`, "the card labels the estimate");
      expectTrue(/^in ≈ (59m|1h 00m)/.test((await card.getByTestId("provider-countdown").innerText()).trim()), "the countdown says ≈");
      expectTrue((await card.getByTestId("provider-expiry-estimate").innerText()).includes("you chose a session of 1 hour"), "the card says what was chosen");
      await shot("settings-estimated-card");
    }, { independent: true });

    await step("the banner labels an estimated expiry as one", async () => {
      // A window of 90 minutes takes in the 1-hour estimate.
      await page.locator("summary", { hasText: "Reminders" }).click();
      await byId("settings-window").fill("90");
      await byId("settings-save").click();
      await page.getByText("Saved.", { exact: true }).waitFor();
      try {
        await page.reload();
        const banner = page.locator('[data-testid="reminder-expiring"]', { hasText: "“sso”" });
        await banner.waitFor();
        const t = (await banner.innerText()).replace(/\s+/g, " ");
        expectTrue(/expire in ≈ (59m|1h 00m)/.test(t), `the banner's countdown says ≈: ${t}`);
        expectTrue(/\(at ≈ .+ \(estimated\)\)/.test(t), `the banner's time is labelled estimated: ${t}`);
        const others = await page.locator('[data-testid="reminder-expiring"]', { hasNotText: "“sso”" }).allInnerTexts();
        for (const o of others) expectTrue(!o.includes("estimated"), `a given expiry is not called estimated: ${o}`);
        await shot("banner-estimated");
      } finally {
        await page.locator("summary", { hasText: "Reminders" }).click();
        await byId("settings-window").fill("30");
        await byId("settings-save").click();
        await page.getByText("Saved.", { exact: true }).waitFor();
      }
    }, { independent: true });

    await step("the API: GetSessionToken keys without an expiry estimate 12 h; session_hours outside 1-12 is refused", async () => {
      const gst = sessionJson(fakeaws, 3600);
      secrets.add(gst.SecretAccessKey).add(gst.SessionToken);
      const answers = await page.evaluate(async (c) => {
        const session = await (await fetch("/api/v1/session")).json();
        const send = async (method, path, body) => {
          const r = await fetch(`/api/v1${path}`, {
            method,
            headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf_token },
            body: JSON.stringify(body),
          });
          return { status: r.status, body: await r.json() };
        };
        const creds = { access_key_id: c.AccessKeyId, secret_access_key: c.SecretAccessKey, session_token: c.SessionToken };
        return {
          test: await send("POST", "/providers/test", creds),
          tooLong: await send("POST", "/providers", { ...creds, label: "too-long", session_hours: 13 }),
          zero: await send("POST", "/providers", { ...creds, label: "zero", session_hours: 0 }),
        };
      }, gst);
      const est = answers.test.body.expiry_estimate;
      expectEq(answers.test.body.ok, true, "the test succeeds");
      expectEq(answers.test.body.expires_at, null, "no expiry was given");
      expectEq(est?.source, "session_default", "GetSessionToken keys: the 12-hour default");
      expectTrue(Math.abs(Date.parse(est.expires_at) - Date.now() - 12 * 3600_000) < 120_000, `estimated 12 h from now (${est.expires_at})`);
      for (const [what, a] of [["13", answers.tooLong], ["0", answers.zero]]) {
        expectEq(a.status, 400, `session_hours ${what} is refused`);
        expectEq(a.body.error?.field, "session_hours", `session_hours ${what}: the error names the field`);
      }
      const labels = (await apiGet("/providers")).map((p) => p.label);
      expectTrue(!labels.includes("too-long") && !labels.includes("zero"), "nothing was saved");
    }, { independent: true });

    // Issue 9 item 9: connecting an account that is connected already offers to replace
    // that connection's credentials; a re-test updates the card's check time.
    await step("connecting an account already connected offers to replace its credentials", async () => {
      const again = sessionJson(fakeaws, 3600, SSO_ROLE_ARN);
      secrets.add(again.SecretAccessKey).add(again.SessionToken);
      const before = await apiGet("/providers");
      await page.goto(serve.base + "/settings/provider");
      await byId("add-provider").click();
      await byId("paste-box").fill(portalExportLines(again));
      await byId("paste-fill").click();
      await byId("paste-info").waitFor();
      await byId("field-label").fill("sso-again");
      // Save without a test: the form tests first and stops at the warning.
      await byId("save-provider").click();
      await byId("duplicate-warning").waitFor();
      const warning = await text("duplicate-warning");
      expectTrue(warning.includes(`Account ${ACCOUNT} is already connected as “prod” and “sso”`), `the warning names both connections: ${warning}`);
      expectEq((await apiGet("/providers")).length, before.length, "nothing was saved before the warning");
      expectEq((await text("save-provider")), "Save as another connection", "saving anyway is named for what it does");
      await shot("settings-duplicate");
      await page.locator(`[data-testid="duplicate-replace"][data-provider-id="${ssoId}"]`).click();
      await byId("provider-saved").waitFor();
      expectTrue((await text("provider-saved")).startsWith("Replaced the credentials of “sso”."), `replaced: ${await text("provider-saved")}`);
      const after = await apiGet("/providers");
      expectEq(after.length, before.length, "no second connection was added");
      const sso = after.find((x) => x.id === ssoId);
      expectEq(sso.access_key_id_last4, again.AccessKeyId.slice(-4), "the new keys went to “sso”");
      expectEq(sso.expiry_estimate?.session_hours, SSO_MAX_HOURS, "the preselected session length went with the replacement");
      expectEq(await byId("connect-account").count(), 0, "the form is closed");
    }, { independent: true });

    await step("a re-test of a saved account updates its card's Checked time", async () => {
      const card = byId(`provider-${ssoId}`);
      const checked = card.getByTestId("identity-checked").first();
      const before = await checked.getAttribute("datetime");
      await sleep(1100);
      await card.getByTestId("provider-test").click();
      await card.getByTestId("provider-test-result").waitFor();
      await waitFor("the card's Checked time to move", async () => Date.parse(await checked.getAttribute("datetime")) > Date.parse(before), 10_000);
      // The server kept it: after a reload too.
      await page.reload();
      await card.getByTestId("identity-checked").first().waitFor();
      const kept = await card.getByTestId("identity-checked").first().getAttribute("datetime");
      expectTrue(Date.parse(kept) > Date.parse(before), `the check time after a reload (${before} → ${kept})`);
    }, { independent: true });
    // Issue 11: the access key .csv the IAM console downloads, by file picker and by
    // drag and drop, read in the browser. Long-term AKIA keys: no token, no expiry.
    await step("the access key .csv by file picker and drag and drop: fields filled, the secret shown nowhere", async () => {
      const other = { key: "AKIAFAKEOTHERUSER002", secret: "fakeSecretOtherUser/00000000000000000002" };
      const password = "Console-Pa55word,with\"quote";
      secrets.add(other.secret).add(password);
      const csvFile = (name, text) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
      await page.goto(serve.base + "/settings/provider");
      await byId("add-provider").click();
      const form = byId("new-form");
      // The older wizard's credentials.csv: two users with keys, one console-only, a password.
      const wizard =
        "\uFEFFUser name,Password,Access key ID,Secret access key,Console login link\r\n" +
        `robot,,${other.key},${other.secret},https://${ACCOUNT}.signin.aws.amazon.com/console\r\n` +
        `"auditor","${password.replace(/"/g, '""')}",${AUDITOR.key},${AUDITOR.secret},https://${ACCOUNT}.signin.aws.amazon.com/console\r\n` +
        `viewer,"${password.replace(/"/g, '""')}",,,https://${ACCOUNT}.signin.aws.amazon.com/console\r\n`;
      await form.getByTestId("csv-file").setInputFiles(csvFile("credentials.csv", wizard));
      await byId("csv-choices").waitFor();
      expectTrue((await text("csv-choices")).includes("The file credentials.csv holds 2 access keys"), `asks which key: ${await text("csv-choices")}`);
      const labels = await page.locator('[data-testid="csv-choice"]').allInnerTexts();
      expectEq(labels.join(" | "), `Use ${other.key} — user robot, line 2 | Use ${AUDITOR.key} — user auditor, line 3`, "the keys to choose from");
      expectEq(await byId("field-access-key-id").inputValue(), "", "nothing is filled before a key is picked");
      await shot("settings-csv-choose");
      await page.locator('[data-testid="csv-choice"]', { hasText: AUDITOR.key }).click();
      await byId("paste-info").waitFor();
      expectEq(await byId("field-access-key-id").inputValue(), AUDITOR.key, "the picked key id is filled");
      expectTrue((await byId("field-secret-access-key").inputValue()) === AUDITOR.secret, "its secret is filled (value not printed)");
      expectEq(await byId("field-session-token").inputValue(), "", "long-term keys: no session token");
      expectEq(await byId("field-expires-at").inputValue(), "", "long-term keys: no expiry");
      expectEq(await text("key-kind"), "Long-term IAM user key", "the key is named long-term");
      const info = await text("paste-info");
      expectTrue(info.startsWith(`Filled from the file credentials.csv (user credentials file, line 3): long-term keys ${AUDITOR.key}.`), `what was filled: ${info}`);
      expectTrue(info.includes("console password, which CloudPeek ignores"), `the password is said to be ignored: ${info}`);
      expectEq(await byId("csv-choices").count(), 0, "the choice is gone once made");
      expectEq(await form.getByTestId("csv-file").inputValue(), "", "the file input keeps no file");
      expectEq(await byId("paste-box").inputValue(), "", "the paste box holds nothing");
      const shown = await page.evaluate(() => document.body.innerText);
      for (const s of [AUDITOR.secret, other.secret, password]) expectTrue(!shown.includes(s), "a secret or the password is shown on the page");
      // The keys work: the test names the IAM user.
      await byId("test-connection").click();
      await byId("test-result").waitFor();
      expectTrue((await text("identity-arn")).includes(`${ACCOUNT}:user/auditor`), "the tested identity is the auditor user");
      await shot("settings-csv-filled");

      // Today's file, dropped on the form: fills at once.
      const dropFile = async (name, text) => {
        const dt = await page.evaluateHandle(
          ([n, t]) => {
            const d = new DataTransfer();
            d.items.add(new File([t], n, { type: "text/csv" }));
            return d;
          },
          [name, text],
        );
        await form.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dt });
      };
      await byId("field-access-key-id").fill("");
      await dropFile("auditor_accessKeys.csv", `Access key ID,Secret access key\n${AUDITOR.key},${AUDITOR.secret}\n`);
      await waitFor("the dropped file to fill the key id", async () => (await byId("field-access-key-id").inputValue()) === AUDITOR.key, 5_000);
      expectTrue((await text("paste-info")).includes("the file auditor_accessKeys.csv (access key file, line 2)"), "the dropped file is named");

      // Not an access key file: the credential report, and a file too large to be one.
      await dropFile("status_reports.csv", "user,arn,user_creation_time,password_enabled,access_key_1_active\n<root_account>,arn:aws:iam::111122223333:root,2024-01-01T00:00:00+00:00,not_supported,true\n");
      await byId("paste-error").waitFor();
      expectTrue((await text("paste-error")).includes("The file status_reports.csv is the IAM credential report"), `the report is named: ${await text("paste-error")}`);
      expectTrue((await text("paste-error")).includes("Download .csv file"), "says which file to use instead");
      await form.getByTestId("csv-file").setInputFiles(csvFile("huge.csv", "Access key ID,Secret access key\n" + "x,y\n".repeat(20_000)));
      await waitFor("the size error", async () => (await text("paste-error")).includes("too large"), 5_000);
      expectTrue((await text("paste-error")).includes("The file huge.csv is too large: 80,032 bytes, at most 65,536 (64 KiB)"), `the size is named: ${await text("paste-error")}`);
      await shot("settings-csv-error");
      // Not saved: the auditor's account is connected already.
      await byId("cancel-form").click();
    }, { independent: true });

    // Issue 11: "Add to calendar" downloads an .ics made in the browser: the reminder at
    // the expiry minus the reminder window, the renewal steps, no secret.
    await step("add to calendar: an .ics at the expiry minus the reminder window, with the renewal steps", async () => {
      await page.goto(serve.base + "/settings/provider");
      const sso = (await apiGet("/providers")).find((x) => x.id === ssoId);
      expectTrue(sso && sso.expires_at && sso.reminder_at, `the sso provider has an expiry and a reminder time: ${JSON.stringify(sso)}`);
      expectEq(Date.parse(sso.expires_at) - Date.parse(sso.reminder_at), 30 * 60_000, "reminder_at is the expiry minus the 30-minute window");
      const card = byId(`provider-${ssoId}`);
      await card.getByTestId("provider-calendar").waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), card.getByTestId("provider-calendar").click()]);
      expectEq(download.suggestedFilename(), "cloudpeek-sso-expiry.ics", "the file's name");
      const ics = readFileSync(await download.path(), "utf8");
      expectTrue(ics.endsWith("\r\n") && !/[^\r]\n/.test(ics) && !/\r[^\n]/.test(ics), "every line ends with CRLF");
      for (const l of ics.split("\r\n")) expectTrue(Buffer.byteLength(l, "utf8") <= 75, `a line longer than 75 octets: ${l}`);
      const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
      const prop = (name) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
      const basic = (iso) => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
      expectEq(lines[0], "BEGIN:VCALENDAR", "a calendar");
      expectTrue(lines.includes("BEGIN:VEVENT") && lines.includes("END:VEVENT"), "one event");
      expectEq(prop("DTSTART"), basic(sso.reminder_at), "starts when the reminders start (UTC)");
      expectEq(prop("DTEND"), basic(sso.expires_at), "ends at the expiry (UTC)");
      expectTrue(/^\d{8}T\d{6}Z$/.test(prop("DTSTAMP")), "stamped in UTC");
      expectTrue(prop("UID").startsWith(`expiry-${ssoId}-`), `a UID per provider and expiry: ${prop("UID")}`);
      const unescape = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
      const description = unescape(prop("DESCRIPTION"));
      expectTrue(unescape(prop("SUMMARY")).includes("Renew the AWS credentials of “sso”"), `the summary: ${prop("SUMMARY")}`);
      expectTrue(description.includes(`access key …${sso.access_key_id_last4} (temporary)`), "the key as the page names it");
      expectTrue(description.includes("an estimate"), "the estimated expiry is said to be one");
      expectTrue(sso.renewal_steps.length >= 3, "the server gives the renewal steps");
      sso.renewal_steps.forEach((s, i) => expectTrue(description.includes(`${i + 1}. ${s}`), `renewal step ${i + 1} in the event: ${s}`));
      expectTrue(description.includes(`${serve.base}/settings/provider?provider=${ssoId}`), "a link back to the provider");
      for (const s of secrets) expectTrue(!ics.includes(s), "a secret in the .ics");
      await card.getByTestId("provider-calendar").scrollIntoViewIfNeeded();
      await shot("settings-calendar");
    }, { independent: true });

    // Issue 11, optional part: the reminders as browser notifications while a tab is
    // open, once the user allowed them. The browser's Notification is replaced by a
    // recorder (headless chromium shows none), kept in the tab's sessionStorage.
    await step("browser notifications: allowed on Settings, each reminder announced once", async () => {
      await page.addInitScript(() => {
        const notes = JSON.parse(sessionStorage.getItem("e2e:notes") ?? "[]");
        window.__notes = notes;
        class RecordedNotification {
          static permission = sessionStorage.getItem("e2e:permission") ?? "default";
          static async requestPermission() {
            sessionStorage.setItem("e2e:permission", "granted");
            RecordedNotification.permission = "granted";
            return "granted";
          }
          constructor(title, options) {
            notes.push({ title, body: options?.body ?? "" });
            sessionStorage.setItem("e2e:notes", JSON.stringify(notes));
          }
        }
        window.Notification = RecordedNotification;
      });
      await page.goto(serve.base + "/settings/provider");
      await page.locator("summary", { hasText: "Reminders" }).click();
      await byId("settings-notifications-enable").click();
      await page.getByText("Browser notifications are on", { exact: false }).waitFor();
      await byId("settings-notifications").scrollIntoViewIfNeeded();
      await shot("settings-notifications");
      await page.reload();
      await byId("reminder-expiring").first().waitFor();
      const notes = await waitFor("a notification", async () => {
        const n = await page.evaluate(() => window.__notes);
        return n.length > 0 && n;
      }, 10_000);
      expectTrue(notes.some((n) => n.title === "CloudPeek: the credentials for “prod” expire soon"), `the expiring reminder is announced: ${JSON.stringify(notes)}`);
      for (const s of secrets) expectTrue(!JSON.stringify(notes).includes(s), "a secret in a notification");
      const count = notes.length;
      await page.reload();
      await byId("reminder-expiring").first().waitFor();
      await sleep(500);
      expectEq((await page.evaluate(() => window.__notes)).length, count, "a reload does not announce the same reminder again");
    }, { independent: true });

    // Whatever the steps above left open, the next starts from the menu.
    await page.goto(serve.base + "/");

    await step("expiry banner and blocked scans when fakeaws expires a token", async () => {
      const short = sessionJson(fakeaws, 900);
      secrets.add(short.SecretAccessKey).add(short.SessionToken);
      const at = new Date(Date.now() + 45_000); // long enough to paste and save under load
      const atIso = at.toISOString().replace(/\.\d+Z$/, "Z");
      await setFakeawsFaults({ expire: [{ access_key_id: short.AccessKeyId, at: atIso }] });
      await byId("nav-settings").click();
      await byId("add-provider").click();
      await byId("paste-box").fill(portalExportLines(short, atIso));
      await byId("paste-fill").click();
      await byId("field-label").fill("short-lived");
      await byId("save-provider").click();
      // The account is connected already ("prod", "sso"): warned, then saved as another connection.
      await byId("duplicate-warning").waitFor();
      await byId("save-provider").click();
      await byId("provider-saved").waitFor();
      await waitFor("the token to expire", () => Date.now() > at.getTime() + 1500, 60_000, 250);
      await page.reload();
      await byId("reminder-expired").waitFor();
      expectTrue((await text("reminder-expired")).includes("short-lived"), "the expired banner names the account");
      const steps = await byId("reminder-steps").locator("li").allInnerTexts();
      expectTrue(steps.length >= 2, "the banner lists the renewal steps");
      await byId("provider-expired-note").waitFor();
      for (const s of steps) expectEq(await timesShown(s.trim()), 1, `the renewal step "${s}" is shown once on the settings page`);
      // One name for the section: the steps' "Settings > AWS integration" is the menu item and the page heading.
      const where = /open (.+?) > (.+?),/.exec(steps.join("\n"));
      expectTrue(where !== null, `the steps say where to go: ${steps.join(" / ")}`);
      expectEq(await text("nav-settings"), where[1], "the menu item has the steps' name");
      expectTrue((await page.locator("h1").first().innerText()).includes(where[2]), `the page heading says ${where[2]}`);
      await shot("banner-expired");
      // fakeaws refuses the token too: testing the stored credentials fails.
      const card = page.locator('[data-testid="provider-expired-note"]').locator("xpath=ancestor::section[1]");
      await card.getByTestId("provider-test").click();
      await card.getByTestId("provider-test-failed").waitFor();
      for (const s of steps) expectEq(await timesShown(s.trim()), 1, `the renewal step "${s}" is shown once after the failed test`);
      await byId("nav-scans").click();
      await byId("scan-provider").selectOption({ label: `short-lived (${ACCOUNT})` });
      await byId("scan-blocked-expired").waitFor();
      expectTrue(await byId("start-scan-button").isDisabled(), "Start scan is disabled for expired credentials");
      for (const s of steps) expectEq(await timesShown(s.trim()), 1, `the renewal step "${s}" is shown once on the scans page`);
      // The server refuses too (the button aside): 409 credentials_expired.
      const providerId = await byId("scan-provider").inputValue();
      const refused = await page.evaluate(async (id) => {
        const session = await (await fetch("/api/v1/session")).json();
        const r = await fetch("/api/v1/scans", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrf_token },
          body: JSON.stringify({ provider_id: id }),
        });
        return { status: r.status, body: await r.json() };
      }, providerId);
      expectEq(refused.status, 409, "starting a scan of expired credentials is refused");
      expectTrue(/expired/i.test(refused.body.error.code + refused.body.error.message), "starting a scan is refused: expired");
      await shot("scans-blocked");
    });

    await step("at a phone's 390 px no page scrolls sideways; the menu folds", async () => {
      await page.goto(serve.base + "/inventory");
      await page.locator('[data-testid="resource-link"]').first().waitFor();
      const resourceHref = await page.locator('[data-testid="resource-link"]').first().getAttribute("href");
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        const pages = [
          ["/", "dash-issues-value", "dashboard"],
          ["/findings", "findings-table", "findings"],
          [`/findings/${encodeURIComponent(muted.id)}`, "finding-remediation", "finding"],
          ["/inventory", "resources-table", "inventory"],
          [resourceHref, "resource-raw", "resource"],
          ["/scans", "scan-history", "scans"],
          ["/compliance", "control-row", "compliance"],
          ["/settings/provider", "provider-list", "settings"],
        ];
        const wide = [];
        for (const [path, ready, name] of pages) {
          await page.goto(serve.base + path);
          await byId(ready).first().waitFor();
          await sleep(300); // charts lay out
          if (await scrollsSideways()) {
            const w = await page.evaluate(() => document.documentElement.scrollWidth);
            wide.push(`${path} (${w} px)`);
          }
          if (name === "findings") {
            // Region names on one line: each cell's text is a single line box.
            const lines = await page.$$eval('[data-testid="finding-region"]', (cells) =>
              cells.map((c) => {
                const r = document.createRange();
                r.selectNodeContents(c);
                return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
              }),
            );
            expectTrue(lines.length > 0 && lines.every((n) => n === 1), `region names do not wrap (${lines.join(",")})`);
          }
          await shot(`phone-${name}`);
        }
        // The connect form, with its .csv picker, at 390 px too.
        await page.goto(serve.base + "/settings/provider");
        await byId("add-provider").click();
        await byId("csv-file").waitFor();
        if (await scrollsSideways()) wide.push(`/settings/provider with the form (${await page.evaluate(() => document.documentElement.scrollWidth)} px)`);
        await shot("phone-settings-form");
        expectEq(wide.join(", "), "", "pages that scroll sideways at 390 px");
        // The menu folds behind a button and opens on demand.
        expectTrue(!(await byId("nav-findings").isVisible()), "the menu is folded at 390 px");
        await byId("menu-toggle").click();
        await byId("nav-findings").waitFor({ state: "visible" });
        await shot("phone-menu");
        await byId("nav-findings").click();
        await byId("findings-table").waitFor();
        expectTrue(!(await byId("nav-findings").isVisible()), "the menu folds again after navigating");
      } finally {
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
    }, { independent: true });

    await step("secrets appear nowhere: page HTML, API responses, server output, data directory", async () => {
      const html = await page.content();
      const where = [];
      for (const s of secrets) {
        if (html.includes(s)) where.push("page HTML");
        if (apiBodies.some((b) => b.body.includes(s))) where.push("an API response");
        if (serve.out.stdout.includes(s) || serve.out.stderr.includes(s)) where.push("server output");
        for (const f of walk(serve.data)) if (readFileSync(f).includes(Buffer.from(s))) where.push(`data file ${f}`);
      }
      expectEq(where.join(", "), "", "places where a secret was found");
      expectTrue(apiBodies.length > 20, `API responses were captured (${apiBodies.length})`);
    });

    await step("logout ends the session", async () => {
      await byId("logout").click();
      await byId("login-form").waitFor();
      const status = await page.evaluate(async () => (await fetch("/api/v1/providers")).status);
      expectEq(status, 401, "API after logout");
      await page.goto(serve.base + "/findings");
      await byId("login-form").waitFor();
      expectTrue(page.url().includes("/login"), "protected pages redirect to login");
    });

    await step("no CSP violation or script error on any page", async () => {
      expectEq(pageErrors.join("\n"), "", "page errors");
    });

    await step("no serious or critical accessibility violation (axe-core) on any page", async () => {
      const lines = a11yViolations.map((v) => `${v.page}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(" | ")}`);
      console.log(`  axe-core checked ${titles.length} pages`);
      expectTrue(titles.length >= 20, `axe-core ran on the pages shot (${titles.length})`);
      expectEq(lines.join("\n"), "", "accessibility violations");
    });

    await step("every page has its own document title", async () => {
      const bad = titles.filter((t) => !/^.+ — CloudPeek$/.test(t.title)).map((t) => `${t.name}: "${t.title}"`);
      expectEq(bad.join(", "), "", "pages titled only 'CloudPeek'");
      const byPath = new Map();
      for (const t of titles) {
        const key = t.path.replace(/\/(findings|inventory)\/[^/]+$/, "/$1/:id");
        if (!byPath.has(key)) byPath.set(key, t.title);
      }
      const seen = new Map();
      for (const [path, title] of byPath) {
        expectTrue(!seen.has(title) || seen.get(title) === path || ["/logout", "/login"].includes(path), `${path} and ${seen.get(title)} share the title ${title}`);
        seen.set(title, path);
      }
    });
  } finally {
    await browser.close().catch(() => undefined);
    serve.proc.kill("SIGTERM");
    await waitFor("cloudpeek serve to stop", () => serve.proc.exitCode !== null, 15_000).catch(() => serve.proc.kill("SIGKILL"));
    writeFileSync(join(ARTIFACTS, "serve.log"), scrub(serve.out.stdout + serve.out.stderr, secrets));
  }
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

function scrub(text, secrets) {
  let t = text;
  for (const s of secrets) t = t.split(s).join("[SECRET]");
  return t;
}

main()
  .catch((e) => {
    if (!results.some((r) => !r.ok)) {
      results.push({ name: "start", ok: false, error: e });
      console.log(`[ FAIL ] start: ${e && e.stack ? e.stack : e}`);
    }
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`screenshots: ${ARTIFACTS}`);
    console.log(`${passed} passed, ${failed} failed`);
    rmSync(work, { recursive: true, force: true });
    process.exit(failed || results.length === 0 ? 1 : 0);
  });
