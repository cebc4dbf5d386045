// The /iam page in the browser (issue 10 §4), after run_e2e.mjs has scanned the
// insecure scenario: the principals table with its known administrators and
// escalations, its filters, "Who can…" (allowed, denied and a typo), a
// principal's page with its escalation path drawn and as steps with their
// statements, outside trust, at 1280 px and at a phone's 390 px.
//
// run_e2e.mjs passes its helpers: { page, base, step, shot, byId, text,
// expectEq, expectTrue, scrollsSideways, sleep }.

export async function iamSteps(t) {
  const { page, base, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep } = t;
  const row = (id) => page.locator(`[data-testid="iam-principal-row"][data-principal="${id}"]`);
  const entries = async (listId) =>
    page.$$eval(`[data-testid="${listId}"] [data-testid="iam-who-can-entry"]`, (els) => els.map((e) => e.getAttribute("data-principal")));

  await step("IAM: the principals table names the administrators and who can escalate", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await byId("nav-iam").click();
    await byId("page-iam").waitFor();
    await byId("iam-principals-table").waitFor();
    // bob has AdministratorAccess; alice through her group; vendor-role, break-glass too.
    for (const id of ["user:bob", "user:alice", "role:vendor-role", "role:break-glass"]) {
      const cells = await row(id).locator("td").allInnerTexts();
      expectTrue(cells.length === 6, `${id} has its row (${cells.length} cells)`);
      expectTrue(cells[2].startsWith("yes"), `${id} is shown as an administrator (got "${cells[2]}")`);
    }
    // dave attaches a policy to himself: an administrator as issue 10 defines it (can grant itself everything).
    const dave = await row("user:dave").locator("td").allInnerTexts();
    expectTrue(dave[2].startsWith("yes") && dave[2].includes("can grant itself everything"), `dave is an administrator by granting itself everything (got "${dave[2]}")`);
    // The GitHub Actions role passes an admin role to Lambda.
    for (const id of ["role:github-actions-deploy"]) {
      const cells = await row(id).locator("td").allInnerTexts();
      expectTrue(cells[2] === "no", `${id} is not an administrator yet (got "${cells[2]}")`);
      expectTrue(cells[3].startsWith("yes"), `${id} can escalate (got "${cells[3]}")`);
    }
    const carol = await row("user:carol").locator("td").allInnerTexts();
    expectEq(`${carol[2]}|${carol[3]}`, "no|no", "carol is neither an administrator nor can escalate");
    // Trusted from outside: another account.
    const vendor = await row("role:vendor-role").locator("td").allInnerTexts();
    expectTrue(vendor[4].includes("999988887777"), `vendor-role trusted from account 999988887777 (got "${vendor[4]}")`);
    // The GitHub OIDC provider with the roles that trust it.
    const idps = await text("iam-identity-providers");
    expectTrue(idps.includes("token.actions.githubusercontent.com") && idps.includes("github-actions-deploy"), `identity providers listed with their roles: ${idps.slice(0, 300)}`);
    await shot("iam");
  });

  await step("IAM: filters keep only what they say, in the URL", async () => {
    await byId("iam-filter-admin").selectOption("yes");
    await page.waitForURL(/admin=yes/);
    const rows = await page.$$eval('[data-testid="iam-principal-row"]', (els) => els.map((e) => e.getAttribute("data-principal")));
    expectTrue(rows.includes("user:bob") && rows.includes("user:dave") && !rows.includes("user:carol"), `admins only: ${rows}`);
    await byId("iam-filter-admin").selectOption("");
    await byId("iam-filter-escalate").selectOption("yes");
    await page.waitForURL(/escalate=yes/);
    const esc = await page.$$eval('[data-testid="iam-principal-row"]', (els) => els.map((e) => e.getAttribute("data-principal")));
    expectTrue(!esc.includes("user:dave") && esc.includes("role:github-actions-deploy") && !esc.includes("user:bob"), `escalations only: ${esc}`);
    await byId("iam-filter-escalate").selectOption("");
    await byId("iam-q").fill("vendor");
    await byId("iam-q-go").click();
    await page.waitForURL(/q=vendor/);
    const found = await page.$$eval('[data-testid="iam-principal-row"]', (els) => els.map((e) => e.getAttribute("data-principal")));
    expectTrue(found.length >= 1 && found.every((id) => id.includes("vendor")), `search: ${found}`);
    await byId("iam-q").fill("");
    await byId("iam-q-go").click();
    await page.waitForURL((u) => !u.search.includes("q=vendor"));
  });

  await step("IAM: who can iam:PassRole — allowed, denied with what denies, and a typo named", async () => {
    await byId("iam-who-can-action").fill("iam:PasRole");
    await byId("iam-who-can-go").click();
    await byId("iam-who-can-error").waitFor();
    const typo = await text("iam-who-can-error");
    expectTrue(typo.includes("iam:PassRole"), `the typo suggests iam:PassRole: ${typo}`);
    await byId("iam-who-can-action").fill("iam:*");
    await byId("iam-who-can-go").click();
    expectTrue((await text("iam-who-can-problem")).includes("not a pattern"), "a pattern is refused in the browser");
    await byId("iam-who-can-action").fill("iam:PassRole");
    await byId("iam-who-can-go").click();
    await byId("iam-who-can-answer").waitFor();
    const allowed = await entries("iam-who-can-allowed");
    expectTrue(allowed.includes("bob") && allowed.includes("alice"), `allowed: ${allowed}`);
    expectTrue(!allowed.includes("carol"), "carol is not allowed");
    await byId("iam-who-can-denied").locator("summary").click();
    const denied = await entries("iam-who-can-denied-list");
    expectTrue(denied.includes("carol"), `carol is among the denied: ${denied}`);
    const bob = await page.locator('[data-testid="iam-who-can-allowed"] [data-principal="bob"]').innerText();
    expectTrue(/allowed by .*AdministratorAccess/.test(bob), `bob's entry names the statement: ${bob}`);
    await shot("iam-who-can");
  });

  await step("IAM: a principal's page — escalation path drawn and as steps with statements, risky statements marked", async () => {
    await row("user:dave").getByTestId("iam-principal-link").click();
    await byId("page-iam-principal").waitFor();
    await byId("iam-path").first().waitFor();
    expectTrue((await text("iam-principal-title")).includes("dave"), "dave's page");
    const steps = await page.locator('[data-testid="iam-path-step"]').count();
    expectTrue(steps >= 1, `dave's path has steps (${steps})`);
    const first = await page.locator('[data-testid="iam-path-step"]').first().innerText();
    expectTrue(/iam:/.test(first) && /granted by/.test(first), `a step names its action and its statement: ${first}`);
    const boxes = await page.locator('[data-testid="iam-path-graph"] rect').count();
    expectTrue(boxes >= 2, `the path is drawn (${boxes} boxes)`);
    expectTrue((await page.locator('[data-testid="iam-statement-risky"]').count()) >= 1, "a risky statement is highlighted");
    const iamRow = await page.locator('[data-testid="iam-permission-row"][data-service="iam"]').innerText();
    expectTrue(/Permissions management/.test(iamRow), `effective permissions of IAM with access levels: ${iamRow}`);
    await shot("iam-principal");
    // A role trusted from another account: who can assume it, and from where.
    await page.goto(`${base}/iam/principals/${encodeURIComponent("role:vendor-role")}`);
    await byId("iam-assumers").waitFor();
    await byId("iam-assumer").first().waitFor();
    const who = await text("iam-assumers");
    expectTrue(who.includes("999988887777") && who.includes("from outside the account"), `vendor-role's assumers: ${who.slice(0, 300)}`);
    await shot("iam-principal-outside");
  });

  await step("IAM at a phone's 390 px: no sideways scroll", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const wide = [];
      for (const [path, ready, name] of [
        ["/iam", "iam-principals-table", "phone-iam"],
        [`/iam/principals/${encodeURIComponent("user:dave")}`, "iam-path", "phone-iam-principal"],
      ]) {
        await page.goto(base + path);
        await byId(ready).first().waitFor();
        await sleep(200);
        if (await scrollsSideways()) wide.push(`${path} (${await page.evaluate(() => document.documentElement.scrollWidth)} px)`);
        await shot(name);
      }
      expectEq(wide.join(", "), "", "IAM pages that scroll sideways at 390 px");
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
}
