// AWS Organizations on /settings/provider in the browser (issue 11 §2),
// against fakeaws's organization scenario (scenarios/organization.json: the
// management account 111111111111 and 20 members in nested OUs; sandbox-bob
// 222200000016 has no audit role, dev-data 222200000012 trusts another
// ExternalId, legacy-closed 222200000019 is SUSPENDED). The run's own server
// serves the insecure scenario, so these steps start a second fakeaws and a
// second `cloudpeek serve` of their own, in a browser context of their own:
// connect the organization through the management account's provider with the
// roles' ExternalId, see the 20 member accounts with their OU paths, the member
// without a role flagged ✗ with AWS's reason and what to do, the StackSet and
// Terraform templates (copy, download), a member's provider card naming its
// organization; the page at 1280 px and at a phone's 390 px (screenshots
// org-*.png in the artifacts directory).
//
// run_e2e.mjs passes: { page, cloudpeek, step, expectEq, expectTrue, sleep }.

import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ARTIFACTS, ROOT, apiOf, startOwnServer } from "./own_server.mjs";

const SCENARIO = join(ROOT, "tests/fakeaws/scenarios/organization.json");
const ORG_ADMIN = { key: "AKIAFAKEORGADMIN0001", secret: "fakeSecretOrgAdmin/000000000000000000000001" };
const DEPLOYED_EXTERNAL_ID = "cloudpeek-ext-7f3a9c2e";
const PASSWORD = "e2e-Org-Correct-Horse-7";

