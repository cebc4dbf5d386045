// The findings page's result filter: one option per check outcome the API
// accepts (docs/api.md: result=PASS|FAIL|NOT_ASSESSED|MANUAL), the current one selected.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Finding } from "../types";
import { RESULTS } from "../types";
import { FindingsTable, ResultSelect, SeveritySelect, StatusSelect, StatusViews } from "./findings";

// <option …>text</option> → {value, selected, text} ("value" alone is the empty value).
function options(html: string) {
  return [...html.matchAll(/<option([^>]*)>([^<]*)<\/option>/g)].map(([, attrs, text]) => ({
    value: /value="([^"]*)"/.exec(attrs)?.[1] ?? "",
    selected: /\bselected\b/.test(attrs),
    text,
  }));
}

describe("result filter", () => {
  it("offers any result and each outcome, with the API's values", () => {
    const html = renderToString(<ResultSelect value="" onChange={() => {}} />);
    expect(html).toContain('data-testid="filter-result"');
    const opts = options(html);
    expect(opts.map((o) => o.value)).toEqual(["", "FAIL", "PASS", "NOT_ASSESSED", "MANUAL"]);
    expect(opts.map((o) => o.text)).toEqual(["Any result", "FAIL", "PASS", "NOT ASSESSED", "MANUAL"]);
    expect(RESULTS).toEqual(["FAIL", "PASS", "NOT_ASSESSED", "MANUAL"]);
  });

  it("shows the current filter as selected", () => {
    const opts = options(renderToString(<ResultSelect value="NOT_ASSESSED" onChange={() => {}} />));
    expect(opts.filter((o) => o.selected).map((o) => o.value)).toEqual(["NOT_ASSESSED"]);
  });
});

describe("severity and status filters", () => {
  it("show the dashboard's severity groups as selected", () => {
    const issues = options(renderToString(<SeveritySelect value="critical,high" onChange={() => {}} />));
    expect(issues.filter((o) => o.selected).map((o) => o.value)).toEqual(["critical,high"]);
    const better = options(renderToString(<SeveritySelect value="medium,low,informational" onChange={() => {}} />));
    expect(better.filter((o) => o.selected).map((o) => o.value)).toEqual(["medium,low,informational"]);
  });

  it("show a value from the URL they do not list, rather than 'any'", () => {
    const opts = options(renderToString(<SeveritySelect value="high,low" onChange={() => {}} />));
    expect(opts.filter((o) => o.selected)).toEqual([{ value: "high,low", selected: true, text: "high, low" }]);
    const st = options(renderToString(<StatusSelect value="open,muted" onChange={() => {}} />));
    expect(st.filter((o) => o.selected).map((o) => o.text)).toEqual(["open, muted"]);
  });

  it("status: any, or one status, open being failing and not muted", () => {
    const opts = options(renderToString(<StatusSelect value="open" onChange={() => {}} />));
    expect(opts.map((o) => o.value)).toEqual(["any", "open", "resolved", "muted", "passed", "not_assessed"]);
    expect(opts.find((o) => o.selected)?.text).toBe("open (failing, not muted)");
  });

  it("one-click views mark the current one", () => {
    const html = renderToString(<StatusViews current="open" onPick={() => {}} />);
    expect(html).toMatch(/<button type="button" class="chip active" aria-pressed="true" data-testid="view-open">Open failures<\/button>/);
    expect(html).toContain('data-testid="view-any"');
    expect(html).toContain('data-testid="view-passed"');
  });
});

describe("findings table", () => {
  it("keeps region names on one line", () => {
    const f: Finding = {
      id: "1",
      check_id: "c",
      title: "t",
      severity: "high",
      service: "ec2",
      region: "ap-southeast-2",
      account: "111122223333",
      resource_type: "AWS::EC2::Instance",
      resource_arn: "arn",
      resource_name: "n",
      result: "FAIL",
      status: "open",
      detail: "",
      first_seen: "2026-11-30T07:00:00Z",
      last_seen: "2026-11-30T07:00:00Z",
      mute: null,
    };
    expect(renderToString(<FindingsTable items={[f]} />)).toContain('<td class="nowrap" data-testid="finding-region">ap-southeast-2</td>');
  });

  it("names each row's account only when several accounts are in scope", () => {
    const f = { id: "1", check_id: "c", title: "t", severity: "high", service: "s3", region: "us-east-1", account: "222200000006",
      resource_type: "AWS::S3::Bucket", resource_arn: "arn", resource_name: "n", result: "FAIL", status: "open", detail: "",
      first_seen: "2026-11-30T07:00:00Z", last_seen: "2026-11-30T07:00:00Z", mute: null } as Finding;
    const one = renderToString(<FindingsTable items={[f]} />);
    expect(one).not.toContain("finding-account");
    expect(one).not.toContain("<th>Account</th>");
    const many = renderToString(<FindingsTable items={[f]} accountOf={(x) => `prod-web · ${x.account}`} />);
    expect(many).toContain("<th>Account</th>");
    expect(many).toContain('<td data-testid="finding-account">prod-web · 222200000006</td>');
  });
});
