// The SQLite store's read side: findings (filters, search, sort, paging,
// detail, mutes), the dashboard aggregates, the inventory.
#include <set>
#include <variant>

#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

namespace {

using Bind = std::variant<int64_t, std::string>;

PageRequest clamp_page(const PageRequest& p) {
  PageRequest out = p;
  if (out.page < 1) out.page = 1;
  if (out.page_size < 1) out.page_size = 1;
  if (out.page_size > 500) out.page_size = 500;
  return out;
}

void bind_all(Stmt& s, const std::vector<Bind>& binds, int start = 1) {
  int i = start;
  for (const auto& b : binds) {
    if (std::holds_alternative<int64_t>(b)) {
      s.bind(i++, std::get<int64_t>(b));
    } else {
      s.bind(i++, std::get<std::string>(b));
    }
  }
}

// "%text%" with LIKE's wildcards escaped (ESCAPE '\').
std::string like_pattern(const std::string& q) {
  std::string out = "%";
  for (char c : q) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

template <class T, class F>
void any_of(std::string& where, std::vector<Bind>& binds, const char* column, const std::vector<T>& values, F conv) {
  if (values.empty()) return;
  where += std::string(" AND ") + column + " IN (";
  for (size_t i = 0; i < values.size(); ++i) {
    where += i ? ", ?" : "?";
    binds.push_back(conv(values[i]));
  }
  where += ")";
}

// Optional id: nullopt when absent; -1 (matches nothing) when not a valid id.
std::optional<int64_t> opt_id(const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  try {
    return parse_id(*id, "provider");
  } catch (const StoreError&) {
    return -1;
  }
}

struct Where {
  std::string sql = " WHERE 1 = 1";
  std::vector<Bind> binds;
};

// " AND <column> IN (?, ...)" over the ids that are ids at all; none (an OU
// without accounts, or only ids that name nothing): a condition no row meets.
// One query for any number of accounts, so paging and totals stay those of
// the whole set.
void in_providers(Where& w, const char* column, const std::vector<std::string>& ids) {
  std::vector<int64_t> valid;
  for (const auto& id : ids)
    if (auto n = opt_id(id); n && *n >= 0) valid.push_back(*n);
  if (valid.empty()) {
    w.sql += " AND 0";
    return;
  }
  w.sql += std::string(" AND ") + column + " IN (";
  for (size_t i = 0; i < valid.size(); ++i) {
    w.sql += i ? ", ?" : "?";
    w.binds.push_back(valid[i]);
  }
  w.sql += ")";
}

Where finding_where(const FindingFilter& f) {
  Where w;
  if (auto pid = opt_id(f.provider_id)) {
    w.sql += " AND f.provider_id = ?";
    w.binds.push_back(*pid);
  }
  if (f.provider_ids) in_providers(w, "f.provider_id", *f.provider_ids);
  auto same = [](const std::string& s) -> Bind { return s; };
  any_of(w.sql, w.binds, "f.severity", f.severities, [](Severity s) -> Bind { return static_cast<int64_t>(s); });
  any_of(w.sql, w.binds, "f.service", f.services, same);
  any_of(w.sql, w.binds, "f.region", f.regions, same);
  any_of(w.sql, w.binds, "f.account", f.accounts, same);
  any_of(w.sql, w.binds, "f.check_id", f.checks, same);
  any_of(w.sql, w.binds, "f.status", f.statuses, [](FindingStatus s) -> Bind { return to_string(s); });
  any_of(w.sql, w.binds, "f.result", f.results,
         [](CheckStatus s) -> Bind { return std::string(cloudpeek::to_string(s)); });
  if (f.control) {
    w.sql += " AND f.check_id IN (SELECT check_id FROM check_controls WHERE control_id = ?)";
    w.binds.push_back(*f.control);
  }
  if (f.resource_arn) {
    w.sql += " AND f.resource_arn = ?";
    w.binds.push_back(*f.resource_arn);
  }
  if (!f.q.empty()) {
    std::string p = like_pattern(f.q);
    // A separate id set: found by one pass over the narrow findings_search
    // index instead of the wide rows.
    w.sql +=
        " AND f.id IN (SELECT s.id FROM findings s WHERE s.resource_name LIKE ? ESCAPE '\\' "
        "OR s.resource_arn LIKE ? ESCAPE '\\' OR s.check_id IN (SELECT id FROM checks WHERE title LIKE ? ESCAPE '\\'))";
    w.binds.push_back(p);
    w.binds.push_back(p);
    w.binds.push_back(p);
  }
  return w;
}

// `selective`: the filter narrows to few rows through its own index (a check,
// a control, a resource, a search); then sorting them beats walking the whole
// sort index, and SQLite's unary "+" keeps the planner from choosing the latter.
std::string finding_order(const std::string& sort, bool selective = false) {
  std::string p = selective ? "+" : "";
  auto by = [&](const char* col, const char* dir, const char* more = "") {
    return std::string(" ORDER BY ") + p + "f." + col + " " + dir + more + ", " + p + "f.id " + dir;
  };
  if (sort.empty() || sort == "-severity") return by("severity", "DESC");
  if (sort == "severity") return by("severity", "ASC");
  if (sort == "last_seen") return by("last_seen", "ASC");
  if (sort == "-last_seen") return by("last_seen", "DESC");
  if (sort == "check") return by("check_id", "ASC");
  if (sort == "-check") return by("check_id", "DESC");
  if (sort == "resource") return by("resource_name", "ASC", (", " + p + "f.resource_arn ASC").c_str());
  if (sort == "-resource") return by("resource_name", "DESC", (", " + p + "f.resource_arn DESC").c_str());
  throw StoreError(StoreError::Kind::kInvalid,
                   "unknown sort \"" + sort + "\": use severity, -severity, last_seen, -last_seen, check or resource");
}

bool selective(const FindingFilter& f) {
  return !f.checks.empty() || f.control || f.resource_arn || !f.q.empty();
}

// A filter on provider, severity, check and status only: finding_stats (kept
// with every change, same column names) has its total in a few hundred rows,
// where COUNT(*) walks up to a million index entries per page request.
bool counted_in_stats(const FindingFilter& f) {
  return f.services.empty() && f.regions.empty() && f.accounts.empty() && f.results.empty() && !f.control &&
         !f.resource_arn && f.q.empty();
}

}  // namespace

Paged<FindingRow> SqliteStore::list_findings(const FindingFilter& filter, const PageRequest& page) {
  PageRequest p = clamp_page(page);
  std::string order = finding_order(filter.sort);
  Where w = finding_where(filter);
  return read([&](Db& db) {
    Paged<FindingRow> out{0, p.page, p.page_size, {}};
    // One read transaction: the count and the page see the same snapshot.
    Transaction tx(db, false);
    {
      Stmt c = db.prepare(counted_in_stats(filter) ? "SELECT COALESCE(SUM(f.n), 0) FROM finding_stats f" + w.sql
                                                   : "SELECT COUNT(*) FROM findings f" + w.sql);
      bind_all(c, w.binds);
      c.step();
      out.total = c.i64(0);
    }
    // The page's ids first (from indexes where the filter allows), then their rows.
    Stmt s = db.prepare(std::string("SELECT ") + kFindingColumns + kFindingFrom + " WHERE f.id IN (SELECT f.id FROM findings f" +
                        w.sql + finding_order(filter.sort, selective(filter)) + " LIMIT ? OFFSET ?)" + order);
    bind_all(s, w.binds);
    int n = static_cast<int>(w.binds.size());
    s.bind(n + 1, p.page_size).bind(n + 2, (p.page - 1) * p.page_size);
    while (s.step()) out.items.push_back(read_finding(s));
    return out;
  });
}

void SqliteStore::for_each_finding(const FindingFilter& filter, const std::function<bool(const FindingRow&)>& f) {
  std::string order = finding_order(filter.sort);
  Where w = finding_where(filter);
  read([&](Db& db) {
    Transaction tx(db, false);
    Stmt s = db.prepare(std::string("SELECT ") + kFindingColumns + kFindingFrom + w.sql +
                        finding_order(filter.sort, selective(filter)));
    bind_all(s, w.binds);
    while (s.step())
      if (!f(read_finding(s))) break;
  });
}

FindingRow SqliteStore::finding_in(Db& db, int64_t id) {
  Stmt s = db.prepare(std::string("SELECT ") + kFindingColumns + kFindingFrom + " WHERE f.id = ?");
  s.bind(1, id);
  if (!s.step()) throw StoreError(StoreError::Kind::kNotFound, "no finding with id \"" + std::to_string(id) + "\"");
  return read_finding(s);
}

std::optional<FindingDetail> SqliteStore::get_finding(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "finding");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<FindingDetail> {
    Transaction tx(db, false);
    FindingDetail d;
    try {
      d.finding = finding_in(db, n);
    } catch (const StoreError& e) {
      if (e.kind() == StoreError::Kind::kNotFound) return std::nullopt;
      throw;
    }
    Stmt h = db.prepare("SELECT at, status, result, detail, scan_id FROM finding_history WHERE finding_id = ? ORDER BY id");
    h.bind(1, n);
    while (h.step()) {
      HistoryEntry e;
      e.at = from_db(h.i64(0));
      e.status = parse_finding_status(h.text(1)).value_or(FindingStatus::kNotAssessed);
      e.result = parse_check_result(h.text(2)).value_or(CheckStatus::kNotAssessed);
      e.detail = h.text(3);
      if (auto s = h.opt_i64(4)) e.scan_id = std::to_string(*s);
      d.history.push_back(std::move(e));
    }
    Stmt r = db.prepare("SELECT id FROM resources WHERE provider_id = ? AND arn = ?");
    r.bind(1, std::stoll(d.finding.provider_id)).bind(2, d.finding.resource_arn);
    if (r.step()) d.resource_id = std::to_string(r.i64(0));
    return d;
  });
}