export async function orgSteps(t) {
  const { page: mainPage, cloudpeek, step, expectEq, expectTrue } = t;
  const work = mkdtempSync(join(tmpdir(), "cloudpeek-e2e-org-"));
  const children = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
  let page, context, base, serveOut;
  const byId = (id) => page.getByTestId(id);
  const text = async (id) => (await byId(id).first().innerText()).trim();
  // The whole page, and the organization section alone (the page holds a card per member).
  const shot = async (name) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, `org-${name}.png`), fullPage: true });
    if (await byId("org-section").count())
      await byId("org-section").screenshot({ timeout: 60_000, path: join(ARTIFACTS, `org-${name}-section.png`) });
  };
  const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  const api = apiOf(() => page);

  try {
    await step("AWS Organizations: a server of its own on fakeaws's organization scenario", async () => {
      ({ base, serveOut, context, page } = await startOwnServer({
        work, children, cloudpeek, scenario: SCENARIO, browserPage: mainPage, password: PASSWORD, what: "organization",
        contextOptions: { acceptDownloads: true },
      }));
      // The management account's provider (the form itself is covered by the main run).
      const r = await api("POST", "/providers", { label: "management", access_key_id: ORG_ADMIN.key, secret_access_key: ORG_ADMIN.secret });
      expectEq(r.status, 201, `the management account's provider is saved: ${r.body}`);
    });

    await step("AWS Organizations: connect through the management account, 20 members with OU paths, the one without a role flagged", async () => {
      await page.goto(base + "/settings/provider");
      await byId("org-section").waitFor();
      await byId("org-connect-form").waitFor();
      const ext = await text("org-external-id");
      expectTrue(/cloudpeek-[0-9a-f]{32}/.test(ext), `the installation's ExternalId is shown: ${ext}`);
      expectEq(await byId("org-role-name").inputValue(), "CloudPeekAudit", "the default role name");
      // The scenario's roles were deployed with an ExternalId of their own.
      await page.getByText("Roles already deployed with another ExternalId?").click();
      await byId("org-external-id-input").fill(DEPLOYED_EXTERNAL_ID);
      await shot("connect-1280");
      await byId("org-connect").click();
      await byId("org-members").waitFor({ timeout: 60_000 });
      const summary = await text("org-summary");
      expectEq(summary, "21 accounts · 20 monitored · 18 reachable · 2 without a working role", "the summary");
      const rows = await byId("org-members").locator("tbody tr").count();
      expectEq(rows, 21, "the management account and its 20 members are listed");
      const bob = byId("org-account-222200000016");
      const bobText = await bob.innerText();
      expectTrue(bobText.includes("✗") && bobText.includes("role missing"), `sandbox-bob is flagged: ${bobText}`);
      expectTrue(bobText.includes("Root/Sandbox"), `its OU path: ${bobText}`);
      await bob.getByText("Why, and what to do").click();
      const reason = (await bob.getByTestId("org-role-reason").innerText()).trim();
      expectTrue(reason.includes("sts:AssumeRole"), `AWS's reason: ${reason}`);
      expectTrue((await bob.innerText()).includes("CloudPeekAudit"), "what to do names the role");
      // Gaps first: the two members without a working role head the table.
      const first = await byId("org-members").locator("tbody tr").first().getAttribute("data-testid");
      expectTrue(["org-account-222200000012", "org-account-222200000016"].includes(first), `gaps first: ${first}`);
      const ok = await byId("org-account-222200000005").innerText();
      expectTrue(ok.includes("✓") && ok.includes("Root/Workloads/Prod"), `a working member: ${ok}`);
      expectTrue((await byId("org-account-222200000019").innerText()).includes("suspended"), "the suspended account says so");
      expectTrue((await text("provider-saved")).includes("o-a1b2c3d4e5"), "the page says what was connected");
      await shot("members-1280");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ timeout: 60_000, path: join(ARTIFACTS, "org-top-1280.png") });
    });

    await step("AWS Organizations: the StackSet and Terraform templates carry the ExternalId; download", async () => {
      await byId("org-templates-toggle").click();
      await byId("org-stackset").waitFor();
      const yaml = await text("org-stackset");
      const tf = await text("org-terraform");
      for (const [name, body] of [["StackSet", yaml], ["Terraform", tf]]) {
        expectTrue(body.includes(DEPLOYED_EXTERNAL_ID), `${name} has the ExternalId`);
        expectTrue(body.includes("CloudPeekAudit") && body.includes("SecurityAudit") && body.includes("111111111111"), `${name} has the role, policy and trusted account`);
      }
      const [download] = await Promise.all([page.waitForEvent("download"), byId("org-download-terraform").click()]);
      expectEq(download.suggestedFilename(), "CloudPeekAudit.tf", "the Terraform file's name");
      await shot("templates-1280");
      await byId("org-templates-toggle").click();
    });

    await step("AWS Organizations: a member's card names its organization; the gap is on the provider", async () => {
      const orgs = JSON.parse((await api("GET", "/organizations")).body);
      const bob = orgs[0].accounts.find((a) => a.account_id === "222200000016");
      const card = byId(`provider-${bob.member.provider_id}`);
      await card.waitFor();
      const note = (await card.getByTestId("provider-org").innerText()).trim();
      expectTrue(note.includes("Root/Sandbox") && note.includes("not reachable"), `the card says it: ${note}`);
      const scan = await api("POST", "/scans", { provider_id: bob.member.provider_id });
      expectEq(scan.status, 409, `no scan of a member without its role: ${scan.body}`);
    });

    await step("AWS Organizations at a phone's 390 px: the section fits, the table scrolls in its box", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(base + "/settings/provider");
      await byId("org-members").waitFor();
      expectTrue(!(await scrollsSideways()), "the page does not scroll sideways at 390 px");
      await byId("org-section").scrollIntoViewIfNeeded();
      await shot("members-390");
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    await step("AWS Organizations: no secret in the server's output", async () => {
      expectTrue(!serveOut.text.includes(ORG_ADMIN.secret), "the management account's secret is not logged");
      expectTrue(!serveOut.text.includes("fakeSecret"), "no scenario secret is logged");
    });
  } finally {
    await context?.close().catch(() => undefined);
    stopAll();
  }
}
