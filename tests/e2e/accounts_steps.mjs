// Many accounts in the browser (issue 11 §3). The run's own server holds one
// AWS account, so these steps start a fakeaws and a `cloudpeek serve` of their
// own, on the insecure scenario plus two near-empty accounts (444455556666
// "quiet", 777788889999 "third"): two accounts scanned, one never; the
// dashboard lists all three worst first (the insecure one, the quiet one, the
// one never scanned) with each one's counts equal to its own dashboard, and CIS
// across the accounts; the findings page filtered to one account through the
// account picker shows only that account's findings; with "Scans at once" set
// to 1 in Settings, a second scan waits as queued in the history and is
// cancelled there; /iam switches from one account to another through its
// account picker (one account at a time, no "All accounts"). Then a second
// server on fakeaws's organization scenario (20 members in nested OUs), three
// members scanned (two in Root/Workloads/Prod, one in Root/Sandbox): the
// findings page with the OU Root/Workloads picked lists only its accounts'
// findings, each row naming its account; /iam with an OU asks which of its
// accounts, then analyses the one picked. Screenshots accounts-*.png at
// 1280 px and 390 px.
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
    await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, `accounts-${name}.png`), fullPage: true });
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
      await byId("accounts-table-card").screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-table-1280.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await byId("accounts-table").waitFor();
      expectTrue(!(await scrollsSideways()), "the page does not scroll sideways at 390 px (the table scrolls in its box)");
      await shot("dashboard-390");
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-dashboard-390-top.png") });
      await byId("accounts-table-card").screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-table-390.png") });
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
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-findings-one-account-390-top.png") });
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

    await step("accounts: /iam analyses one account at a time and switches account through its picker", async () => {
      const pick = async (id) => {
        await byId("iam-account").selectOption(`p:${id}`);
        await page.waitForURL(new RegExp(`/iam\\?provider_id=${id}$`));
      };
      const checked = () => page.locator('[data-testid="iam-account"] option:checked').innerText();
      await page.goto(`${base}/iam?provider_id=${ids.prod}`);
      await waitFor("the prod account's IAM", async () => (await byId("iam-scan").count()) && /111122223333/.test(await byId("iam-scan").innerText()), 60_000);
      const options = await page.$$eval('[data-testid="iam-account"] option', (els) => els.map((e) => e.textContent));
      expectTrue(!options.includes("All accounts"), `no "All accounts" on /iam (the IAM graph is per account): ${options.join(" | ")}`);
      expectEq(options.length, 3, "every account is offered");
      // The quiet account's scan read no IAM user or role: its page says so, naming its own scan, and nothing of prod stays.
      const quietScan = (await api("GET", `/scans?provider_id=${ids.quiet}&page_size=1`)).json.items[0];
      await pick(ids.quiet);
      await byId("iam-not-collected").waitFor();
      expectEq(await checked(), `quiet · ${KEYS.quiet.account}`, "the picker names the account analysed");
      expectTrue((await byId("iam-not-collected").innerText()).includes(`scan (${quietScan.id},`), "the answer is about the quiet account's own scan");
      expectEq(await byId("iam-principals-table").count(), 0, "prod's principals are not left under the quiet account's name");
      const outsidePicker = await page.evaluate(() => {
        const main = document.querySelector('[data-testid="page-iam"]').cloneNode(true);
        main.querySelectorAll("select").forEach((e) => e.remove());
        return main.textContent;
      });
      expectTrue(!outsidePicker.includes("111122223333"), "nothing of the insecure account is left on the page (its picker option aside)");
      expectEq(await byId("iam-scan").count(), 0, "no scan line of another account");
      await shot("iam-switched-1280");
      // And back to prod through the picker.
      await pick(ids.prod);
      await waitFor("prod's IAM again", async () => (await byId("iam-scan").count()) && /111122223333/.test(await byId("iam-scan").innerText()), 60_000);
      expectEq(await checked(), `prod · ${KEYS.prod.account}`, "the picker names prod");
      expectEq(await byId("iam-not-collected").count(), 0, "the quiet account's answer is gone");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await byId("iam-scan").waitFor();
      expectTrue(!(await scrollsSideways()), "/iam at 390 px does not scroll sideways");
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-iam-390-top.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("accounts: no secret in the server's output", async () => {
      for (const k of Object.values(KEYS)) expectTrue(!serveOut.text.includes(k.secret), "no scenario secret is logged");
    });
  } finally {
    await context?.close().catch(() => undefined);
    stopAll();
  }
  await ouSteps(t);
}