FindingRow SqliteStore::mute_finding(const std::string& id, const std::string& reason, std::optional<Time> until,
                                     const std::string& user, Time now) {
  int64_t n = parse_id(id, "finding");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw StoreError(StoreError::Kind::kInvalid, "a mute needs a reason");
  if (until && *until <= now) throw StoreError(StoreError::Kind::kInvalid, "a mute's end must be in the future");
  return write([&](Db& db) {
    Transaction tx(db);
    FindingRow cur = finding_in(db, n);
    FindingStatus st = cur.status == FindingStatus::kOpen ? FindingStatus::kMuted : cur.status;
    Stmt s = db.prepare(
        "UPDATE findings SET mute_reason = ?, mute_until = ?, mute_by = ?, mute_at = ?, status = ? WHERE id = ?");
    s.bind(1, reason);
    if (until) {
      s.bind(2, to_db(*until));
    } else {
      s.bind(2, nullptr);
    }
    s.bind(3, user).bind(4, to_db(now)).bind(5, to_string(st)).bind(6, n).exec();
    move_stat(db, std::stoll(cur.provider_id), cur.check_id, cur.severity, cur.status, st);
    std::string note = "muted by " + user + ": " + reason;
    if (until) note += " (until " + format_time(*until) + ")";
    add_history(db, n, now, st, std::string(cloudpeek::to_string(cur.result)), note, std::nullopt);
    record_open_daily(db, std::stoll(cur.provider_id), now);
    FindingRow out = finding_in(db, n);
    tx.commit();
    return out;
  });
}

