// Small shared pieces: badges, error boxes, a pager, a loading line, field errors.
import type { ComponentChildren } from "preact";
import { ApiError } from "../api";
import { pageCount } from "../lib/filters";
import { formatTime, formatUtc } from "../lib/format";

export function SeverityBadge({ severity }: { severity: string }) {
  return <span class={`badge sev-${severity.replace(/[^a-z]/g, "")}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge st-${status.toLowerCase().replace(/[^a-z_]/g, "")}`}>{status.replace("_", " ")}</span>;
}

// A time in the browser's zone, named ("2026-11-30 08:00:00 CET"), with UTC on hover.
export function Time({ iso, testid }: { iso: string | null | undefined; testid?: string }) {
  if (!iso || Number.isNaN(Date.parse(iso))) return <span data-testid={testid}>{formatTime(iso)}</span>;
  return (
    <time dateTime={iso} title={formatUtc(iso)} data-testid={testid}>
      {formatTime(iso)}
    </time>
  );
}

export function ErrorBox({ error, testid = "error" }: { error: unknown; testid?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const message = e ? e.message : error instanceof Error ? error.message : String(error);
  // Expired credentials: the advice is the renewal steps, which the banner at the top
  // of every page already lists; they are shown once per page.
  const advice = e?.code === "credentials_expired" ? "The renewal steps are at the top of the page." : e?.advice;
  return (
    <div class="error-box" role="alert" data-testid={testid}>
      <strong>{message}</strong>
      {advice ? <div class="advice">{advice}</div> : null}
    </div>
  );
}

export function FieldError({ message, testid }: { message?: string; testid: string }) {
  if (!message) return null;
  return (
    <div class="field-error" role="alert" data-testid={testid}>
      {message}
    </div>
  );
}

export function Loading({ what = "Loading" }: { what?: string }) {
  return <p class="muted" data-testid="loading">{what}…</p>;
}

export function Card({ title, children, testid }: { title: string; children: ComponentChildren; testid?: string }) {
  return (
    <section class="card" data-testid={testid}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Pager({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (p: number) => void;
}) {
  const pages = pageCount(total, pageSize);
  return (
    <nav class="pager" data-testid="pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="pager-prev">
        ‹ Previous
      </button>
      <span data-testid="pager-info">
        Page {page} of {pages} · {total} total
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="pager-next">
        Next ›
      </button>
    </nav>
  );
}

// A table that scrolls sideways inside its own box on a narrow screen, never the page.
// Focusable, so a keyboard user can scroll it too.
export function TableWrap({ children }: { children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0}>
      {children}
    </div>
  );
}

// Pretty JSON as text (never HTML). Focusable: a long document scrolls in its box,
// and a keyboard user must be able to scroll it too.
export function JsonBlock({ value, testid }: { value: unknown; testid?: string }) {
  let text: string;
  try {
    text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  } catch {
    text = String(value);
  }
  return (
    <pre class="json" tabIndex={0} data-testid={testid}>
      {text}
    </pre>
  );
}
