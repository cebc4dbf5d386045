// Many accounts in the browser (issue 11 §3). The run's own server holds one
// AWS account, so these steps start a fakeaws and a `cloudpeek serve` of their
// own, on the insecure scenario plus two near-empty accounts (444455556666
// "quiet", 777788889999 "third"): two accounts scanned, one never; the
// dashboard lists all three worst first (the insecure one, the quiet one, the
// one never scanned) with each one's counts equal to its own dashboard, and CIS
// across the accounts; the findings page filtered to one account through the
// account picker shows only that account's findings; with "Scans at once" set
// to 1 in Settings, a second scan waits as queued in the history and is
// cancelled there. Screenshots accounts-*.png at 1280 px and 390 px.
//
// run_e2e.mjs passes: { page, cloudpeek, step, expectEq, expectTrue, sleep }.
// Alone: node accounts_steps.mjs --cloudpeek build/x/cli/cloudpeek --artifacts DIR

import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { ARTIFACTS, ROOT, apiOf, startOwnServer, waitFor } from "./own_server.mjs";

const INSECURE = join(ROOT, "tests/fakeaws/scenarios/insecure");
const PASSWORD = "e2e-Accounts-Correct-Horse-5";
const KEYS = {
  prod: { key: "AKIAFAKEAUDITOR00001", secret: "fakeSecretAuditor/000000000000000000000001", account: "111122223333" },
  quiet: { key: "AKIAFAKEQUIET0000001", secret: "fakeSecretQuiet/00000000000000000000000001", account: "444455556666" },
  third: { key: "AKIAFAKETHIRD0000001", secret: "fakeSecretThird/00000000000000000000000001", account: "777788889999" },
};

// An account with little in it whose account-level settings are answered.
function quietAccount(id, k) {
  const report =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
    "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
    "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
    "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n" +
    `<root_account>,arn:aws:iam::${id}:root,2019-04-01T08:30:00+00:00,not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n`;
  return {
    regions: { "us-east-1": "opt-in-not-required" },
    identities: { users: [{ name: "auditor", user_id: `AIDA${k.key.slice(4)}`, access_keys: [{ id: k.key, secret: k.secret }] }] },
    services: {
      account: { "*": { GetAlternateContact: { AlternateContact: { AlternateContactType: "SECURITY", EmailAddress: "sec@example.com", Name: "Security", PhoneNumber: "+1-555-0100", Title: "CISO" } } } },
      ec2: { "us-east-1": { GetEbsEncryptionByDefault: { EbsEncryptionByDefault: true } } },
      ecr: { "us-east-1": { GetRegistryScanningConfiguration: { registryId: id, scanningConfiguration: { scanType: "ENHANCED", rules: [] } } } },
      glue: { "*": { GetDataCatalogEncryptionSettings: { DataCatalogEncryptionSettings: { EncryptionAtRest: { CatalogEncryptionMode: "SSE-KMS" }, ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: true } } } } },
      iam: {
        "*": {
          GenerateCredentialReport: { State: "COMPLETE" },
          GetCredentialReport: { Content: report, ReportFormat: "text/csv", GeneratedTime: "2026-11-25T10:00:00Z" },
          GetAccountSummary: { SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } },
          ListEntitiesForPolicy: { PolicyGroups: [], PolicyUsers: [], PolicyRoles: [] },
        },
      },
    },
  };
}