namespace {

// Clears a finding's mute; `note` goes to its history.
void unmute_in(Db& db, const FindingRow& cur, Time now, const std::string& note) {
  int64_t n = std::stoll(cur.id);
  FindingStatus st = cur.status == FindingStatus::kMuted ? FindingStatus::kOpen : cur.status;
  db.prepare(
        "UPDATE findings SET mute_reason = NULL, mute_until = NULL, mute_by = NULL, mute_at = NULL, status = ? "
        "WHERE id = ?")
      .bind(1, to_string(st))
      .bind(2, n)
      .exec();
  move_stat(db, std::stoll(cur.provider_id), cur.check_id, cur.severity, cur.status, st);
  add_history(db, n, now, st, std::string(cloudpeek::to_string(cur.result)), note, std::nullopt);
}

}  // namespace

FindingRow SqliteStore::unmute_finding(const std::string& id, const std::string& user, Time now) {
  int64_t n = parse_id(id, "finding");
  return write([&](Db& db) {
    Transaction tx(db);
    FindingRow cur = finding_in(db, n);
    if (!cur.mute) return cur;
    unmute_in(db, cur, now, "unmuted by " + user);
    record_open_daily(db, std::stoll(cur.provider_id), now);
    FindingRow out = finding_in(db, n);
    tx.commit();
    return out;
  });
}

