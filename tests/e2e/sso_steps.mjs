// "Sign in with IAM Identity Center" in the browser (issue 11 §1), against
// fakeaws's sso-oidc (scenarios/insecure/80-sso.json): a wrong start URL said
// beside its field; the code, the link to the portal's page and a countdown
// that moves; approval at the portal (fakeaws's control API, as the user's
// click) → the account picker with the audit permission set preselected,
// search and select all → a provider made through the session, showing its
// end; a denied sign-in said with what to do; the code and picker at 390 px.
// The provider it made is deleted at the end, so later steps see the one they expect.
//
// run_e2e.mjs passes its helpers: { page, base, fakeaws, step, shot, byId, text,
// expectEq, expectTrue, scrollsSideways, sleep }.

const START_URL = "https://d-1234567890.awsapps.com/start/#/";
const ACCOUNT = "111122223333";

export async function ssoSteps(t) {
  const { page, base, fakeaws, step, shot, byId, text, expectEq, expectTrue, scrollsSideways, sleep } = t;
  const control = async (path, doc) => {
    const r = await fetch(`${fakeaws}/__fakeaws/sso/${path}`, {
      method: doc ? "POST" : "GET",
      headers: { "Content-Type": "application/json" },
      body: doc ? JSON.stringify(doc) : undefined,
    });
    if (!r.ok) throw new Error(`fakeaws sso/${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const api = (method, path) =>
    page.evaluate(
      async ([m, p]) => {
        const s = await (await fetch("/api/v1/session")).json();
        const r = await fetch(`/api/v1${p}`, { method: m, headers: { "X-CSRF-Token": s.csrf_token || "" } });
        return { status: r.status, body: await r.text() };
      },
      [method, path],
    );
  const openSettings = async () => {
    await page.goto(base + "/settings/provider");
    await byId("page-settings-provider").waitFor();
    await byId("sso-signin").waitFor();
  };
  const startSignIn = async () => {
    await byId("sso-start-url").fill(START_URL);
    await byId("sso-region").fill("us-east-1");
    await byId("sso-start").click();
    await byId("sso-user-code").waitFor();
    return (await text("sso-user-code")).trim();
  };
  let providerId = "";

  await step("IAM Identity Center: a wrong start URL is said beside its field, nothing is sent", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openSettings();
    await byId("sso-start-url").fill("http://d-1234567890.awsapps.com/start");
    await byId("sso-region").fill("us-east-1");
    await byId("sso-start").click();
    const err = await text("sso-start-url-error");
    expectTrue(err.includes("https://, not http://"), `the field says what is wrong: ${err}`);
    expectEq((await control("devices")).devices.length, 0, "no device authorization was started");
  });

  await step("IAM Identity Center: the code, the portal link and a countdown that moves", async () => {
    const code = await startSignIn();
    expectTrue(/^[A-Z]{4}-[A-Z]{4}$/.test(code), `a user code is shown: ${code}`);
    const href = await byId("sso-verify-link").getAttribute("href");
    expectTrue(href.includes(`user_code=${code}`), `the link opens the portal's page with the code: ${href}`);
    expectEq(await byId("sso-verify-link").getAttribute("target"), "_blank", "the portal opens in a new tab");
    const first = await text("sso-countdown");
    expectTrue(/^\d+:\d\d$/.test(first), `a countdown: ${first}`);
    await sleep(2100);
    const later = await text("sso-countdown");
    const secs = (s) => Number(s.split(":")[0]) * 60 + Number(s.split(":")[1]);
    expectTrue(secs(later) < secs(first) && secs(later) > 590, `the countdown moves: ${first} → ${later}`);
    const dev = (await control("devices")).devices.find((d) => d.user_code === code);
    expectTrue(dev && dev.polls >= 1 && dev.slow_downs === 0, `CloudPeek polls at the interval, never too fast: ${JSON.stringify(dev)}`);
    await shot("sso-code");
    await control("approve", { user_code: code });
    await byId("sso-accounts").waitFor({ timeout: 20_000 });
  });

  await step("IAM Identity Center: the account picker preselects the audit permission set; search and select all", async () => {
    const row = byId(`sso-account-${ACCOUNT}`);
    await row.waitFor();
    expectTrue((await row.innerText()).includes("insecure-demo"), "the account's name is shown");
    expectEq(await byId(`sso-role-${ACCOUNT}`).inputValue(), "SecurityAuditor", "SecurityAuditor is preselected");
    expectTrue(await byId(`sso-pick-${ACCOUNT}`).isChecked(), "the account is ticked");
    expectTrue((await text("sso-connect")).startsWith("Connect 1 account"), "one account to connect");
    await byId("sso-search").fill("no-such-account");
    expectEq(await row.count(), 0, "the search hides accounts that do not match");
    await byId("sso-search").fill("insecure");
    await byId("sso-select-all").uncheck();
    expectTrue(!(await byId(`sso-pick-${ACCOUNT}`).isChecked()), "select all unticks what is shown");
    expectTrue(await byId("sso-connect").isDisabled(), "nothing to connect");
    await byId("sso-select-all").check();
    expectTrue(await byId(`sso-pick-${ACCOUNT}`).isChecked(), "select all ticks what is shown");
    await byId("sso-search").fill("");
    await shot("sso-accounts");
  });

  await step("IAM Identity Center: connecting makes a provider that shows the SSO session's end", async () => {
    await byId("sso-connect").click();
    await byId("provider-saved").waitFor();
    expectTrue((await text("provider-saved")).includes("connected through IAM Identity Center"), "the page says it");
    const providers = await page.evaluate(async () => (await fetch("/api/v1/providers")).json());
    const p = providers.find((x) => x.sso && x.sso.account_id === ACCOUNT);
    expectTrue(!!p, "a provider made through the session");
    providerId = p.id;
    expectEq(p.label, "insecure-demo (SecurityAuditor)", "its label");
    expectEq(p.credential_state, "valid", "its credentials work");
    expectTrue(!!p.sso.session_ends_at && p.sso.renews_automatically, `the SSO session's end is shown: ${JSON.stringify(p.sso)}`);
    expectTrue(p.renewal_steps[0].includes("Sign in with IAM Identity Center"), "renewal is a new sign-in");
    expectTrue((await text("sso-sessions")).includes("d-1234567890.awsapps.com"), "the session is listed");
    await byId(`provider-${providerId}`).waitFor();
    const shown = (await byId(`provider-${providerId}`).getByTestId("provider-sso").innerText()).trim();
    expectTrue(shown.includes("SecurityAuditor via https://d-1234567890.awsapps.com/start") && shown.includes("session until"), `the card names the portal and the session's end: ${shown}`);
    await shot("sso-connected");
  });

  await step("IAM Identity Center: a denied sign-in says so and what to do", async () => {
    const code = await startSignIn();
    await control("approve", { user_code: code, deny: true });
    await byId("sso-failed-error").waitFor({ timeout: 20_000 });
    const msg = await text("sso-failed-error");
    expectTrue(msg.includes("denied") && msg.includes("Allow"), `denied, with the advice: ${msg}`);
    await shot("sso-denied");
  }, { independent: true });

  await step("IAM Identity Center at a phone's 390 px: code and picker without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openSettings();
    const code = await startSignIn();
    expectTrue(!(await scrollsSideways()), "the code screen fits 390 px");
    await shot("sso-code-390");
    await control("approve", { user_code: code });
    await byId("sso-accounts").waitFor({ timeout: 20_000 });
    await byId(`sso-account-${ACCOUNT}`).waitFor();
    expectTrue(!(await scrollsSideways()), "the account picker fits 390 px");
    await shot("sso-accounts-390");
  }, { independent: true });

  await step("IAM Identity Center: signing out says so on the session and the card; one sign-in renews it (and the picker hints what the permission set lacked)", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openSettings();
    await byId("sso-session-sign-out").click();
    await byId("sso-session-confirm").waitFor();
    await shot("sso-sign-out-confirm");
    await byId("sso-session-sign-out-confirm").click();
    await byId("provider-saved").waitFor();
    expectTrue((await text("provider-saved")).includes("Signed out of"), "the page says it");
    await page.waitForFunction(() => document.querySelector('[data-testid="sso-session-state"]')?.textContent?.includes("signed out"));
    expectTrue((await text("sso-session-state")).includes("signed out by"), "the session says who signed out");
    const providers = await page.evaluate(async () => (await fetch("/api/v1/providers")).json());
    const p = providers.find((x) => x.id === providerId);
    expectEq(p.credential_state, "expired", "its keys are gone");
    expectTrue(p.sso.signed_out === true, `the provider knows: ${JSON.stringify(p.sso)}`);
    const card = (await byId(`provider-${providerId}`).getByTestId("provider-sso").innerText()).trim();
    expectTrue(card.includes("sign in again"), `the card says to sign in again: ${card}`);
    const refused = await page.evaluate(async (id) => {
      const s = await (await fetch("/api/v1/session")).json();
      const r = await fetch("/api/v1/scans", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf_token || "" },
        body: JSON.stringify({ provider_id: id }),
      });
      return { status: r.status, body: await r.text() };
    }, providerId);
    expectEq(refused.status, 409, `a scan is refused: ${refused.body}`);
    expectTrue(refused.body.includes("Sign in with IAM Identity Center"), "with the sign-in steps");
    await shot("sso-signed-out");
    await byId("sso-session-again").click();
    await byId("sso-start").click();
    await byId("sso-user-code").waitFor();
    await control("approve", { user_code: (await text("sso-user-code")).trim() });
    await byId("sso-accounts").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="provider-saved"]')?.textContent?.includes("renewed"));
    // The picker now knows what SecurityAuditor allowed when it was first probed here.
    const hint = await text(`sso-role-hint-${ACCOUNT}`);
    expectTrue(/in this account/.test(hint) && /(Has every action|Lacked \d+ action)/.test(hint), `the permission set's probe is hinted: ${hint}`);
    const again = (await page.evaluate(async () => (await fetch("/api/v1/providers")).json())).find((x) => x.id === providerId);
    expectEq(again.credential_state, "valid", "renewed by the one sign-in");
  });

  await step("IAM Identity Center: the provider made here is removed for the steps that follow", async () => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    if (providerId) {
      const r = await api("DELETE", `/providers/${providerId}`);
      expectEq(r.status, 204, `deleted: ${r.body}`);
    }
    await openSettings();
  });
}