// The organization: OUs on the findings page and on /iam (issue 11 §3, "every
// page filters by account and by OU"), on a server of its own.
const ORG_SCENARIO = join(ROOT, "tests/fakeaws/scenarios/organization.json");
const ORG_ADMIN = { key: "AKIAFAKEORGADMIN0001", secret: "fakeSecretOrgAdmin/000000000000000000000001" };
const MEMBERS = { "222200000005": "Root/Workloads/Prod", "222200000006": "Root/Workloads/Prod", "222200000015": "Root/Sandbox" };

async function ouSteps(t) {
  const { page: mainPage, cloudpeek, step, expectEq, expectTrue } = t;
  const work = mkdtempSync(join(tmpdir(), "cloudpeek-e2e-ous-"));
  const children = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  let page, context, base;
  const byId = (id) => page.getByTestId(id);
  const shot = async (name) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, `accounts-${name}.png`), fullPage: true });
  };
  const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const api = apiOf(() => page);
  const member = {}; // AWS account id -> { provider_id, label }

  try {
    await step("accounts by OU: a server of its own on the organization, three members scanned", async () => {
      ({ base, context, page } = await startOwnServer({
        work, children, cloudpeek, scenario: ORG_SCENARIO, browserPage: mainPage, password: PASSWORD, what: "organization OUs",
        env: { AWS_MAX_ATTEMPTS: "2" },
      }));
      const mgmt = await api("POST", "/providers", { label: "management", access_key_id: ORG_ADMIN.key, secret_access_key: ORG_ADMIN.secret });
      expectEq(mgmt.status, 201, `the management account's provider: ${mgmt.body.slice(0, 300)}`);
      const org = await api("POST", "/organizations", { provider_id: mgmt.json.id, role_name: "CloudPeekAudit", external_id: "cloudpeek-ext-7f3a9c2e" });
      expectEq(org.status, 201, `the organization is connected: ${org.body.slice(0, 300)}`);
      for (const a of org.json.accounts)
        if (MEMBERS[a.account_id] && a.member) {
          expectEq(a.ou_path, MEMBERS[a.account_id], `${a.account_id}'s OU`);
          member[a.account_id] = a.member.provider_id;
        }
      expectEq(Object.keys(member).length, 3, "the three members are providers");
      const scans = [];
      for (const pid of Object.values(member)) {
        const r = await api("POST", "/scans", { provider_id: pid, regions: ["us-east-1"] });
        expectEq(r.status, 202, `scan started: ${r.body.slice(0, 300)}`);
        scans.push(r.json.id);
      }
      for (const id of scans) {
        const s = await waitFor(`scan ${id} to end`, async () => {
          const j = (await api("GET", `/scans/${id}`)).json;
          return j && j.status !== "queued" && j.status !== "running" && j;
        }, 180_000);
        expectTrue(s.status === "succeeded" || s.status === "partial", `scan ${id} ran to its end (${s.status}: ${s.reason})`);
      }
    });

    await step("accounts by OU: findings with the OU Root/Workloads picked are its accounts' only, each row naming its account", async () => {
      const scopes = (await api("GET", "/accounts/scopes")).json;
      const labelOf = new Map(scopes.accounts.map((a) => [a.provider_id, a]));
      const inOu = new Set(Object.entries(member).filter(([acct]) => MEMBERS[acct].startsWith("Root/Workloads/")).map(([, pid]) => pid));
      const want = new Set();
      for (const pid of inOu) for (const f of (await api("GET", `/findings?status=open&provider_id=${pid}&page_size=500`)).json.items) want.add(f.id);
      const sandbox = new Set((await api("GET", `/findings?status=open&provider_id=${member["222200000015"]}&page_size=500`)).json.items.map((f) => f.id));
      expectTrue(want.size > 0 && sandbox.size > 0, `both OUs have open findings (${want.size}, ${sandbox.size})`);

      await page.goto(base + "/findings");
      await byId("findings-filters").waitFor();
      await byId("filter-provider").locator('option[value="ou:Root/Workloads"]').waitFor({ state: "attached" });
      await byId("filter-provider").selectOption("ou:Root/Workloads");
      await page.waitForURL(/ou=Root%2FWorkloads/);
      const total = (await api("GET", "/findings?status=open&ou=Root%2FWorkloads")).json.total;
      expectEq(total, want.size, "the API's total for the OU is its accounts' findings together");
      const rows = await waitFor("the OU's findings only", async () => {
        const r = await page.$$eval('[data-testid="finding-row"]', (els) =>
          els.map((e) => ({ id: e.getAttribute("data-finding-id"), account: e.querySelector('[data-testid="finding-account"]')?.textContent ?? null })),
        );
        return r.length > 0 && r.every((x) => want.has(x.id)) && r;
      }, 20_000);
      expectTrue(!rows.some((r) => sandbox.has(r.id)), "no finding of the Sandbox account is shown");
      expectEq((await byId("findings-total").innerText()).trim(), `${total} finding${total === 1 ? "" : "s"}`, "the count is the OU's");
      const ouAccounts = [...inOu].map((pid) => labelOf.get(pid).account_id);
      expectTrue(
        rows.every((r) => r.account && ouAccounts.some((id) => r.account.includes(id)) && !r.account.includes("222200000015")),
        `each row names one of the OU's accounts: ${[...new Set(rows.map((r) => r.account))].join(", ")}`,
      );
      await byId("findings-table").screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-findings-ou-table-1280.png") });
      expectEq(new Set(rows.map((r) => r.account)).size, 2, "rows of both of the OU's scanned accounts are on the page");
      const n = scopes.ous.find((o) => o.path === "Root/Workloads").accounts;
      expectEq(n, 10, "Root/Workloads counts the accounts of Prod and Dev");
      expectEq(await page.locator('[data-testid="filter-provider"] option:checked').innerText(), `OU Root/Workloads (${n} accounts)`, "the picker names the OU");
      expectTrue(!(await scrollsSideways()), "findings by OU at 1280 px do not scroll sideways");
      await shot("findings-ou-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await byId("finding-account").first().waitFor();
      expectTrue(!(await scrollsSideways()), "findings by OU at 390 px do not scroll sideways (the table scrolls in its box)");
      await shot("findings-ou-390");
      await byId("findings-filters").scrollIntoViewIfNeeded();
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-findings-ou-390-top.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("accounts by OU: compliance with the OU Root/Workloads picked rolls up its accounts, and exports that scope", async () => {
      // Resources judged, summed over the controls' checks: the OU's are fewer than every account's.
      const judged = (j) => j.controls.reduce((a, c) => a + c.results.reduce((b, r) => b + r.pass + r.fail, 0), 0);
      const allJ = (await api("GET", "/compliance?framework=aws-fsbp")).json;
      const ouJ = (await api("GET", "/compliance?framework=aws-fsbp&ou=Root%2FWorkloads")).json;
      const ou = ouJ.totals;
      expectTrue(judged(ouJ) > 0 && judged(ouJ) < judged(allJ), `the OU's roll-up covers its accounts only (${judged(ouJ)} of ${judged(allJ)} results)`);
      expectTrue(ou.pass + ou.fail > 0, `the OU's accounts have assessed controls (${JSON.stringify(ou)})`);
      await page.goto(base + "/compliance?framework=aws-fsbp");
      await byId("compliance-count-fail-value").waitFor();
      await byId("account-picker").locator('option[value="ou:Root/Workloads"]').waitFor({ state: "attached" });
      await byId("account-picker").selectOption("ou:Root/Workloads");
      await page.waitForURL(/\/compliance\?framework=aws-fsbp&ou=Root%2FWorkloads$/);
      await waitFor("the OU's counts", async () => (await byId("compliance-count-fail-value").innerText()).trim() === String(ou.fail) &&
        (await byId("compliance-count-pass-value").innerText()).trim() === String(ou.pass), 20_000);
      expectEq(await page.locator('[data-testid="account-picker"] option:checked').innerText(), "OU Root/Workloads (10 accounts)", "the picker names the OU");
      const csv = await byId("compliance-export-csv").getAttribute("href");
      expectEq(csv, "/api/v1/compliance?framework=aws-fsbp&ou=Root%2FWorkloads&format=csv", "the CSV export is of the OU too");
      await shot("compliance-ou-1280");
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-compliance-ou-top-1280.png") });
      await page.setViewportSize({ width: 390, height: 844 });
      await byId("compliance-count-fail-value").waitFor();
      expectTrue(!(await scrollsSideways()), "compliance by OU at 390 px does not scroll sideways");
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-compliance-ou-top-390.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("accounts by OU: /iam with an OU asks which of its accounts, then analyses the one picked", async () => {
      await page.goto(base + "/iam");
      await byId("iam-account").waitFor();
      await byId("iam-account").locator('option[value="ou:Root/Workloads/Prod"]').waitFor({ state: "attached" });
      await byId("iam-account").selectOption("ou:Root/Workloads/Prod");
      await page.waitForURL(/\/iam\?ou=Root%2FWorkloads%2FProd$/);
      await byId("iam-choose-account").waitFor();
      expectEq(await byId("iam-principals-table").count(), 0, "no IAM table while no account is chosen");
      expectEq(await byId("iam-not-collected").count(), 0, "no answer of the account shown before (the management account's) under the OU");
      const links = byId("iam-choose-link");
      await waitFor("the OU's accounts listed", async () => (await links.count()) === 5, 10_000);
      await shot("iam-choose-account-1280");
      await page.setViewportSize({ width: 390, height: 844 });
      expectTrue(!(await scrollsSideways()), "the account choice at 390 px does not scroll sideways");
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "accounts-iam-choose-account-390.png") });
      await page.setViewportSize({ width: 1280, height: 900 });
      const web = page.locator(`[data-testid="iam-choose-link"][data-provider-id="${member["222200000006"]}"]`);
      await web.click();
      await page.waitForURL(new RegExp(`/iam\\?provider_id=${member["222200000006"]}$`));
      expectTrue((await page.locator('[data-testid="iam-account"] option:checked').innerText()).startsWith("prod-web"), "the picker names the account analysed");
      // The organization scenario's members hold no IAM users or roles: the answer is about prod-web's own scan.
      const webScan = (await api("GET", `/scans?provider_id=${member["222200000006"]}&page_size=1`)).json.items[0];
      await byId("iam-not-collected").waitFor();
      expectTrue((await byId("iam-not-collected").innerText()).includes(`scan (${webScan.id},`), "/iam answers for prod-web's own scan");
      expectEq(await byId("iam-choose-account").count(), 0, "the choice is gone once an account is picked");
      await shot("iam-ou-account-1280");
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
    const i = process.argv.indexOf("--cloudpeek");
    const cloudpeek = resolve(i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : join(ROOT, "build/test/cli/cloudpeek"));
    await accountsSteps({ page, cloudpeek, step, expectEq, expectTrue });
  } catch (e) {
    if (!failed) {
      failed++;
      console.log(`[ FAIL ] ${e && e.stack ? e.stack : e}`);
    }
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
}