int64_t SqliteStore::expire_mutes_in(Db& db, Time now, std::optional<int64_t> provider_id) {
  std::vector<int64_t> ids;
  {
    // "+provider_id": look the mutes up by their end (few rows), not by provider (many).
    Stmt s = db.prepare(provider_id ? "SELECT id FROM findings WHERE mute_until <= ? AND +provider_id = ?"
                                    : "SELECT id FROM findings WHERE mute_until <= ?");
    s.bind(1, to_db(now));
    if (provider_id) s.bind(2, *provider_id);
    while (s.step()) ids.push_back(s.i64(0));
  }
  std::set<int64_t> providers;
  for (int64_t id : ids) {
    FindingRow cur = finding_in(db, id);
    unmute_in(db, cur, now, "mute expired (set by " + cur.mute->by + ": " + cur.mute->reason + ")");
    providers.insert(std::stoll(cur.provider_id));
  }
  for (int64_t p : providers) record_open_daily(db, p, now);
  return static_cast<int64_t>(ids.size());
}

int64_t SqliteStore::expire_mutes(Time now) {
  return write([&](Db& db) {
    Transaction tx(db);
    int64_t n = expire_mutes_in(db, now, std::nullopt);
    tx.commit();
    return n;
  });
}

std::vector<CheckSummary> SqliteStore::check_summaries(const std::optional<std::string>& provider_id) {
  auto pid = opt_id(provider_id);
  return read([&](Db& db) {
    Transaction tx(db, false);
    std::map<std::string, CheckSummary> by;
    // check_results is kept by every publish (resolved FAILs, resources gone, no longer count).
    Stmt s = db.prepare(std::string("SELECT check_id, result, SUM(n), MIN(first_not_assessed_detail) FROM check_results") +
                        (pid ? " WHERE provider_id = ?" : "") + " GROUP BY check_id, result");
    if (pid) s.bind(1, *pid);
    while (s.step()) {
      CheckSummary& c = by[s.text(0)];
      c.check_id = s.text(0);
      std::string r = s.text(1);
      int64_t n = s.i64(2);
      if (r == "PASS") c.counts.pass += n;
      else if (r == "FAIL") c.counts.fail += n;
      else if (r == "MANUAL") c.counts.manual += n;
      else c.counts.not_assessed += n;
      if (r == "NOT_ASSESSED" && !s.is_null(3)) c.first_not_assessed_detail = s.text(3);
    }
    std::vector<CheckSummary> out;
    for (auto& [k, v] : by) out.push_back(std::move(v));
    return out;
  });
}

// ---- dashboard -------------------------------------------------------------------------------

