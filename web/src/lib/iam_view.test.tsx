// The /iam page's pieces rendered: a scan that did not collect IAM says so and
// what to do (never an empty table), and an escalation path is drawn and listed
// step by step with its statements, AWS's strings as text.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { NotCollected, PathView } from "../pages/iam";
import type { IamEdge, IamPath, IamPrincipalRef } from "../types";

const ref = (type: IamPrincipalRef["type"], name: string): IamPrincipalRef => ({
  type,
  name,
  arn: `arn:aws:iam::111122223333:${type}/${name}`,
  account: "111122223333",
  permission_set: null,
});

describe("IAM not collected", () => {
  it("says why and what to do, with no table", () => {
    const e = new ApiError(409, {
      code: "iam_not_collected",
      message: "The latest completed scan (7, finished 2026-12-05T04:00:00Z) did not include IAM (services: s3).",
      advice: "Run a scan that includes the iam service (all services do).",
    });
    const html = renderToString(<NotCollected error={e} />);
    expect(html).toContain('data-testid="iam-not-collected"');
    expect(html).toContain("did not include IAM");
    expect(html).toContain("Run a scan that includes the iam service");
    expect(html).toContain('href="/scans"');
    expect(html).not.toContain("<table");
  });

  it("any other error is an ordinary error box", () => {
    const html = renderToString(<NotCollected error={new ApiError(400, { code: "invalid", message: "provider_id is required" })} />);
    expect(html).toContain('data-testid="error"');
    expect(html).not.toContain("iam-not-collected");
  });
});

describe("an escalation path", () => {
  const dave = ref("user", "dave");
  const hostile = ref("role", "<img src=x onerror=alert(1)>");
  const step = (from: IamPrincipalRef, to: IamPrincipalRef, over: Partial<IamEdge>): IamEdge => ({
    from,
    to,
    kind: "escalation",
    rule: null,
    empowers: false,
    conditional: false,
    detail: "",
    grants: [],
    assumptions: [],
    ...over,
  });
  const path: IamPath = {
    summary: "user dave -> sts:AssumeRole -> role <img>",
    conditional: false,
    end: hostile,
    steps: [
      step(dave, hostile, {
        kind: "assume_role",
        grants: [
          {
            action: "sts:AssumeRole",
            resource: hostile.arn,
            decision: "allowed",
            statements: [{ policy: "p", kind: "identity", statement: 0, sid: "", text: "identity-based policy CiEscalation, statement 1" }],
            conditions: ["Bool aws:MultiFactorAuthPresent \"true\""],
            controlled: [],
          },
        ],
      }),
    ],
  };

  it("is drawn (a box per principal, an arrow per step) and listed with the statement that grants each step", () => {
    const html = renderToString(<PathView n={1} path={path} account="111122223333" providerId="1" />);
    expect(html.match(/<rect/g)?.length).toBe(2);
    expect(html.match(/<line/g)?.length).toBe(1);
    expect(html).toContain("sts:AssumeRole");
    expect(html).toContain("granted by identity-based policy CiEscalation, statement 1");
    expect(html).toContain("only if");
    expect(html).toContain('href="/iam/principals/user%3Adave?provider_id=1"');
  });

  it("shows AWS's strings as text, never as markup", () => {
    const html = renderToString(<PathView n={1} path={path} account="111122223333" providerId="1" />);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)>");
  });
});
