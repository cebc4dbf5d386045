// The compliance page's framework selector and exports in the browser (issue 12
// §2), after run_e2e.mjs has scanned the insecure scenario: pick AWS FSBP, see
// its counts and pass % per section agree with the API, download the CSV (one
// row per control) and the printable HTML report, at 1280 px and at a phone's
// 390 px; then pick PCI DSS v4.0 and see its twelve requirements.
//
// run_e2e.mjs passes its helpers: { page, base, step, shot, byId, text,
// expectEq, expectTrue, scrollsSideways, sleep }.
import { readFileSync } from "node:fs";

// Records in a CSV text (quoted fields may hold newlines).
function csvRecords(t) {
  const out = [];
  let cur = [""];
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') (cur[cur.length - 1] += '"'), i++;
      else if (c === '"') quoted = false;
      else cur[cur.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") cur.push("");
    else if (c === "\n") (out.push(cur), (cur = [""]));
    else if (c !== "\r") cur[cur.length - 1] += c;
  }
  if (cur.length > 1 || cur[0] !== "") out.push(cur);
  return out;
}

export async function complianceSteps(t) {
  const { page, base, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep } = t;
  const api = (p) => page.evaluate(async (x) => (await fetch(`/api/v1${x}`)).json(), p);

  await step("compliance: pick AWS FSBP, see its counts per section, download the CSV and the report", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + "/compliance");
    await byId("compliance-framework").waitFor();
    await page.locator('[data-testid="control-row"]').first().waitFor();
    const options = await byId("compliance-framework").locator("option").evaluateAll((els) => els.map((e) => e.value));
    for (const id of ["cis-3.0", "cis-4.0", "aws-fsbp", "pci-dss-4.0", "nist-800-53-r5", "iso-27001-2022", "soc2", "aws-well-architected-security"])
      expectTrue(options.includes(id), `the selector offers ${id} (${options})`);

    await byId("compliance-framework").selectOption("aws-fsbp");
    await page.waitForURL(/framework=aws-fsbp/);
    await page.locator('[data-testid="control-row"][data-control-id="S3.5"]').waitFor();
    expectTrue((await text("compliance-framework-title")).includes("Foundational Security Best Practices"), "the title names FSBP");
    const want = await api("/compliance?framework=aws-fsbp");
    const rows = await page.locator('[data-testid="control-row"]').count();
    expectEq(rows, want.controls.length, "one row per FSBP control");
    const fails = want.controls.filter((c) => c.status === "fail").length;
    expectTrue(fails > 0, "the insecure scenario fails some FSBP controls");
    expectEq(Number(await text("compliance-count-fail-value")), fails, "the fail tile counts the failing controls");
    expectEq(Number(await text("compliance-count-pass-value")), want.controls.filter((c) => c.status === "pass").length, "pass tile");
    // Each section row says what the API says, pass % included.
    const shown = await page.$$eval('[data-testid="compliance-section-row"]', (trs) =>
      trs.map((tr) => [tr.getAttribute("data-section"), ...[...tr.querySelectorAll("td")].slice(1).map((td) => td.innerText.trim())]),
    );
    expectEq(shown.length, want.sections.length, "one row per FSBP section");
    for (const [i, s] of want.sections.entries()) {
      const pct = s.percent === null ? "–" : `${s.percent}%`;
      expectEq(shown[i].join("|"), [s.section, pct, s.pass, s.fail, s.not_assessed, s.manual].join("|"), `section ${s.section}`);
    }
    const s3 = want.sections.find((s) => s.section === "S3");
    expectTrue(s3 && s3.fail > 0, `the scenario's S3 buckets fail S3 controls (${JSON.stringify(s3)})`);
    // A failing control shows its checks with their counts.
    const failing = want.controls.find((c) => c.status === "fail");
    const row = page.locator(`[data-testid="control-row"][data-control-id="${failing.id}"]`);
    expectEq(await row.getAttribute("data-status"), "fail", `${failing.id} is shown failing`);
    expectTrue((await row.innerText()).includes(failing.checks[0]), `${failing.id} names its check ${failing.checks[0]}`);

    const [csv] = await Promise.all([page.waitForEvent("download"), byId("compliance-export-csv").click()]);
    expectEq(csv.suggestedFilename(), "cloudpeek-compliance-aws-fsbp.csv", "the CSV's name");
    const records = csvRecords(readFileSync(await csv.path(), "utf8"));
    expectEq(records[0].join(","), "framework,section,section_title,control,title,status,checks,pass,fail,not_assessed,reasons", "CSV header");
    expectEq(records.length - 1, want.controls.length, "one CSV row per control");
    const csvFailing = records.find((r) => r[3] === failing.id);
    expectTrue(csvFailing && csvFailing[5] === "fail" && Number(csvFailing[8]) > 0, `${failing.id} fails in the CSV too (${csvFailing})`);

    const [html] = await Promise.all([page.waitForEvent("download"), byId("compliance-export-html").click()]);
    expectEq(html.suggestedFilename(), "cloudpeek-compliance-aws-fsbp.html", "the report's name");
    const report = readFileSync(await html.path(), "utf8");
    expectTrue(report.includes("<h1>AWS Foundational Security Best Practices v1.0.0</h1>") && report.includes("@media print"), "a printable FSBP report");
    await shot("compliance-fsbp");

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await sleep(300);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".table-wrap"))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`),
      );
      expectTrue(!(await scrollsSideways()), `the FSBP page does not scroll sideways at 390 px: ${wide.join(", ")}`);
      await shot("compliance-fsbp-390");
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  await step("compliance: pick PCI DSS v4.0, see its twelve requirements and the controls the scan assessed", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + "/compliance");
    await byId("compliance-framework").waitFor();
    await byId("compliance-framework").selectOption("pci-dss-4.0");
    await page.waitForURL(/framework=pci-dss-4\.0/);
    await page.locator('[data-testid="control-row"][data-control-id="8.4"]').waitFor();
    expectTrue((await text("compliance-framework-title")).includes("PCI DSS v4.0"), "the title names PCI DSS v4.0");
    const want = await api("/compliance?framework=pci-dss-4.0");
    expectEq(want.controls.length, 63, "PCI DSS v4.0 has 63 requirements x.y");
    const sections = await page.$$eval('[data-testid="compliance-section-row"]', (trs) => trs.map((tr) => tr.getAttribute("data-section")));
    expectEq(sections.join(","), "1,2,3,4,5,6,7,8,9,10,11,12", "one row per principal requirement");
    expectEq(await page.locator('[data-testid="control-row"]').count(), 63, "one row per requirement x.y");
    // Physical security is for a person to review; the scan assessed multi-factor authentication.
    expectEq(await page.locator('[data-testid="control-row"][data-control-id="9.2"]').getAttribute("data-status"), "manual", "9.2 is manual");
    const mfa = want.controls.find((c) => c.id === "8.4");
    expectTrue(mfa && mfa.status !== "manual" && mfa.checks.includes("iam_root_mfa_enabled"), `8.4 is assessed by the MFA checks (${JSON.stringify(mfa)})`);
    expectEq(await page.locator('[data-testid="control-row"][data-control-id="8.4"]').getAttribute("data-status"), mfa.status, "8.4 as the API says");
    await shot("compliance-pci");

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await sleep(300);
      expectTrue(!(await scrollsSideways()), "the PCI DSS page does not scroll sideways at 390 px");
      await shot("compliance-pci-390");
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });
}