Dashboard SqliteStore::dashboard(const std::optional<std::string>& provider_id, Time now, int top_checks, int days) {
  auto pid = opt_id(provider_id);
  if (days < 1) days = 1;
  if (days > 366) days = 366;
  return read([&](Db& db) {
    Transaction tx(db, false);
    Dashboard d;
    std::string and_p = pid ? " AND provider_id = ?" : "";
    std::string where_p = pid ? " WHERE provider_id = ?" : "";

    std::set<std::string> accounts;
    {
      Stmt s = db.prepare("SELECT DISTINCT account FROM resources" + where_p);
      if (pid) s.bind(1, *pid);
      while (s.step())
        if (!s.text(0).empty()) accounts.insert(s.text(0));
      Stmt p = db.prepare(std::string("SELECT identity FROM providers") + (pid ? " WHERE id = ?" : ""));
      if (pid) p.bind(1, *pid);
      while (p.step()) {
        Json j = Json::parse(p.text(0), nullptr, false);
        if (j.is_object() && j.contains("account") && j["account"].is_string() &&
            !j["account"].get<std::string>().empty())
          accounts.insert(j["account"].get<std::string>());
      }
    }
    d.accounts_monitored = static_cast<int64_t>(accounts.size());
    {
      Stmt s = db.prepare("SELECT COUNT(DISTINCT service) FROM resources" + where_p);
      if (pid) s.bind(1, *pid);
      s.step();
      d.services_in_use = s.i64(0);
    }
    for (auto sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInformational})
      d.open_by_severity[sev] = 0;
    {
      Stmt s = db.prepare("SELECT severity, SUM(n) FROM finding_stats WHERE status = 'open'" + and_p + " GROUP BY severity");
      if (pid) s.bind(1, *pid);
      while (s.step()) d.open_by_severity[static_cast<Severity>(s.i64(0))] = s.i64(1);
    }
    {
      Stmt s = db.prepare(
          "SELECT t.check_id, t.total, t.sev, COALESCE(c.title, '') FROM (SELECT check_id, SUM(n) AS total, "
          "MAX(severity) AS sev FROM finding_stats WHERE status = 'open' AND n > 0" + and_p +
          " GROUP BY check_id) t LEFT JOIN checks c ON c.id = t.check_id ORDER BY t.sev DESC, t.total DESC, t.check_id "
          "LIMIT ?");  // the worst first: by count alone the top 10 held no critical (issue 9)
      int i = 1;
      if (pid) s.bind(i++, *pid);
      s.bind(i, top_checks);
      while (s.step())
        if (s.i64(1) > 0)
          d.top_failing_checks.push_back(CheckCount{s.text(0), s.text(3), static_cast<Severity>(s.i64(2)), s.i64(1)});
    }
    {
      // Per provider, the last count on or before each day; summed across providers.
      std::vector<std::string> window;
      for (int i = days - 1; i >= 0; --i) window.push_back(day_of(now - std::chrono::days(i)));
      std::map<int64_t, std::vector<std::pair<std::string, int64_t>>> series;
      Stmt s = db.prepare("SELECT provider_id, day, open_count FROM open_daily WHERE day <= ?" + and_p +
                          " ORDER BY provider_id, day");
      s.bind(1, window.back());
      if (pid) s.bind(2, *pid);
      while (s.step()) series[s.i64(0)].emplace_back(s.text(1), s.i64(2));
      for (const auto& day : window) {
        int64_t total = 0;
        for (const auto& [p, points] : series) {
          int64_t v = 0;
          for (const auto& [dd, n] : points) {
            if (dd > day) break;
            v = n;
          }
          total += v;
        }
        d.open_over_time.push_back(DayCount{day, total});
      }
    }
    {
      // The last scan that ran to its end: a cancelled or failed one says little
      // about the account and must not stand in for it (issue 9).
      Stmt s = db.prepare(std::string("SELECT ") + kScanColumns +
                          " FROM scans WHERE finished_at IS NOT NULL AND status IN ('succeeded', 'partial')" + and_p +
                          " ORDER BY finished_at DESC, id DESC LIMIT 1");
      if (pid) s.bind(1, *pid);
      if (s.step()) d.last_scan = read_scan(s);
    }
    return d;
  });
}

// ---- inventory ------------------------------------------------------------------------------

std::vector<InventoryCount> SqliteStore::inventory_summary(const std::optional<std::string>& provider_id) {
  auto pid = opt_id(provider_id);
  return read([&](Db& db) {
    std::vector<InventoryCount> out;
    Stmt s = db.prepare(std::string("SELECT service, type, region, COUNT(*) FROM resources") +
                        (pid ? " WHERE provider_id = ?" : "") + " GROUP BY service, type, region ORDER BY service, type, region");
    if (pid) s.bind(1, *pid);
    while (s.step()) out.push_back(InventoryCount{s.text(0), s.text(1), s.text(2), s.i64(3)});
    return out;
  });
}

std::vector<InventoryCount> SqliteStore::inventory_summary(const std::vector<std::string>& provider_ids) {
  Where w;
  in_providers(w, "provider_id", provider_ids);
  return read([&](Db& db) {
    std::vector<InventoryCount> out;
    Stmt s = db.prepare("SELECT service, type, region, COUNT(*) FROM resources" + w.sql +
                        " GROUP BY service, type, region ORDER BY service, type, region");
    bind_all(s, w.binds);
    while (s.step()) out.push_back(InventoryCount{s.text(0), s.text(1), s.text(2), s.i64(3)});
    return out;
  });
}

