// The dashboard's month-to-date spend card (issue 12 §3, Cost Explorer) in the
// browser, after run_e2e.mjs has scanned the insecure scenario (whose account
// spends in 11 services, tests/fakeaws/scenarios/insecure/16-cost-explorer.json):
// the total, period and currency, one bar per top service, at 1280 px and at a
// phone's 390 px; then with ce:GetCostAndUsage denied (as SecurityAudit alone
// is): NOT ASSESSED naming the action, with the policy that grants it, and no
// amount. A full scan afterwards puts the earlier state back for later steps.
//
// run_e2e.mjs passes its helpers: { page, base, fakeaws, step, shot, byId, text,
// expectEq, expectTrue, scrollsSideways, sleep }.

export async function spendSteps(t) {
  const { page, base, fakeaws, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep } = t;
  const api = (method, path, body) =>
    page.evaluate(
      async ([m, p, b]) => {
        const s = await (await fetch("/api/v1/session")).json();
        const r = await fetch(`/api/v1${p}`, {
          method: m,
          headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token || "" },
          body: b === undefined ? undefined : JSON.stringify(b),
        });
        return { status: r.status, json: await r.json().catch(() => null) };
      },
      [method, path, body],
    );
  const faults = async (doc) => {
    const r = await fetch(`${fakeaws}/__fakeaws/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(doc) });
    if (!r.ok) throw new Error(`fakeaws faults: ${r.status} ${await r.text()}`);
  };
  const scan = async (providerId, services) => {
    const r = await api("POST", "/scans", { provider_id: providerId, ...(services ? { services } : {}) });
    expectEq(r.status, 202, `a scan starts: ${JSON.stringify(r.json)}`);
    for (let i = 0; i < 600; i++) {
      const s = (await api("GET", `/scans/${r.json.id}`)).json;
      if (s.status !== "queued" && s.status !== "running") return s;
      await sleep(200);
    }
    throw new Error(`scan ${r.json.id} did not end`);
  };
  const phone = async (name) => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await sleep(300);
      await byId("dash-spend").scrollIntoViewIfNeeded();
      expectTrue(!(await scrollsSideways()), `the dashboard with the spend card does not scroll sideways at 390 px (${name})`);
      await shot(`${name}-390`);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  };

  await step("dashboard: month-to-date spend by service from Cost Explorer, at 1280 and 390 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + "/");
    await byId("dash-spend-total").waitFor();
    const spend = (await api("GET", "/dashboard/spend")).json;
    expectEq(spend.status, "assessed", `the auditor may read Cost Explorer in this scenario: ${JSON.stringify(spend)}`);
    const total = (await text("dash-spend-total")).trim();
    expectTrue(/^USD\s/.test(total) && total.includes(spend.total.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 })), `the total as the API says (${total}, ${spend.total})`);
    const period = await text("dash-spend-period");
    expectTrue(/^\d+–\d+ [A-Z][a-z]{2} \d{4}, month to date|^\d+ [A-Z][a-z]{2} \d{4}, month to date/.test(period.trim()), `the period is shown: ${period}`);
    const rows = await page.locator('[data-testid="dash-spend-row"]').allInnerTexts();
    expectEq(rows.length, spend.services.length + (spend.other.services > 0 ? 1 : 0), "one bar per top service, plus the rest");
    expectTrue(rows[0].includes("Amazon Elastic Compute Cloud - Compute"), `the largest first: ${rows[0]}`);
    const widths = await page.locator('[data-testid="dash-spend-bar"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("width"))));
    expectEq(widths[0], 100, "the largest bar is full");
    expectTrue(widths.every((w, i) => i === 0 || w <= widths[0]), `no bar is longer than the largest: ${widths}`);
    await byId("dash-spend").scrollIntoViewIfNeeded();
    await shot("spend");
    await phone("spend");
  }, { independent: true });

  await step("dashboard: Cost Explorer refused — NOT ASSESSED naming ce:GetCostAndUsage, never 0", async () => {
    const providers = (await api("GET", "/providers")).json;
    const prod = providers[0];
    try {
      await faults({ deny: ["ce:GetCostAndUsage"] });
      try {
        const s = await scan(prod.id, ["ce"]);
        expectTrue(s.gaps.some((g) => g.action === "ce:GetCostAndUsage"), `the scan's gap names the action: ${JSON.stringify(s.gaps)}`);
      } finally {
        await faults({});
      }
      await page.goto(base + `/?provider_id=${encodeURIComponent(prod.id)}`);
      await byId("dash-spend-not-assessed").waitFor();
      const card = await text("dash-spend");
      expectTrue(card.includes("NOT ASSESSED"), `NOT ASSESSED: ${card}`);
      expectEq((await text("dash-spend-action")).trim(), "ce:GetCostAndUsage", "the missing action");
      expectTrue(card.includes("SecurityAudit"), "says SecurityAudit lacks it");
      expectEq(await page.locator('[data-testid="dash-spend-total"], [data-testid="dash-spend-row"]').count(), 0, "no amount and no bar");
      expectTrue(!/\b0\.00\b/.test(card), `no spend of 0 shown: ${card}`);
      expectTrue((await text("dash-spend-policy")).includes('"ce:GetCostAndUsage"'), "the policy that grants it");
      await byId("dash-spend").scrollIntoViewIfNeeded();
      await shot("spend-denied");
      await phone("spend-denied");
    } finally {
      // Later steps (the IAM page, the last scan) expect the full scan's state.
      const again = await scan(prod.id);
      expectTrue(again.status === "succeeded" || again.status === "partial", `a full scan again: ${again.status}`);
    }
  }, { independent: true });
}
