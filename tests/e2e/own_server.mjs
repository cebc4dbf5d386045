// What the step modules that need a server of their own share (org_steps.mjs,
// accounts_steps.mjs): a second fakeaws on a scenario of theirs, a second
// `cloudpeek serve` pointed at it with no AWS configuration of the machine's,
// its admin account set up through /setup, and a browser context of its own.

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
export const ARTIFACTS = resolve(arg("artifacts", join(ROOT, "build/e2e-artifacts")));
export const WEB_DIR = resolve(arg("web-dir", join(ROOT, "web/dist")));

export async function waitFor(what, fn, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A call of the server's API from `page` (with its session's CSRF token):
// { status, body, json } (json null when the body is not JSON).
export function apiOf(getPage) {
  return async (method, path, body) => {
    const r = await getPage().evaluate(
      async ([m, p, b]) => {
        const s = await (await fetch("/api/v1/session")).json();
        const res = await fetch(`/api/v1${p}`, {
          method: m,
          headers: { "X-CSRF-Token": s.csrf_token || "", "Content-Type": "application/json" },
          body: b ? JSON.stringify(b) : undefined,
        });
        return { status: res.status, body: await res.text() };
      },
      [method, path, body],
    );
    let json = null;
    try {
      json = JSON.parse(r.body);
    } catch {}
    return { ...r, json };
  };
}

// Starts fakeaws on `scenario` and `cloudpeek serve` on it (both pushed to
// `children`, files under `work`), opens a browser context from `browserPage`'s
// browser and creates the admin account with `password`.
// Returns { fakeaws, base, serveOut: { text }, context, page }.
export async function startOwnServer({ work, children, cloudpeek, scenario, browserPage, password, what, env = {}, contextOptions = {} }) {
  const portFile = join(work, "fakeaws.port");
  const fake = spawn("/usr/bin/python3", [join(ROOT, "tests/fakeaws/server.py"), "--scenario", scenario, "--port", "0", "--port-file", portFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(fake);
  let fakeErr = "";
  fake.stderr.on("data", (d) => (fakeErr += d));
  const port = await waitFor(`fakeaws (${what}) to listen`, () => {
    if (fake.exitCode !== null) throw new Error(`fakeaws exited: ${fakeErr.slice(-2000)}`);
    return existsSync(portFile) && readFileSync(portFile, "utf8").trim();
  });
  const fakeaws = `http://127.0.0.1:${port}`;
  const serve = spawn(cloudpeek, ["serve", "--listen", "127.0.0.1:0", "--data-dir", join(work, "data"), "--web-dir", WEB_DIR], {
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
      ...env,
    },
  });
  children.push(serve);
  const serveOut = { text: "" };
  serve.stdout.on("data", (d) => (serveOut.text += d));
  serve.stderr.on("data", (d) => (serveOut.text += d));
  const setup = await waitFor("the setup link", () => {
    if (serve.exitCode !== null) throw new Error(`cloudpeek serve exited: ${serveOut.text}`);
    return /(http:\/\/\S+\/setup\?token=\S+)/.exec(serveOut.text)?.[1];
  });
  const base = /running at (http:\/\/[^/\s]+)/.exec(serveOut.text)[1];
  const context = await browserPage.context().browser().newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  await page.goto(setup);
  await page.getByTestId("setup-username").fill("admin");
  await page.getByTestId("setup-password").fill(password);
  await page.getByTestId("setup-confirm").fill(password);
  await page.getByTestId("setup-submit").click();
  await page.getByTestId("page-dashboard").waitFor();
  return { fakeaws, base, serveOut, context, page };
}
