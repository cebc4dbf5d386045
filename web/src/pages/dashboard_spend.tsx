// The dashboard's month-to-date spend card (GET /dashboard/spend): Cost Explorer's
// spend by service this month, the largest as bars (SVG attributes, no inline styles:
// the CSP refuses them), with the period and currency. When CloudPeek may not read it
// (ce:GetCostAndUsage is not in SecurityAudit) the card says NOT ASSESSED, names the
// missing action and shows the policy that grants it — never a spend of 0.
import { qs } from "../api";
import { ErrorBox, JsonBlock, StatusBadge, Time } from "../components/ui";
import { useGet } from "../hooks";
import type { Spend } from "../types";

// "USD 1,234.57" (a no-break space: on a phone the amount never splits over two
// lines); an unknown currency is left out rather than guessed.
export function money(amount: number, currency: string | null | undefined): string {
  const n = amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${currency}\u00a0${n}` : n;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// "1–5 Dec 2026" from start (inclusive) and end (exclusive) as YYYY-MM-DD.
export function periodText(start: string | undefined, end: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/;
  const s = start?.match(m);
  const e = end?.match(m);
  if (!s || !e) return "this month";
  const first = new Date(Date.UTC(+s[1], +s[2] - 1, +s[3]));
  const last = new Date(Date.UTC(+e[1], +e[2] - 1, +e[3]) - 86_400_000);
  const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (last <= first) return day(first);
  if (first.getUTCFullYear() === last.getUTCFullYear() && first.getUTCMonth() === last.getUTCMonth())
    return `${first.getUTCDate()}–${day(last)}`;
  return `${day(first)} – ${day(last)}`;
}

// Bar lengths in percent of the largest row (the "other services" row included).
export function barPercents(amounts: number[]): number[] {
  const max = Math.max(0, ...amounts);
  return amounts.map((a) => (max > 0 && a > 0 ? Math.max(1, Math.round((a / max) * 100)) : 0));
}

// The card for one account (providerId) or all of them ("").
export function SpendCard({ providerId }: { providerId: string }) {
  const r = useGet<Spend>(`/dashboard/spend${qs({ provider_id: providerId })}`);
  if (r.error) return <ErrorBox error={r.error} testid="dash-spend-error" />;
  return <SpendView spend={r.data ?? undefined} />;
}

export function SpendView({ spend }: { spend: Spend | undefined }) {
  if (!spend) return null;
  return (
    <section class="card" data-testid="dash-spend">
      <h2>Month-to-date spend</h2>
      {spend.status === "assessed" || spend.status === "partial" ? <SpendChart spend={spend} /> : <SpendUnknown spend={spend} />}
    </section>
  );
}

function SpendChart({ spend }: { spend: Spend }) {
  const rows = [...(spend.services ?? [])];
  const other = spend.other && spend.other.services > 0 ? spend.other : null;
  const amounts = [...rows.map((r) => r.amount), ...(other ? [other.amount] : [])];
  const pct = barPercents(amounts);
  const currency = spend.currency ?? null;
  return (
    <>
      <p>
        <strong class="spend-total" data-testid="dash-spend-total">
          {money(spend.total ?? 0, currency)}
        </strong>{" "}
        <span class="muted" data-testid="dash-spend-period">
          {periodText(spend.start, spend.end)}, month to date{spend.estimated ? " (estimated: AWS has not closed the month)" : ""}
        </span>
      </p>
      {rows.length === 0 ? (
        <p class="muted" data-testid="dash-spend-none">
          Cost Explorer reports no charges so far this month.
        </p>
      ) : (
        <table class="table" data-testid="dash-spend-bars" aria-label={`Month-to-date spend by service in ${currency ?? "the account's currency"}`}>
          <tbody>
            {rows.map((r, i) => (
              <SpendRow key={r.service} label={r.service} amount={r.amount} pct={pct[i]} currency={currency} />
            ))}
            {other ? (
              <SpendRow
                label={`Other services (${other.services})`}
                amount={other.amount}
                pct={pct[rows.length]}
                currency={currency}
              />
            ) : null}
          </tbody>
        </table>
      )}
      <p class="muted">
        {spend.accounts_assessed === 1 ? "One account" : `${spend.accounts_assessed} accounts`}, read from Cost Explorer
        (UnblendedCost) at <Time iso={spend.collected_at} testid="dash-spend-time" />.
      </p>
      {spend.status === "partial" ? <NotAssessedAccounts spend={spend} /> : null}
    </>
  );
}

function SpendRow({ label, amount, pct, currency }: { label: string; amount: number; pct: number; currency: string | null }) {
  return (
    <tr data-testid="dash-spend-row">
      <td>{label}</td>
      <td>
        <svg width="96" height="12" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={`${pct}% of the largest`}>
          <rect x="0" y="0" width="100" height="12" fill="#e2e8f0" />
          <rect x="0" y="0" width={String(pct)} height="12" fill="#2563eb" data-testid="dash-spend-bar" />
        </svg>
      </td>
      <td class="num">{money(amount, currency)}</td>
    </tr>
  );
}

function Grant({ spend }: { spend: Spend }) {
  if (!spend.how_to_grant) return null;
  return (
    <details data-testid="dash-spend-grant" open={spend.status === "not_assessed"}>
      <summary>How to let CloudPeek read it</summary>
      <ol class="steps">
        {spend.how_to_grant.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <JsonBlock value={spend.how_to_grant.policy} testid="dash-spend-policy" />
    </details>
  );
}

function NotAssessedAccounts({ spend }: { spend: Spend }) {
  return (
    <div data-testid="dash-spend-partial">
      <p class="warn">
        Not included: {spend.accounts_not_assessed.map((a) => `“${a.label}” (${a.missing_action ? `needs ${a.missing_action}` : a.reason})`).join("; ")}.
      </p>
      <Grant spend={spend} />
    </div>
  );
}

function SpendUnknown({ spend }: { spend: Spend }) {
  if (spend.status === "not_collected") {
    return (
      <p class="muted" data-testid="dash-spend-not-collected">
        Not read yet. {spend.reason}
      </p>
    );
  }
  return (
    <div data-testid="dash-spend-not-assessed">
      <p>
        <StatusBadge status="NOT_ASSESSED" />{" "}
        {spend.missing_action ? (
          <>
            CloudPeek may not call <code data-testid="dash-spend-action">{spend.missing_action}</code>: the SecurityAudit
            policy does not include it, so the spend is unknown (not zero).
          </>
        ) : (
          <>The spend is unknown (not zero).</>
        )}
      </p>
      {spend.reason ? <p class="muted">{spend.reason}</p> : null}
      <Grant spend={spend} />
    </div>
  );
}
