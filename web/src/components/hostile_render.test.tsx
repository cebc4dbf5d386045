// AWS strings (resource names, tags, ARNs, evidence, identities) render as
// text: markup in them comes out escaped, never as elements or attributes.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { FindingsTable } from "../pages/findings";
import { IdentityView } from "../pages/identity_view";
import { Tags, tagPairs } from "../pages/inventory";
import { GapsTable } from "../pages/scans";
import type { Finding } from "../types";
import { ErrorBox, JsonBlock, SeverityBadge, StatusBadge } from "./ui";

const EVIL = '<img src=x onerror=alert(1)>';
const EVIL2 = '"><script>alert(2)</script>';

function finding(): Finding {
  return {
    id: "1",
    check_id: EVIL,
    title: EVIL2,
    severity: "high",
    service: "ec2",
    region: "us-east-1",
    account: "111122223333",
    resource_type: EVIL,
    resource_arn: `arn:aws:ec2:us-east-1:111122223333:instance/${EVIL}`,
    resource_name: EVIL,
    result: "FAIL",
    status: "open",
    detail: EVIL2,
    first_seen: "2026-11-30T07:00:00Z",
    last_seen: "2026-11-30T07:00:00Z",
    mute: null,
  };
}

function expectInert(html: string) {
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<script/i);
  // No element carries an event-handler attribute (the text may say "onerror=", escaped).
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son[a-z]+=/i);
  expect(html).toContain("&lt;");
}

describe("hostile strings render inert", () => {
  it("in the findings table", () => {
    const html = renderToString(<FindingsTable items={[finding()]} />);
    expectInert(html);
    // The link to the finding uses its id, percent-encoded.
    expect(html).toContain('href="/findings/1"');
  });

  it("in tags, as a map or as AWS's Key/Value list", () => {
    expectInert(renderToString(<Tags tags={{ [EVIL]: EVIL2 }} />));
    expectInert(renderToString(<Tags tags={[{ Key: EVIL, Value: EVIL2 }]} />));
    expect(tagPairs([{ Key: "a", Value: "b" }])).toEqual([["a", "b"]]);
    expect(tagPairs(null)).toEqual([]);
  });

  it("in raw JSON, identities, gaps, badges and errors", () => {
    expectInert(renderToString(<JsonBlock value={{ Name: EVIL, Tags: [{ Key: "Owner", Value: EVIL2 }] }} />));
    expectInert(
      renderToString(
        <IdentityView identity={{ account: EVIL, arn: EVIL2, principal_type: EVIL, permission_set: EVIL }} />,
      ),
    );
    expectInert(
      renderToString(<GapsTable testid="g" gaps={[{ service: EVIL, region: EVIL, action: EVIL2, kind: EVIL, message: EVIL2 }]} />),
    );
    const badges = renderToString(
      <div>
        <SeverityBadge severity={EVIL} />
        <StatusBadge status={EVIL2} />
      </div>,
    );
    expectInert(badges);
    // Class names are sanitised too.
    expect(badges).toMatch(/class="badge sev-imgsrcxonerroralert"/);
    expectInert(renderToString(<ErrorBox error={new Error(EVIL)} />));
  });
});
