// The app shell: who is signed in (GET /session), the routes, the navigation,
// the reminder banner on every page, and logout.
import { useEffect, useState } from "preact/hooks";
import { get, onUnauthenticated, post } from "./api";
import { ReminderBanner } from "./components/reminder_banner";
import { CompliancePage } from "./pages/compliance";
import { DashboardPage } from "./pages/dashboard";
import { FindingDetailPage } from "./pages/finding_detail";
import { FindingsPage } from "./pages/findings";
import { IamPage, IamPrincipalPage } from "./pages/iam";
import { InventoryPage } from "./pages/inventory";
import { LoginPage } from "./pages/login";
import { ProviderSettingsPage } from "./pages/provider_settings";
import { ResourceDetailPage } from "./pages/resource_detail";
import { ScansPage } from "./pages/scans";
import { SetupPage } from "./pages/setup";
import { pageTitle } from "./lib/title";
import { Link, matchPath, navigate, Redirect, useLocation } from "./router";
import type { User } from "./types";

type Auth = { state: "checking" } | { state: "anonymous" } | { state: "signed-in"; user: User };

export const NAV: { href: string; label: string; testid: string }[] = [
  { href: "/", label: "Dashboard", testid: "nav-dashboard" },
  { href: "/findings", label: "Findings", testid: "nav-findings" },
  { href: "/inventory", label: "Inventory", testid: "nav-inventory" },
  { href: "/scans", label: "Scans", testid: "nav-scans" },
  { href: "/compliance", label: "Compliance", testid: "nav-compliance" },
  { href: "/iam", label: "IAM", testid: "nav-iam" },
  // The renewal steps (server/scheduler.cc) say "Settings > AWS integration": the menu
  // says Settings, the page is headed Settings › AWS integration.
  { href: "/settings/provider", label: "Settings", testid: "nav-settings" },
];

function isActive(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(href + "/");
}

export function App() {
  const loc = useLocation();
  const [auth, setAuth] = useState<Auth>({ state: "checking" });
  // On narrow screens the menu folds behind a button; it folds again on navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [loc.path]);

  useEffect(() => {
    get<{ user: User }>("/session", { quiet401: true }).then(
      (s) => setAuth({ state: "signed-in", user: s.user }),
      () => setAuth({ state: "anonymous" }),
    );
    return onUnauthenticated(() => setAuth({ state: "anonymous" }));
  }, []);

  useEffect(() => {
    if (auth.state !== "checking") document.title = pageTitle(loc.path, auth.state === "signed-in");
  }, [loc.path, auth.state]);

  const signedIn = (user: User) => {
    setAuth({ state: "signed-in", user });
    const next = loc.query.get("next");
    navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", true);
  };

  if (auth.state === "checking") return <p class="muted center">Loading…</p>;

  if (loc.path === "/setup") {
    return <SetupPage token={loc.query.get("token") ?? ""} onDone={signedIn} signedIn={auth.state === "signed-in"} />;
  }

  if (auth.state === "anonymous") {
    if (loc.path !== "/login") {
      const next = loc.path + (loc.query.toString() ? "?" + loc.query.toString() : "");
      return <Redirect to={`/login${next !== "/" && next !== "/logout" ? "?next=" + encodeURIComponent(next) : ""}`} />;
    }
    return <LoginPage onDone={signedIn} />;
  }

  if (loc.path === "/login") return <Redirect to="/" />;

  const logout = async () => {
    try {
      await post("/logout");
    } finally {
      setAuth({ state: "anonymous" });
      navigate("/login", true);
    }
  };

  return (
    <div class="shell">
      <header class={menuOpen ? "topbar menu-open" : "topbar"}>
        <Link href="/" class="brand" data-testid="brand">
          CloudPeek
        </Link>
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="mainnav"
          onClick={() => setMenuOpen(!menuOpen)}
          data-testid="menu-toggle"
        >
          Menu
        </button>
        <nav class="mainnav" id="mainnav" aria-label="Main">
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} class={isActive(n.href, loc.path) ? "active" : ""} data-testid={n.testid}>
              {n.label}
            </Link>
          ))}
        </nav>
        <span class="user" data-testid="current-user">
          {auth.user.username}
        </span>
        <button type="button" class="link-button" onClick={logout} data-testid="logout">
          Log out
        </button>
      </header>
      <ReminderBanner path={loc.path} />
      <main class="content">{route(loc.path, loc.query, logout)}</main>
    </div>
  );
}

function route(path: string, query: URLSearchParams, logout: () => void) {
  let m: Record<string, string> | null;
  if (path === "/") return <DashboardPage query={query} />;
  if (path === "/findings") return <FindingsPage query={query} />;
  if ((m = matchPath("/findings/:id", path))) return <FindingDetailPage id={m.id} />;
  if (path === "/inventory") return <InventoryPage query={query} />;
  if ((m = matchPath("/inventory/:id", path))) return <ResourceDetailPage id={m.id} />;
  if (path === "/scans") return <ScansPage query={query} />;
  if (path === "/compliance") return <CompliancePage query={query} />;
  if (path === "/iam") return <IamPage query={query} />;
  if ((m = matchPath("/iam/principals/:id", path))) return <IamPrincipalPage id={m.id} query={query} />;
  if (path === "/settings/provider" || path === "/settings") return <ProviderSettingsPage query={query} />;
  if (path === "/logout") return <LogoutNow logout={logout} />;
  return (
    <section class="card" data-testid="not-found">
      <h1>Not found</h1>
      <p>
        There is no page at this address. <Link href="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}

function LogoutNow({ logout }: { logout: () => void }) {
  useEffect(() => logout(), []);
  return null;
}