export async function accountsSteps(t) {
  const { page: mainPage, cloudpeek, step, expectEq, expectTrue } = t;
  const work = mkdtempSync(join(tmpdir(), "cloudpeek-e2e-accounts-"));
  const children = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  let page, context, base, serveOut, fakeaws;
  const ids = {};
  const byId = (id) => page.getByTestId(id);
  const shot = async (name) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `accounts-${name}.png`), fullPage: true });
  };
  const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const api = apiOf(() => page);
  const waitScan = (id) =>
    waitFor(`scan ${id} to end`, async () => {
      const s = (await api("GET", `/scans/${id}`)).json;
      return s && s.status !== "queued" && s.status !== "running" && s;
    }, 120_000);
  const rowLabels = () => page.$$eval('[data-testid="account-row"]', (els) => els.map((e) => e.getAttribute("data-label")));

  try {
    await step("accounts: a server of its own with three AWS accounts", async () => {
      const scenario = join(work, "scenario");
      mkdirSync(scenario);
      for (const f of readdirSync(INSECURE).filter((n) => n.endsWith(".json"))) symlinkSync(join(INSECURE, f), join(scenario, f));
      writeFileSync(
        join(scenario, "99-more-accounts.json"),
        JSON.stringify({ accounts: { [KEYS.quiet.account]: quietAccount(KEYS.quiet.account, KEYS.quiet), [KEYS.third.account]: quietAccount(KEYS.third.account, KEYS.third) } }),
      );
      ({ fakeaws, base, serveOut, context, page } = await startOwnServer({
        work, children, cloudpeek, scenario, browserPage: mainPage, password: PASSWORD, what: "three accounts",
        env: { AWS_MAX_ATTEMPTS: "2" },
      }));
      for (const name of ["quiet", "prod", "third"]) {
        const r = await api("POST", "/providers", { label: name, access_key_id: KEYS[name].key, secret_access_key: KEYS[name].secret });
        expectEq(r.status, 201, `provider ${name} saved: ${r.body.slice(0, 300)}`);
        ids[name] = r.json.id;
      }
    });

    await step("accounts: two accounts scanned at once, the third never", async () => {
      const scans = {};
      for (const name of ["quiet", "prod"]) {
        const r = await api("POST", "/scans", { provider_id: ids[name], regions: ["us-east-1"] });
        expectEq(r.status, 202, `scan of ${name} started: ${r.body.slice(0, 300)}`);
        scans[name] = r.json.id;
      }
      for (const name of ["quiet", "prod"]) {
        const s = await waitScan(scans[name]);
        expectTrue(s.status === "succeeded" || s.status === "partial", `the scan of ${name} ran to its end (${s.status}: ${s.reason})`);
      }
    });

    await step("accounts: the dashboard lists every account worst first, each with its own counts", async () => {
      await page.goto(base + "/");
      await byId("accounts-table").waitFor();
      expectEq(JSON.stringify(await rowLabels()), JSON.stringify(["prod", "quiet", "third"]), "worst first: the insecure account, the quiet one, the one never scanned");
      expectEq(await byId("accounts-monitored-value").innerText(), "3", "accounts monitored");
      for (const name of ["prod", "quiet"]) {
        const d = (await api("GET", `/dashboard?provider_id=${ids[name]}`)).json;
        const row = page.locator(`[data-testid="account-row"][data-provider-id="${ids[name]}"]`);
        const issues = (await row.getByTestId("account-issues").innerText()).replace(/\s+/g, " ").trim();
        const crit = d.by_severity.critical ?? 0;
        const high = d.by_severity.high ?? 0;
        if (crit) expectTrue(issues.includes(`critical ${crit}`) || issues.includes(`${crit}`), `${name}: ${crit} critical shown (got "${issues}")`);
        if (high) expectTrue(issues.includes(`high ${high}`), `${name}: ${high} high shown (got "${issues}")`);
        expectTrue(/\d+%/.test(await row.getByTestId("account-compliance").innerText()), `${name}: a compliance figure`);
        expectTrue(/complete|partial/.test(await row.getByTestId("account-last-scan").innerText()), `${name}: its last scan`);
      }
      const third = page.locator(`[data-testid="account-row"][data-provider-id="${ids.third}"]`);
      expectEq((await third.getByTestId("account-last-scan").innerText()).trim(), "never scanned", "the third account says it was never scanned");
      expectEq((await third.getByTestId("account-compliance").innerText()).trim(), "—", "no compliance figure for an account never scanned");
      const ctl = page.locator('[data-testid="org-cis-control"]').first();
      expectTrue(/fails in \d of 2 accounts/.test(await ctl.innerText()), `CIS across accounts says in how many accounts a control fails: ${await ctl.innerText()}`);
      expectTrue(!(await scrollsSideways()), "the page does not scroll sideways at 1280 px");
      await shot("dashboard-1280");
      await byId("accounts-table-card").screenshot({ path: join(ARTIFACTS, "accounts-table-1280.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await byId("accounts-table").waitFor();
      expectTrue(!(await scrollsSideways()), "the page does not scroll sideways at 390 px (the table scrolls in its box)");
      await shot("dashboard-390");
      await page.screenshot({ path: join(ARTIFACTS, "accounts-dashboard-390-top.png") });
      await byId("accounts-table-card").screenshot({ path: join(ARTIFACTS, "accounts-table-390.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("accounts: one account's dashboard through the picker", async () => {
      await page.goto(base + "/");
      await byId("account-picker").selectOption(`p:${ids.quiet}`);
      await page.waitForURL(new RegExp(`provider_id=${ids.quiet}`));
      await byId("dash-issues").waitFor();
      expectEq(await byId("accounts-table").count(), 0, "one account: its own dashboard, no accounts table");
      await shot("dashboard-one-account");
    });

    await step("accounts: findings filtered by account show only that account's", async () => {
      await page.goto(base + "/findings");
      await byId("findings-filters").waitFor();
      await byId("filter-provider").selectOption(`p:${ids.quiet}`);
      await page.waitForURL(new RegExp(`provider_id=${ids.quiet}`));
      const quiet = (await api("GET", `/findings?provider_id=${ids.quiet}&page_size=500`)).json.items;
      const prod = (await api("GET", `/findings?provider_id=${ids.prod}&page_size=500`)).json.items;
      expectTrue(quiet.length > 0 && quiet.every((f) => f.account === KEYS.quiet.account), "the API's findings for the quiet provider are its account's");
      const quietIds = new Set(quiet.map((f) => f.id));
      const prodIds = new Set(prod.map((f) => f.id));
      const shownIds = () => page.$$eval('[data-testid="finding-row"]', (els) => els.map((e) => e.getAttribute("data-finding-id")));
      // The list re-renders once the filtered page has come: wait for it, then judge it.
      const shown = await waitFor("the quiet account's findings only", async () => {
        const ids = await shownIds();
        return ids.length > 0 && ids.every((id) => quietIds.has(id)) && ids;
      }, 20_000);
      expectTrue(!shown.some((id) => prodIds.has(id)), "no finding of the insecure account is shown");
      expectEq(await page.locator('[data-testid="filter-provider"] option:checked').innerText(), `quiet · ${KEYS.quiet.account}`, "the picker names the account shown");
      await shot("findings-one-account-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await byId("findings-filters").waitFor();
      expectTrue(!(await scrollsSideways()), "findings at 390 px do not scroll sideways");
      await shot("findings-one-account-390");
      await page.screenshot({ path: join(ARTIFACTS, "accounts-findings-one-account-390-top.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("accounts: with one scan at a time a second waits queued and is cancelled from the history", async () => {
      await page.goto(base + "/settings/provider");
      await page.getByText("Scans at once").click();
      await byId("settings-concurrency").fill("1");
      await byId("settings-concurrency-save").click();
      await page.getByText("Saved.").first().waitFor();
      expectEq((await api("GET", "/settings")).json.max_concurrent_scans, 1, "the setting is kept");
      // Slow AWS: the first scan keeps the only slot long enough to look.
      await fetch(`${fakeaws}/__fakeaws/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ latency_ms: 300 }) });
      const first = (await api("POST", "/scans", { provider_id: ids.prod, regions: ["us-east-1"] })).json;
      const second = (await api("POST", "/scans", { provider_id: ids.third, regions: ["us-east-1"] })).json;
      expectEq(second.status, "queued", "the second scan waits");
      await page.goto(base + "/scans");
      const row = page.locator(`[data-testid="scan-row"][data-scan-id="${second.id}"]`);
      await row.waitFor();
      expectEq(await row.getAttribute("data-status"), "queued", "the history shows it queued");
      expectEq((await row.getByTestId("scan-account").innerText()).trim(), `third · ${KEYS.third.account}`, "each history row names its account");
      const running = page.locator(`[data-testid="scan-row"][data-scan-id="${first.id}"]`);
      await waitFor("the history to show the first scan running", async () => (await running.getAttribute("data-status")) === "running", 20_000);
      await shot("scans-queued");
      await row.getByTestId("cancel-queued-scan").click();
      await waitFor("the queued scan to end cancelled", async () => (await row.getAttribute("data-status")) === "interrupted", 20_000);
      expectTrue((await row.innerText()).includes("while queued"), "its reason says it was cancelled while queued");
      await fetch(`${fakeaws}/__fakeaws/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      await api("POST", `/scans/${first.id}/cancel`);
      await waitScan(first.id);
    });

    await step("accounts: no secret in the server's output", async () => {
      for (const k of Object.values(KEYS)) expectTrue(!serveOut.text.includes(k.secret), "no scenario secret is logged");
    });
  } finally {
    await context?.close().catch(() => undefined);
    stopAll();
  }
}

// Alone, for development: its own browser and a minimal step runner.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await (await browser.newContext()).newPage();
  let failed = 0;
  const step = async (name, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`[ PASS ] ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`[ FAIL ] ${name}: ${e && e.stack ? e.stack : e}`);
      throw e;
    }
  };
  const expectEq = (a, b, what) => {
    if (a !== b) throw new Error(`${what}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`);
  };
  const expectTrue = (c, what) => {
    if (!c) throw new Error(what);
  };
  try {
    await accountsSteps({ page, cloudpeek: resolve(arg("cloudpeek", join(ROOT, "build/test/cli/cloudpeek"))), step, expectEq, expectTrue });
  } catch {}
  await browser.close();
  process.exit(failed ? 1 : 0);
}
