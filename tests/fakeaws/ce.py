"""Cost Explorer (botocore service "ce"): GetCostAndUsage over a scenario's
month-to-date spend.

Scenario data, per account:
  "cost_explorer": {"currency": "USD",
                    "month_to_date": {"Amazon Simple Storage Service": "12.5", ...}}
All of it is charged in the month that contains "now" (the answer is
"Estimated": true, as AWS says of a month not yet closed); other months of the
period have no cost. An account without the key has no cost, which AWS
answers with empty groups, not an error.

As AWS: TimePeriod Start/End are YYYY-MM-DD, End exclusive and after Start;
Granularity DAILY|MONTHLY|HOURLY; at least one Metric; GroupBy at most two
(DIMENSION SERVICE is what the scenario has); a LINKED_ACCOUNT filter keeps
only the named accounts' costs. MONTHLY periods are split at month starts;
grouped results carry an empty Total. Amounts are strings. DAILY and HOURLY
are refused here (ValidationException naming them): CloudPeek asks MONTHLY.
A scripted answer (services.ce.*.GetCostAndUsage) wins over all this.
"""

import datetime

from errors import AwsError

_METRICS = {"AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost", "NormalizedUsageAmount",
            "UnblendedCost", "UsageQuantity"}


def _date(value, name):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise AwsError("ValidationException", f"{name} date {value!r} is not in the format YYYY-MM-DD", 400)


def _month_starts(start, end):
    """[start, end) cut at each first of the month."""
    out, cur = [], start
    while cur < end:
        nxt = (cur.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        out.append((cur, min(nxt, end)))
        cur = nxt
    return out


def _accounts_filter(flt):
    """The accounts a filter keeps (None: all). Only LINKED_ACCOUNT is understood."""
    if not flt:
        return None
    dims = flt.get("Dimensions")
    if dims and dims.get("Key") == "LINKED_ACCOUNT":
        return set(dims.get("Values", []))
    raise AwsError("ValidationException", "fakeaws: only a LINKED_ACCOUNT dimension filter is emulated", 400)


def get_cost_and_usage(ctx):
    p = ctx.params
    period = p.get("TimePeriod") or {}
    start, end = _date(period.get("Start"), "Start"), _date(period.get("End"), "End")
    if not start < end:
        raise AwsError("ValidationException", "Start date (and hour) should be before end date (and hour)", 400)
    granularity = p.get("Granularity")
    if granularity not in ("DAILY", "MONTHLY", "HOURLY"):
        raise AwsError("ValidationException", f"Granularity {granularity!r} is not DAILY, MONTHLY or HOURLY", 400)
    if granularity != "MONTHLY":
        raise AwsError("ValidationException", f"fakeaws: {granularity} granularity is not emulated", 400)
    metrics = p.get("Metrics") or []
    if not metrics or any(m not in _METRICS for m in metrics):
        raise AwsError("ValidationException", f"Metrics {metrics!r} must be among {sorted(_METRICS)}", 400)
    group_by = p.get("GroupBy") or []
    if len(group_by) > 2:
        raise AwsError("ValidationException", "GroupBy takes at most two groups", 400)
    by_service = any(g.get("Type") == "DIMENSION" and g.get("Key") == "SERVICE" for g in group_by)
    keep = _accounts_filter(p.get("Filter"))

    data = ctx.state.scenario.accounts.get(ctx.account, {}).get("cost_explorer", {})
    currency = data.get("currency", "USD")
    spend = data.get("month_to_date", {}) if keep is None or ctx.account in keep else {}
    today = ctx.now.date()
    results = []
    for a, b in _month_starts(start, end):
        current = a <= today < b or (a.year, a.month) == (today.year, today.month)
        costs = spend if current else {}
        entry = {"TimePeriod": {"Start": a.isoformat(), "End": b.isoformat()}, "Estimated": current}
        if by_service:
            entry["Total"] = {}
            entry["Groups"] = [{"Keys": [name], "Metrics": {m: {"Amount": str(amount), "Unit": currency} for m in metrics}}
                               for name, amount in sorted(costs.items())]
        else:
            total = sum(float(v) for v in costs.values())
            entry["Total"] = {m: {"Amount": repr(total) if costs else "0", "Unit": currency} for m in metrics}
            entry["Groups"] = []
        results.append(entry)
    out = {"ResultsByTime": results, "DimensionValueAttributes": []}
    if group_by:
        out["GroupDefinitions"] = [{"Type": g.get("Type"), "Key": g.get("Key")} for g in group_by]
    return out


HANDLERS = {"GetCostAndUsage": get_cost_and_usage}


def handle(ctx):
    op = ctx.op_model.name
    scripted = ctx.state.scenario.entry(ctx.account, "ce", ctx.region, op)
    if scripted is not None or op not in HANDLERS:
        return None  # the generic scenario path answers
    return HANDLERS[op](ctx)
