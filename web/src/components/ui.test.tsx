// Shared pieces: times in the browser's zone with UTC on hover, the renewal steps
// not repeated by error boxes, tables that scroll inside their own box.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { formatTime } from "../lib/format";
import { ErrorBox, JsonBlock, TableWrap, Time } from "./ui";

describe("Time", () => {
  it("shows the local time with its zone named and UTC in the title", () => {
    const html = renderToString(<Time iso="2026-01-15T13:05:00Z" testid="t" />);
    expect(html).toContain('datetime="2026-01-15T13:05:00Z"');
    expect(html).toContain('title="2026-01-15 13:05:00 UTC"');
    expect(html).toContain(`>${formatTime("2026-01-15T13:05:00Z")}</time>`);
    expect(formatTime("2026-01-15T13:05:00Z")).toMatch(/^2026-01-1[56] \d\d:\d\d:00 [A-Z][A-Za-z0-9+:-]*$/);
  });

  it("shows a dash or the raw text when there is no valid time, without a title", () => {
    expect(renderToString(<Time iso={null} />)).toBe("<span>—</span>");
    expect(renderToString(<Time iso="junk" />)).toBe("<span>junk</span>");
  });
});

describe("ErrorBox", () => {
  it("keeps the advice of ordinary errors", () => {
    const html = renderToString(<ErrorBox error={new ApiError(400, { code: "invalid", message: "Bad.", advice: "Fix it." })} />);
    expect(html).toContain("Fix it.");
  });

  it("does not repeat the renewal steps of expired credentials (the banner lists them)", () => {
    const steps = '1. Sign in to your AWS access portal (IAM Identity Center). 2. In CloudPeek, open Settings > AWS integration';
    const html = renderToString(
      <ErrorBox error={new ApiError(409, { code: "credentials_expired", message: "The credentials of “x” expired.", advice: steps })} />,
    );
    expect(html).toContain("expired");
    expect(html).not.toContain("Sign in to your AWS access portal");
    expect(html).toContain("renewal steps are at the top of the page");
  });
});

describe("scroll boxes", () => {
  it("a JSON document that scrolls in its box can be reached from the keyboard", () => {
    expect(renderToString(<JsonBlock value={{ a: 1 }} />)).toMatch(/^<pre class="json" tabindex="0">/);
  });

  it("gives a table its own focusable scroll box", () => {
    expect(renderToString(<TableWrap><table /></TableWrap>)).toBe('<div class="table-wrap" tabindex="0"><table></table></div>');
  });
});

describe("a failed test of expired stored credentials", () => {
  it("points to the banner's renewal steps instead of restating them", async () => {
    const { testAdvice } = await import("../pages/provider_settings");
    expect(testAdvice({ kind: "expired_token", advice: "Get fresh credentials from your AWS access portal and paste them." })).toBe(
      "The renewal steps are at the top of the page.",
    );
    expect(testAdvice({ kind: "invalid_client_token", advice: "Copy the key id again." })).toBe("Copy the key id again.");
  });
});
