// Each page's document title ("Findings — CloudPeek"): what a tab, the history and
// a screen reader announce, so pages are told apart.
import { matchPath } from "../router";

const PAGES: [string, string][] = [
  ["/", "Dashboard"],
  ["/findings", "Findings"],
  ["/findings/:id", "Finding"],
  ["/inventory", "Inventory"],
  ["/inventory/:id", "Resource"],
  ["/scans", "Scans"],
  ["/compliance", "Compliance"],
  ["/iam", "IAM analyzer"],
  ["/iam/principals/:id", "IAM principal"],
  ["/settings", "AWS integration"],
  ["/settings/provider", "AWS integration"],
  ["/login", "Sign in"],
  ["/logout", "Sign in"],
  ["/setup", "Set up"],
];

export function pageTitle(path: string, signedIn: boolean): string {
  // Signed out, every page but setup is the sign-in form.
  if (!signedIn && path !== "/setup") return "Sign in — CloudPeek";
  const hit = PAGES.find(([pattern]) => (pattern === "/" ? path === "/" : matchPath(pattern, path) !== null));
  return `${hit ? hit[1] : "Not found"} — CloudPeek`;
}
