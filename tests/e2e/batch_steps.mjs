// Organization-wide scans on /scans in the browser (issue 11 §3: "one progress
// view per organization scan and per account, cancellable"), on a server of
// their own on fakeaws's organization scenario (20 members in nested OUs;
// sandbox-bob 222200000016 in Root/Sandbox has no audit role). Start a scan of
// the OU Root/Sandbox from the "AWS account" select: the batch card follows it
// to done with one row per member scanned and sandbox-bob listed as not scanned
// with its reason (never a result), its results equal to the API's; the history
// links each member's scan to the card; the list of organization scans shows
// it. Then, with Settings' scans at once = 1, a whole-organization batch is
// started and "Cancel all" cancels what had not ended, saying how many.
// Screenshots batch-*.png at 1280 and 390 px, and axe-core on each.
//
// run_e2e.mjs passes: { page, cloudpeek, step, expectEq, expectTrue, sleep }.
// Alone: node batch_steps.mjs --cloudpeek build/x/cli/cloudpeek --artifacts DIR

import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { ARTIFACTS, ROOT, apiOf, startOwnServer, waitFor } from "./own_server.mjs";

const SCENARIO = join(ROOT, "tests/fakeaws/scenarios/organization.json");
const ORG_ADMIN = { key: "AKIAFAKEORGADMIN0001", secret: "fakeSecretOrgAdmin/000000000000000000000001" };
const DEPLOYED_EXTERNAL_ID = "cloudpeek-ext-7f3a9c2e";
const PASSWORD = "e2e-Batch-Correct-Horse-9";
const BOB = "222200000016"; // Root/Sandbox, no audit role
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function batchSteps(t) {
  const { page: mainPage, cloudpeek, step, expectEq, expectTrue } = t;
  const work = mkdtempSync(join(tmpdir(), "cloudpeek-e2e-batch-"));
  const children = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  let page, context, base, serveOut, fakeaws;
  let orgId = "";
  let ouBatchId = "";
  const byId = (id) => page.getByTestId(id);
  const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const api = apiOf(() => page);
  // Every screenshot is checked by axe-core: no serious or critical violation.
  const shot = async (name, fullPage = true) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, `batch-${name}.png`), fullPage });
    if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(AXE_SOURCE);
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    expectEq(found.join("; "), "", `axe-core on batch-${name}`);
  };
  const atPhone = async (name, fn) => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      if (fn) await fn();
      expectTrue(!(await scrollsSideways()), `${name} at 390 px does not scroll sideways`);
      // The window (the whole page is ten screens of history at 390 px), then the card alone.
      await shot(`${name}-390`, false);
      await byId("batch-card").screenshot({ timeout: 60_000, path: join(ARTIFACTS, `batch-${name}-390-card.png`) });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  };
  const setFaults = async (doc) => {
    const r = await fetch(`${fakeaws}/__fakeaws/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(doc) });
    expectTrue(r.ok, `fakeaws accepted the faults ${JSON.stringify(doc)}`);
  };
  const cardStatus = () => byId("batch-card").getAttribute("data-status");
  const rowsOf = () =>
    page.$$eval('[data-testid="batch-scan-row"]', (els) =>
      els.map((e) => ({ id: e.getAttribute("data-scan-id"), status: e.getAttribute("data-status"), account: e.getAttribute("data-account-id") })),
    );

  try {
    await step("organization scans: a server of its own on the organization, connected through the management account", async () => {
      ({ fakeaws, base, serveOut, context, page } = await startOwnServer({
        work, children, cloudpeek, scenario: SCENARIO, browserPage: mainPage, password: PASSWORD, what: "organization scans",
        env: { AWS_MAX_ATTEMPTS: "2" },
      }));
      const mgmt = await api("POST", "/providers", { label: "management", access_key_id: ORG_ADMIN.key, secret_access_key: ORG_ADMIN.secret });
      expectEq(mgmt.status, 201, `the management account's provider: ${mgmt.body.slice(0, 300)}`);
      const org = await api("POST", "/organizations", { provider_id: mgmt.json.id, role_name: "CloudPeekAudit", external_id: DEPLOYED_EXTERNAL_ID });
      expectEq(org.status, 201, `the organization is connected: ${org.body.slice(0, 300)}`);
      orgId = org.json.id;
    });

    await step("organization scans: an OU scan from /scans reaches done, one row per member, the role-less member not scanned with its reason", async () => {
      const scopes = (await api("GET", "/accounts/scopes")).json;
      const sandbox = scopes.ous.find((o) => o.path === "Root/Sandbox");
      await page.goto(base + "/scans");
      await byId("start-scan").waitFor();
      const option = byId("scan-provider").locator('option[value="ou:Root/Sandbox"]');
      await option.waitFor({ state: "attached" });
      expectEq((await option.innerText()).trim(), `OU Root/Sandbox — ${sandbox.accounts} accounts`, "the OU is offered with the API's count");
      await byId("scan-provider").selectOption("ou:Root/Sandbox");
      await byId("scan-region-us-east-1").check();
      expectEq((await byId("start-scan-button").innerText()).trim(), "Start organization scan", "the button says what starts");
      await byId("start-scan-button").click();
      await page.waitForURL(/\/scans\?batch=/);
      ouBatchId = new URL(page.url()).searchParams.get("batch");
      // The card of the batch started (a placeholder shows while it loads).
      await page.locator(`[data-testid="batch-card"][data-batch-id="${ouBatchId}"]`).waitFor();
      const name = await byId("batch-progress").getAttribute("aria-label");
      expectTrue(/^Progress of .+/.test(name ?? ""), `the overall bar has an accessible name: ${name}`);
      await waitFor("the batch to be done", async () => (await cardStatus()) === "done", 240_000);
      const b = (await api("GET", `/scan-batches/${ouBatchId}`)).json;
      expectEq(b.status, "done", "the API says done too");
      expectEq(b.regions.join(","), "us-east-1", "the region chosen was sent");
      const rows = await waitFor("a row per scan", async () => {
        const r = await rowsOf();
        return r.length === b.scans.length && r.every((x) => x.status !== "queued" && x.status !== "running") && r;
      }, 20_000);
      expectEq(JSON.stringify(rows.map((r) => r.id).sort()), JSON.stringify(b.scans.map((s) => s.id).sort()), "one row per member scanned");
      expectTrue(rows.length >= 1 && !rows.some((r) => r.account === BOB), `sandbox-bob has no scan row (${rows.map((r) => r.account).join(", ")})`);
      const bob = b.skipped.find((k) => k.account_id === BOB);
      expectTrue(!!bob, `the API skipped sandbox-bob: ${JSON.stringify(b.skipped)}`);
      const shown = await page.locator(`[data-testid="batch-skipped-row"][data-account-id="${BOB}"]`).innerText();
      expectTrue(shown.includes("sandbox-bob") && shown.includes(bob.reason) && shown.includes("not scanned"), `sandbox-bob listed with its reason: ${shown}`);
      if (bob.advice) expectTrue(shown.includes(bob.advice), `and what to do: ${shown}`);
      expectEq(rows.length + b.skipped.length, sandbox.accounts, "every account of the OU is a row or named as not scanned");
      const line = (await byId("batch-progress-text").innerText()).trim();
      expectTrue(line.startsWith(`${rows.length} of ${b.accounts} account`), `the line: ${line}`);
      const c = b.counts;
      const results = (await byId("batch-results").innerText()).trim();
      expectTrue(
        results.includes(`${c.FAIL ?? 0} failing · ${c.PASS ?? 0} passing · ${c.NOT_ASSESSED ?? 0} not assessed · ${c.MANUAL ?? 0} manual`),
        `the summed results are the API's (${JSON.stringify(c)}): ${results}`,
      );
      expectEq(await byId("batch-cancel-all").count(), 0, "nothing to cancel once done");
      expectTrue(!(await scrollsSideways()), "the card at 1280 px does not scroll sideways");
      await shot("ou-done-1280");
      await byId("batch-card").screenshot({ timeout: 60_000, path: join(ARTIFACTS, "batch-ou-card-1280.png") });
      await atPhone("ou-done", async () => {
        await page.reload();
        await byId("batch-scan-row").first().waitFor();
      });
    });

    await step("organization scans: the history links a member's scan to its batch, the list shows the batch", async () => {
      await page.goto(base + "/scans");
      await byId("batch-list").waitFor();
      const row = page.locator(`[data-testid="batch-row"][data-batch-id="${ouBatchId}"]`);
      expectEq(await row.getAttribute("data-status"), "done", "the list says done");
      const b = (await api("GET", `/scan-batches/${ouBatchId}`)).json;
      const member = b.scans[0];
      const hist = page.locator(`[data-testid="scan-row"][data-scan-id="${member.id}"]`);
      await hist.waitFor();
      const link = hist.getByTestId("scan-batch").getByRole("link");
      expectEq((await link.innerText()).trim(), b.label, "the history row names its batch");
      await link.click();
      await page.waitForURL(new RegExp(`/scans\\?batch=${ouBatchId}$`));
      await byId("batch-scan-row").first().waitFor();
      expectEq(await byId("batch-card").getAttribute("data-batch-id"), ouBatchId, "the link opens that batch's card");
      await shot("history-1280");
    });

    await step("organization scans: with the live stream down the card says so and follows the batch by polling to its end", async () => {
      await page.route("**/api/v1/scan-batches/*/events", (route) => route.abort());
      try {
        await page.goto(base + "/scans");
        await byId("scan-provider").locator('option[value="ou:Root/Workloads/Prod"]').waitFor({ state: "attached" });
        await byId("scan-provider").selectOption("ou:Root/Workloads/Prod");
        await byId("scan-region-us-east-1").check();
        await byId("start-scan-button").click();
        await page.waitForURL(/\/scans\?batch=/);
        const id = new URL(page.url()).searchParams.get("batch");
        const said = (await byId("batch-stream-error").innerText({ timeout: 20_000 })).trim();
        expectTrue(said.startsWith("Lost the live connection; reconnecting"), `the card says the stream is down: ${said}`);
        await waitFor("the batch to be done (by polling)", async () => (await cardStatus()) === "done", 240_000);
        const b = (await api("GET", `/scan-batches/${id}`)).json;
        const rows = await rowsOf();
        expectEq(JSON.stringify(rows.map((r) => r.status).sort()), JSON.stringify(b.scans.map((s) => s.status).sort()), "the rows end as the API's scans did");
        expectEq(await byId("batch-stream-error").count(), 0, "no stream warning once the batch has ended");
      } finally {
        await page.unroute("**/api/v1/scan-batches/*/events");
      }
    });

    await step("organization scans: an OU whose every account is busy or unreachable starts nothing and says why, account by account", async () => {
      expectEq((await api("PUT", "/settings", { max_concurrent_scans: 1 })).status, 200, "scans at once = 1");
      await setFaults({ latency_ms: 300 });
      let first = "";
      try {
        const r = await api("POST", "/scan-batches", { ou: "Root/Sandbox", regions: ["us-east-1"] });
        expectEq(r.status, 202, `a first batch of Root/Sandbox: ${r.body.slice(0, 200)}`);
        first = r.json.id;
        const total = (await api("GET", "/scan-batches")).json.total;
        await page.goto(base + "/scans");
        await byId("scan-provider").locator('option[value="ou:Root/Sandbox"]').waitFor({ state: "attached" });
        await byId("scan-provider").selectOption("ou:Root/Sandbox");
        await byId("scan-region-us-east-1").check();
        await byId("start-scan-button").click();
        await byId("start-scan-error").waitFor();
        const err = (await byId("start-scan-error").innerText()).trim();
        expectTrue(err.includes("can be scanned now"), `the refusal says nothing could be scanned: ${err}`);
        const rows = byId("start-scan-skipped").getByTestId("batch-skipped-row");
        const texts = await rows.allInnerTexts();
        expectEq(texts.length, r.json.accounts + r.json.skipped.length, `every account of the OU is named: ${texts.join(" | ")}`);
        expectTrue(texts.filter((x) => x.includes("already queued or running")).length === r.json.accounts, "the busy ones say their scan is already queued or running");
        expectTrue(texts.some((x) => x.includes("sandbox-bob") && x.includes("not reachable")), "sandbox-bob says it is not reachable");
        expectEq((await api("GET", "/scan-batches")).json.total, total, "no batch was made");
        expectEq(await byId("batch-card").getAttribute("data-batch-id"), first, "the card shown is still the first batch");
        await shot("ou-nothing-to-scan-1280");
      } finally {
        if (first) {
          await api("POST", `/scan-batches/${first}/cancel`);
          await waitFor("the first batch to stop", async () => (await api("GET", `/scan-batches/${first}`)).json.active === 0, 60_000);
        }
        await setFaults({}).catch(() => undefined);
        await api("PUT", "/settings", { max_concurrent_scans: 4 });
      }
    });

    await step("organization scans: a whole-organization batch at one scan at a time, Cancel all cancels what had not ended", async () => {
      const set = await api("PUT", "/settings", { max_concurrent_scans: 1 });
      expectEq(set.status, 200, `scans at once = 1: ${set.body.slice(0, 200)}`);
      // Each AWS answer takes 300 ms: the members' scans last long enough to be cancelled after the screenshots.
      await setFaults({ latency_ms: 300 });
      try {
        const org = (await api("GET", `/organizations/${orgId}`)).json;
        await page.goto(base + "/scans");
        const option = byId("scan-provider").locator(`option[value="org:${orgId}"]`);
        await option.waitFor({ state: "attached" });
        expectEq((await option.innerText()).trim(), `Whole organization “${org.label}” — ${org.counts.monitored} accounts`, "the organization is offered with its count");
        await byId("scan-provider").selectOption(`org:${orgId}`);
        await byId("scan-region-us-east-1").check();
        await byId("start-scan-button").click();
        await page.waitForURL(/\/scans\?batch=/);
        const id = new URL(page.url()).searchParams.get("batch");
        expectTrue(id !== ouBatchId, "a new batch");
        await byId("batch-card").waitFor();
        // Running one, the others queued behind it (scans at once = 1).
        await waitFor("a running row and queued ones", async () => {
          const r = await rowsOf();
          return r.filter((x) => x.status === "running").length === 1 && r.filter((x) => x.status === "queued").length >= 2;
        }, 60_000);
        const order = (await rowsOf()).map((r) => r.status);
        expectEq(order[0], "running", `running first: ${order.join(",")}`);
        const rank = (st) => (st === "running" ? 0 : st === "queued" ? 1 : 2);
        expectTrue(order.every((st, i) => i === 0 || rank(order[i - 1]) <= rank(st)), `running, then queued, then finished: ${order.join(",")}`);
        const line = (await byId("batch-progress-text").innerText()).trim();
        expectTrue(/\d+ of \d+ accounts finished · 1 running · \d+ queued/.test(line), `the line while running: ${line}`);
        await shot("org-running-1280");
        await atPhone("org-running");
        await byId("batch-cancel-all").click();
        await byId("batch-cancel-confirm-box").waitFor();
        expectEq(await cardStatus(), "running", "nothing is cancelled before the confirmation");
        await byId("batch-cancel-confirm").click();
        const said = (await byId("batch-cancelled").innerText()).trim();
        const n = Number(/^Cancelled (\d+) scans? of this batch\.$/.exec(said)?.[1] ?? NaN);
        expectTrue(n >= 2, `the card says how many were cancelled: ${said}`);
        await waitFor("the card to say cancelled", async () => (await cardStatus()) === "cancelled", 60_000);
        // The card keeps following until the running scan has stopped too.
        const rows = await waitFor("every row to end", async () => {
          const r = await rowsOf();
          return r.length > 0 && r.every((x) => x.status !== "queued" && x.status !== "running") && r;
        }, 60_000);
        const b = (await api("GET", `/scan-batches/${id}`)).json;
        expectEq(b.status, "cancelled", "the API says cancelled");
        expectEq((b.by_status.queued ?? 0) + (b.by_status.running ?? 0), 0, "nothing is left queued or running");
        expectEq(JSON.stringify(rows.map((r) => r.id).sort()), JSON.stringify(b.scans.map((s) => s.id).sort()), "a row per scan of the batch");
        expectTrue(rows.filter((r) => r.status === "interrupted").length >= n, `the cancelled scans show interrupted (${rows.map((r) => r.status).join(",")})`);
        expectEq(await byId("batch-cancel-all").count(), 0, "no Cancel all once cancelled");
        const ran = rows.filter((r) => r.status !== "interrupted").length;
        const bar = Number(await byId("batch-progress").getAttribute("value"));
        expectTrue(Math.abs(bar - ran / rows.length) < 1e-9 && bar < 1, `a cancelled batch's bar is not full: ${bar} (${ran} of ${rows.length} ran to their end)`);
        await byId("batch-card").screenshot({ timeout: 60_000, path: join(ARTIFACTS, "batch-org-cancelled-card-1280.png") });
        await shot("org-cancelled-1280");
        await atPhone("org-cancelled", async () => {
          await byId("batch-cancelled").scrollIntoViewIfNeeded();
        });
      } finally {
        await setFaults({}).catch(() => undefined);
        await api("PUT", "/settings", { max_concurrent_scans: 4 });
      }
    });

    await step("organization scans: no secret in the server's output or the pages", async () => {
      expectTrue(!serveOut.text.includes(ORG_ADMIN.secret), "the management account's secret is not logged");
      const html = await page.content();
      expectTrue(!html.includes(ORG_ADMIN.secret) && !html.includes("fakeSecret"), "no secret in the page");
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
    await batchSteps({ page, cloudpeek, step, expectEq, expectTrue });
  } catch (e) {
    if (!failed) {
      failed++;
      console.log(`[ FAIL ] ${e && e.stack ? e.stack : e}`);
    }
  }
  await browser.close();
  process.exit(failed ? 1 : 0);
}
