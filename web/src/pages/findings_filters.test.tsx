// The findings page's result filter: one option per check outcome the API
// accepts (docs/api.md: result=PASS|FAIL|NOT_ASSESSED|MANUAL), the current one selected.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { RESULTS } from "../types";
import { ResultSelect } from "./findings";

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