// Beside list_scans(provider_id) (sqlite_scans.cc): an OU's accounts' history
// in one query, the count and the page from one snapshot.
Paged<Scan> SqliteStore::list_scans(const std::vector<std::string>& provider_ids, const PageRequest& page) {
  PageRequest p = clamp_page(page);
  Where w;
  in_providers(w, "provider_id", provider_ids);
  return read([&](Db& db) {
    Paged<Scan> out{0, p.page, p.page_size, {}};
    Transaction tx(db, false);
    {
      Stmt c = db.prepare("SELECT COUNT(*) FROM scans" + w.sql);
      bind_all(c, w.binds);
      c.step();
      out.total = c.i64(0);
    }
    Stmt s = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans" + w.sql + " ORDER BY id DESC LIMIT ? OFFSET ?");
    bind_all(s, w.binds);
    int n = static_cast<int>(w.binds.size());
    s.bind(n + 1, p.page_size).bind(n + 2, (p.page - 1) * p.page_size);
    while (s.step()) out.items.push_back(read_scan(s));
    return out;
  });
}

Paged<ResourceRow> SqliteStore::list_resources(const ResourceFilter& filter, const PageRequest& page) {
  PageRequest p = clamp_page(page);
  Where w;
  if (auto pid = opt_id(filter.provider_id)) {
    w.sql += " AND provider_id = ?";
    w.binds.push_back(*pid);
  }
  if (filter.provider_ids) in_providers(w, "provider_id", *filter.provider_ids);
  if (filter.service) {
    w.sql += " AND service = ?";
    w.binds.push_back(*filter.service);
  }
  if (filter.type) {
    w.sql += " AND type = ?";
    w.binds.push_back(*filter.type);
  }
  if (filter.region) {
    w.sql += " AND region = ?";
    w.binds.push_back(*filter.region);
  }
  if (!filter.q.empty()) {
    std::string q = like_pattern(filter.q);
    w.sql += " AND (name LIKE ? ESCAPE '\\' OR arn LIKE ? ESCAPE '\\')";
    w.binds.push_back(q);
    w.binds.push_back(q);
  }
  return read([&](Db& db) {
    Paged<ResourceRow> out{0, p.page, p.page_size, {}};
    Transaction tx(db, false);
    {
      Stmt c = db.prepare("SELECT COUNT(*) FROM resources" + w.sql);
      bind_all(c, w.binds);
      c.step();
      out.total = c.i64(0);
    }
    Stmt s = db.prepare(std::string("SELECT ") + kResourceColumns + " FROM resources" + w.sql +
                        " ORDER BY service, type, region, name, id LIMIT ? OFFSET ?");
    bind_all(s, w.binds);
    int n = static_cast<int>(w.binds.size());
    s.bind(n + 1, p.page_size).bind(n + 2, (p.page - 1) * p.page_size);
    while (s.step()) out.items.push_back(read_resource(s));
    return out;
  });
}

std::optional<ResourceDetail> SqliteStore::get_resource(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "resource");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<ResourceDetail> {
    Transaction tx(db, false);
    Stmt s = db.prepare(std::string("SELECT ") + kResourceColumns + ", props, missing, raw FROM resources WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    ResourceDetail d;
    d.resource = read_resource(s);
    d.props = Json::parse(s.text(11), nullptr, false);
    if (d.props.is_discarded()) d.props = Json::object();
    Json missing = Json::parse(s.text(12), nullptr, false);
    if (missing.is_object())
      for (auto& [k, v] : missing.items())
        if (v.is_string()) d.missing[k] = v.get<std::string>();
    d.raw = Json::parse(s.text(13), nullptr, false);
    if (d.raw.is_discarded()) d.raw = Json::object();
    Stmt f = db.prepare(std::string("SELECT ") + kFindingColumns + kFindingFrom +
                        " WHERE f.provider_id = ? AND f.resource_arn = ? ORDER BY f.severity DESC, f.check_id, f.id");
    f.bind(1, std::stoll(d.resource.provider_id)).bind(2, d.resource.arn);
    while (f.step()) d.findings.push_back(read_finding(f));
    return d;
  });
}

}  // namespace cloudpeek::store::sqlite
