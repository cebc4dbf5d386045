// The SQLite store's scans: staging a scan's rows, and publishing them into
// the current findings and resources in one transaction (see store.h).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_set>

#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

namespace {

// Staged rows of this many most recent scans per provider are kept (the
// labelled partial results of an interrupted scan among them); older ones are
// pruned at publish. The scans rows themselves stay.
constexpr int kKeepStagedScans = 3;

Json gaps_json(const std::vector<CoverageGap>& gaps) {
  Json out = Json::array();
  for (const auto& g : gaps)
    out.push_back({{"service", g.service},
                   {"region", g.region},
                   {"action", g.action},
                   {"kind", g.error_kind},
                   {"code", g.error_code},
                   {"message", g.message},
                   {"resource", g.resource},
                   {"resource_types", g.resource_types}});
  return out;
}

struct ScanState {
  int64_t provider_id;
  ScanStatus status;
  bool published;
};

ScanState scan_state(Db& db, int64_t scan_id, const std::string& id) {
  Stmt s = db.prepare("SELECT provider_id, status, published FROM scans WHERE id = ?");
  s.bind(1, scan_id);
  if (!s.step()) throw StoreError(StoreError::Kind::kNotFound, "no scan with id \"" + id + "\"");
  return {s.i64(0), parse_scan_status(s.text(1)).value_or(ScanStatus::kFailed), s.i64(2) != 0};
}

void require_open(const ScanState& st, const std::string& id) {
  if (st.published || (st.status != ScanStatus::kQueued && st.status != ScanStatus::kRunning))
    throw StoreError(StoreError::Kind::kInvalid, "scan " + id + " has finished; it takes no more results");
}

// Does a coverage gap of the scan cover this (resource, type, region, service)?
bool gap_covers(const std::vector<CoverageGap>& gaps, const std::string& arn, const std::string& type,
                const std::string& region, const std::string& service) {
  for (const auto& g : gaps) {
    if (!g.resource.empty()) {
      if (g.resource == arn) return true;
      continue;
    }
    bool region_match = g.region == region || g.region == "global" || g.region.empty();
    if (!region_match) continue;
    if (g.resource_types.empty()) {
      // A failed listing that names no types: assume it may hide anything of its service.
      if (g.service.empty() || g.service == service) return true;
      continue;
    }
    for (const auto& t : g.resource_types)
      if (t == type) return true;
  }
  return false;
}

}  // namespace

Scan SqliteStore::scan_in(Db& db, int64_t id) {
  Stmt s = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) throw StoreError(StoreError::Kind::kNotFound, "no scan with id \"" + std::to_string(id) + "\"");
  return read_scan(s);
}

Scan SqliteStore::create_scan(const std::string& provider_id, const std::vector<std::string>& regions,
                              const std::vector<std::string>& services, Time now,
                              const std::optional<std::string>& batch_id) {
  int64_t pid = parse_id(provider_id, "provider");
  std::optional<int64_t> bid;
  if (batch_id) bid = parse_id(*batch_id, "scan batch");
  return write([&](Db& db) {
    Transaction tx(db);
    if (!provider_in(db, pid)) throw StoreError(StoreError::Kind::kNotFound, "no provider with id \"" + provider_id + "\"");
    if (bid && !db.prepare("SELECT 1 FROM scan_batches WHERE id = ?").bind(1, *bid).step())
      throw StoreError(StoreError::Kind::kNotFound, "no scan batch with id \"" + *batch_id + "\"");
    Stmt insert = db.prepare(
        "INSERT INTO scans (id, provider_id, status, created_at, regions, services, batch_id) VALUES ((SELECT hi + 1 "
        "FROM id_high_water WHERE tbl = 'scans'), ?, 'queued', ?, ?, ?, ?)");
    insert.bind(1, pid).bind(2, to_db(now)).bind(3, Json(regions).dump()).bind(4, Json(services).dump());
    if (bid) {
      insert.bind(5, *bid);
    } else {
      insert.bind(5, nullptr);
    }
    insert.exec();
    Scan out = scan_in(db, db.last_insert_id());
    tx.commit();
    return out;
  });
}

void SqliteStore::mark_scan_running(const std::string& scan_id, Time started_at, const Json& identity) {
  int64_t id = parse_id(scan_id, "scan");
  write([&](Db& db) {
    Transaction tx(db);
    require_open(scan_state(db, id, scan_id), scan_id);
    Stmt s = db.prepare("UPDATE scans SET status = 'running', started_at = ?, identity = COALESCE(?, identity) WHERE id = ?");
    s.bind(1, to_db(started_at));
    if (identity.is_null()) {
      s.bind(2, nullptr);
    } else {
      s.bind(2, identity.dump());
    }
    s.bind(3, id).exec();
    tx.commit();
  });
}

void SqliteStore::add_scan_resources(const std::string& scan_id, const std::vector<Resource>& resources) {
  int64_t id = parse_id(scan_id, "scan");
  write([&](Db& db) {
    Transaction tx(db);
    require_open(scan_state(db, id, scan_id), scan_id);
    for (const Resource& r : resources) {
      Json tags = Json::object();
      for (const auto& [k, v] : r.tags) tags[k] = v;
      Json missing = Json::object();
      for (const auto& [k, v] : r.missing) missing[k] = v;
      db.prepare(
            "INSERT INTO scan_resources (scan_id, arn, type, service, region, account, name, tags, props, missing, raw) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(1, id)
          .bind(2, r.arn)
          .bind(3, r.type)
          .bind(4, service_of_type(r.type))
          .bind(5, r.region)
          .bind(6, r.account)
          .bind(7, r.name.empty() ? r.id : r.name)
          .bind(8, tags.dump(-1, ' ', false, Json::error_handler_t::replace))
          .bind(9, r.props.dump(-1, ' ', false, Json::error_handler_t::replace))
          .bind(10, missing.dump(-1, ' ', false, Json::error_handler_t::replace))
          .bind(11, r.raw.dump(-1, ' ', false, Json::error_handler_t::replace))
          .exec();
    }
    db.prepare("UPDATE scans SET n_resources = n_resources + ? WHERE id = ?")
        .bind(1, static_cast<int64_t>(resources.size()))
        .bind(2, id)
        .exec();
    tx.commit();
  });
}

void SqliteStore::add_scan_findings(const std::string& scan_id, const std::vector<Finding>& findings) {
  int64_t id = parse_id(scan_id, "scan");
  write([&](Db& db) {
    Transaction tx(db);
    require_open(scan_state(db, id, scan_id), scan_id);
    int64_t n[4] = {0, 0, 0, 0};
    for (const Finding& f : findings) {
      // Appended as reported (cheap while the scan runs); a repeated report of
      // the same check, resource and region is resolved at publish, last wins.
      Stmt insert = db.prepare(
          "INSERT INTO scan_findings (scan_id, check_id, result, severity, service, resource_type, resource_arn, "
          "resource_name, account, region, detail, monthly_cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insert.bind(1, id)
          .bind(2, f.check_id)
          .bind(3, std::string(cloudpeek::to_string(f.status)))
          .bind(4, static_cast<int64_t>(f.severity))
          .bind(5, f.service)
          .bind(6, f.resource_type)
          .bind(7, f.resource_arn)
          .bind(8, f.resource_name)
          .bind(9, f.account)
          .bind(10, f.region)
          .bind(11, f.detail)
          .bind(12, nullptr);
      if (f.monthly_cost_usd) sqlite3_bind_double(insert.raw(), 12, *f.monthly_cost_usd);
      insert.exec();
      ++n[static_cast<int>(f.status)];
    }
    db.prepare(
          "UPDATE scans SET n_pass = n_pass + ?, n_fail = n_fail + ?, n_not_assessed = n_not_assessed + ?, "
          "n_manual = n_manual + ? WHERE id = ?")
        .bind(1, n[static_cast<int>(CheckStatus::kPass)])
        .bind(2, n[static_cast<int>(CheckStatus::kFail)])
        .bind(3, n[static_cast<int>(CheckStatus::kNotAssessed)])
        .bind(4, n[static_cast<int>(CheckStatus::kManual)])
        .bind(5, id)
        .exec();
    tx.commit();
  });
}

Scan SqliteStore::finish_scan(const std::string& scan_id, const ScanFinish& finish) {
  int64_t id = parse_id(scan_id, "scan");
  if (finish.status != ScanStatus::kSucceeded && finish.status != ScanStatus::kPartial &&
      finish.status != ScanStatus::kFailed && finish.status != ScanStatus::kInterrupted)
    throw StoreError(StoreError::Kind::kInvalid, "a scan finishes as succeeded, partial, failed or interrupted, not " +
                                                     to_string(finish.status));
  return write([&](Db& db) {
    Transaction tx(db);
    require_open(scan_state(db, id, scan_id), scan_id);
    Scan out = publish_in(db, id, finish);
    tx.commit();
    // Keep the planner's statistics current as the tables grow (cheap when nothing changed much).
    db.exec_script("PRAGMA analysis_limit=1000; PRAGMA optimize");
    return out;
  });
}

int64_t SqliteStore::interrupt_unfinished_scans(const std::string& reason, Time now) {
  return write([&](Db& db) {
    std::vector<int64_t> ids;
    {
      Stmt s = db.prepare("SELECT id FROM scans WHERE status IN ('queued', 'running') AND published = 0 ORDER BY id");
      while (s.step()) ids.push_back(s.i64(0));
    }
    for (int64_t id : ids) {
      Transaction tx(db);
      Scan cur = scan_in(db, id);
      ScanFinish f;
      f.status = ScanStatus::kInterrupted;
      f.reason = reason;
      f.finished_at = now;
      f.gaps = cur.gaps;
      publish_in(db, id, f);
      tx.commit();
    }
    return static_cast<int64_t>(ids.size());
  });
}

// The heart of the store: see the publishing rules in store.h.
Scan SqliteStore::publish_in(Db& db, int64_t scan_id, const ScanFinish& finish) {
  Scan scan = scan_in(db, scan_id);
  int64_t pid = std::stoll(scan.provider_id);
  Time t = finish.finished_at;
  // A partial scan ran everywhere it was asked to: its gaps keep what they
  // cover from being resolved (gap_covers), the rest it saw or did not.
  bool complete = finish.status == ScanStatus::kSucceeded || finish.status == ScanStatus::kPartial;

  // CLOUDPEEK_STORE_TRACE=1: each step's time on stderr (benchmarks).
  static const bool trace = std::getenv("CLOUDPEEK_STORE_TRACE") != nullptr;
  auto t0 = std::chrono::steady_clock::now();
  auto step = [&](const char* what) {
    if (!trace) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "publish %lld: %-10s %8.1f ms\n", static_cast<long long>(scan_id), what,
                 std::chrono::duration<double, std::milli>(now - t0).count());
    t0 = now;
  };
  expire_mutes_in(db, t, pid);
  step("mutes");

  // 1. The staged findings, the last report per (check, resource, region),
  //    in key order; one pass matches them with the current findings (walking
  //    the findings' key in the same order); then set-based writes for the
  //    common cases (seen again unchanged; new) and row-by-row ones for
  //    changes, which need history.
  db.exec_script("DROP TABLE IF EXISTS temp.publish_latest");
  db.exec_script("DROP TABLE IF EXISTS temp.publish_match");
  db.exec_script("CREATE TEMP TABLE publish_latest (k INTEGER PRIMARY KEY, sid INTEGER NOT NULL)");
  db.exec_script(
      "CREATE TEMP TABLE publish_match (sid INTEGER PRIMARY KEY, fid INTEGER, same INTEGER NOT NULL, result TEXT)");
  db.prepare(
        "INSERT INTO temp.publish_latest (sid) SELECT MAX(id) FROM scan_findings WHERE scan_id = ? "
        "GROUP BY check_id, resource_arn, region ORDER BY check_id, resource_arn, region")
      .bind(1, scan_id)
      .exec();
  step("latest");
  db.prepare(
        "INSERT INTO temp.publish_match (sid, fid, same, result) SELECT sf.id, f.id, "
        "f.id IS NOT NULL AND f.result = sf.result AND f.severity = sf.severity AND f.account = sf.account "
        "AND f.service = sf.service AND f.resource_type = sf.resource_type AND f.resource_name = sf.resource_name "
        "AND f.status = CASE sf.result "
        "  WHEN 'FAIL' THEN CASE WHEN f.mute_reason IS NOT NULL THEN 'muted' ELSE 'open' END "
        "  WHEN 'PASS' THEN CASE WHEN f.ever_failed <> 0 THEN 'resolved' ELSE 'passed' END "
        "  ELSE 'not_assessed' END, sf.result "
        "FROM temp.publish_latest l JOIN scan_findings sf ON sf.id = l.sid LEFT JOIN findings f "
        "ON f.provider_id = ? AND f.check_id = sf.check_id AND f.resource_arn = sf.resource_arn "
        "AND f.region = sf.region ORDER BY l.k")
      .bind(1, pid)
      .exec();
  db.exec_script("DROP TABLE temp.publish_latest");
  step("match");
  // 1a. Seen again with nothing changed but the detail text: last_seen moves on.
  db.prepare(
        "UPDATE findings SET detail = u.detail, monthly_cost_usd = u.cost, last_seen = ?, last_scan_id = ? FROM "
        "(SELECT m.fid AS fid, sf.detail AS detail, sf.monthly_cost_usd AS cost FROM temp.publish_match m "
        "JOIN scan_findings sf ON sf.id = m.sid WHERE m.same = 1 ORDER BY m.fid) AS u WHERE findings.id = u.fid")
      .bind(1, to_db(t))
      .bind(2, scan_id)
      .exec();
  step("unchanged");
  // 1b. New findings, with their first history row and their counts.
  int64_t max_before = 0;
  {
    Stmt m = db.prepare("SELECT COALESCE(MAX(id), 0) FROM findings");
    m.step();
    max_before = m.i64(0);
  }
  db.prepare(
        "INSERT INTO findings (provider_id, check_id, resource_arn, region, account, service, resource_type, "
        "resource_name, severity, result, status, detail, first_seen, last_seen, last_scan_id, ever_failed, "
        "monthly_cost_usd) "
        "SELECT ?, sf.check_id, sf.resource_arn, sf.region, sf.account, sf.service, sf.resource_type, "
        "sf.resource_name, sf.severity, sf.result, "
        "CASE sf.result WHEN 'FAIL' THEN 'open' WHEN 'PASS' THEN 'passed' ELSE 'not_assessed' END, sf.detail, ?, ?, ?, "
        "CASE sf.result WHEN 'FAIL' THEN 1 ELSE 0 END, sf.monthly_cost_usd "
        "FROM temp.publish_match m JOIN scan_findings sf ON sf.id = m.sid WHERE m.fid IS NULL ORDER BY sf.id")
      .bind(1, pid)
      .bind(2, to_db(t))
      .bind(3, to_db(t))
      .bind(4, scan_id)
      .exec();
  db.prepare(
        "INSERT INTO finding_history (finding_id, at, status, result, detail, scan_id) "
        "SELECT id, ?, status, result, detail, ? FROM findings WHERE id > ? ORDER BY id")
      .bind(1, to_db(t))
      .bind(2, scan_id)
      .bind(3, max_before)
      .exec();
  db.prepare(
        "INSERT INTO finding_stats (provider_id, check_id, severity, status, n) SELECT provider_id, check_id, "
        "severity, status, COUNT(*) FROM findings WHERE id > ? GROUP BY provider_id, check_id, severity, status "
        "ON CONFLICT (provider_id, check_id, severity, status) DO UPDATE SET n = n + excluded.n")
      .bind(1, max_before)
      .exec();
  step("new");
  // 1c. What changed (or could not be assessed), one by one.
  {
    struct Change {
      int64_t fid;
      std::string result, old_result, old_status, detail, service, rtype, rname, account, check_id;
      int64_t severity, old_severity;
      bool ever_failed, muted;
    };
    std::vector<Change> changes;
    {
      Stmt c = db.prepare(
          "SELECT f.id, sf.result, f.result, f.status, sf.detail, sf.service, sf.resource_type, sf.resource_name, "
          "sf.account, f.check_id, sf.severity, f.severity, f.ever_failed, f.mute_reason IS NOT NULL "
          "FROM temp.publish_match m JOIN scan_findings sf ON sf.id = m.sid JOIN findings f ON f.id = m.fid "
          "WHERE m.same = 0 AND m.fid IS NOT NULL ORDER BY m.fid");
      while (c.step())
        changes.push_back(Change{c.i64(0), c.text(1), c.text(2), c.text(3), c.text(4), c.text(5), c.text(6),
                                 c.text(7), c.text(8), c.text(9), c.i64(10), c.i64(11), c.i64(12) != 0,
                                 c.i64(13) != 0});
    }
    for (const Change& ch : changes) {
      CheckStatus result = parse_check_result(ch.result).value_or(CheckStatus::kNotAssessed);
      FindingStatus old_st = parse_finding_status(ch.old_status).value_or(FindingStatus::kOpen);
      if (result == CheckStatus::kNotAssessed && ch.old_result == "FAIL") {
        // Missing data never clears a FAIL: it stays FAIL (open or muted), marked
        // as seen by this scan; the history says this scan could not assess it.
        db.prepare("UPDATE findings SET last_scan_id = ? WHERE id = ?").bind(1, scan_id).bind(2, ch.fid).exec();
        add_history(db, ch.fid, t, old_st, ch.result, "not assessed: " + ch.detail, scan_id);
        continue;
      }
      bool ever_failed = ch.ever_failed || result == CheckStatus::kFail;
      FindingStatus st = status_for(result, ever_failed, ch.muted);
      db.prepare(
            "UPDATE findings SET account = ?, service = ?, resource_type = ?, resource_name = ?, severity = ?, "
            "result = ?, status = ?, detail = ?, last_seen = ?, last_scan_id = ?, ever_failed = ? WHERE id = ?")
          .bind(1, ch.account)
          .bind(2, ch.service)
          .bind(3, ch.rtype)
          .bind(4, ch.rname)
          .bind(5, ch.severity)
          .bind(6, ch.result)
          .bind(7, to_string(st))
          .bind(8, ch.detail)
          .bind(9, to_db(t))
          .bind(10, scan_id)
          .bind(11, ever_failed ? 1 : 0)
          .bind(12, ch.fid)
          .exec();
      move_stat(db, pid, ch.check_id, static_cast<Severity>(ch.old_severity), old_st,
                static_cast<Severity>(ch.severity), st);
      if (ch.old_result != ch.result || old_st != st) add_history(db, ch.fid, t, st, ch.result, ch.detail, scan_id);
    }
  }

  // 1d. A cost hygiene check's estimate follows its latest verdict (1a moved
  //     the unchanged ones'); NOT_ASSESSED keeps a FAIL's, as it keeps the FAIL.
  db.exec_script(
      "UPDATE findings SET monthly_cost_usd = u.cost FROM (SELECT m.fid AS fid, sf.monthly_cost_usd AS cost "
      "FROM temp.publish_match m JOIN scan_findings sf ON sf.id = m.sid WHERE m.same = 0 AND m.fid IS NOT NULL "
      "AND sf.result <> 'NOT_ASSESSED' ORDER BY m.fid) AS u WHERE findings.id = u.fid");
  step("changed");
  // 2. Resources seen: upsert into the current inventory.
  db.prepare(
        "INSERT INTO resources (provider_id, arn, type, service, region, account, name, tags, props, missing, raw, "
        "last_scan_id, last_seen) SELECT ?, arn, type, service, region, account, name, tags, props, missing, raw, ?, ? "
        "FROM scan_resources WHERE scan_id = ? ORDER BY id "
        "ON CONFLICT (provider_id, arn) DO UPDATE SET type = excluded.type, service = excluded.service, "
        "region = excluded.region, account = excluded.account, name = excluded.name, tags = excluded.tags, "
        "props = excluded.props, missing = excluded.missing, raw = excluded.raw, last_scan_id = excluded.last_scan_id, "
        "last_seen = excluded.last_seen")
      .bind(1, pid)
      .bind(2, scan_id)
      .bind(3, to_db(t))
      .bind(4, scan_id)
      .exec();

  step("resources");
  // 3. A complete scan resolves the FAILs (and drops the resources) it should
  //    have seen and did not.
  if (complete) {
    std::set<std::string> checks(finish.checks_run.begin(), finish.checks_run.end());
    std::set<std::string> regions(finish.regions_scanned.begin(), finish.regions_scanned.end());
    if (checks.empty()) {
      Stmt s = db.prepare("SELECT DISTINCT check_id FROM scan_findings WHERE scan_id = ?");
      s.bind(1, scan_id);
      while (s.step()) checks.insert(s.text(0));
    }
    if (regions.empty()) {
      Stmt s = db.prepare(
          "SELECT region FROM scan_findings WHERE scan_id = ? UNION SELECT region FROM scan_resources WHERE scan_id = ?");
      s.bind(1, scan_id).bind(2, scan_id);
      while (s.step()) regions.insert(s.text(0));
    }
    regions.insert("global");

    struct Gone {
      int64_t id;
      std::string status, check_id;
      Severity severity;
    };
    std::vector<Gone> gone;
    {
      Stmt s = db.prepare(
          "SELECT id, check_id, region, resource_type, resource_arn, service, status, severity "
          "FROM findings WHERE provider_id = ? AND last_scan_id <> ? AND status IN ('open', 'muted')");
      s.bind(1, pid).bind(2, scan_id);
      while (s.step()) {
        if (!checks.count(s.text(1)) || !regions.count(s.text(2))) continue;
        if (gap_covers(finish.gaps, s.text(4), s.text(3), s.text(2), s.text(5))) continue;
        gone.push_back({s.i64(0), s.text(6), s.text(1), static_cast<Severity>(s.i64(7))});
      }
    }
    for (const auto& g : gone) {
      db.prepare("UPDATE findings SET status = 'resolved', last_scan_id = ? WHERE id = ?")
          .bind(1, scan_id)
          .bind(2, g.id)
          .exec();
      FindingStatus from = parse_finding_status(g.status).value_or(FindingStatus::kOpen);
      move_stat(db, pid, g.check_id, g.severity, from, g.severity, FindingStatus::kResolved);
      add_history(db, g.id, t, FindingStatus::kResolved, "FAIL",
                  "not found by scan " + std::to_string(scan_id) + ": the resource is gone or no longer fails",
                  scan_id);
    }

    // Resources: only a scan of every service knows the whole inventory.
    if (scan.services.empty()) {
      std::vector<int64_t> drop;
      Stmt s = db.prepare(
          "SELECT id, arn, type, region, service FROM resources WHERE provider_id = ? AND last_scan_id <> ?");
      s.bind(1, pid).bind(2, scan_id);
      while (s.step()) {
        if (!regions.count(s.text(3))) continue;
        if (gap_covers(finish.gaps, s.text(1), s.text(2), s.text(3), s.text(4))) continue;
        drop.push_back(s.i64(0));
      }
      s.reset();
      for (int64_t rid : drop) db.prepare("DELETE FROM resources WHERE id = ?").bind(1, rid).exec();
    }
  }

  step("resolve");
  // 4. The scan itself, with exact counts: one per check, resource and region.
  {
    int64_t n[4] = {0, 0, 0, 0};
    Stmt c = db.prepare("SELECT result, COUNT(*) FROM temp.publish_match GROUP BY result");
    while (c.step()) n[static_cast<int>(parse_check_result(c.text(0)).value_or(CheckStatus::kNotAssessed))] += c.i64(1);
    c.reset();
    Stmt r = db.prepare("SELECT COUNT(DISTINCT arn) FROM scan_resources WHERE scan_id = ?");
    r.bind(1, scan_id);
    r.step();
    db.prepare(
          "UPDATE scans SET n_pass = ?, n_fail = ?, n_not_assessed = ?, n_manual = ?, n_resources = ? WHERE id = ?")
        .bind(1, n[0])
        .bind(2, n[1])
        .bind(3, n[2])
        .bind(4, n[3])
        .bind(5, r.i64(0))
        .bind(6, scan_id)
        .exec();
  }
  db.exec_script("DROP TABLE temp.publish_match");
  {
    Stmt s = db.prepare(
        "UPDATE scans SET status = ?, reason = ?, finished_at = ?, gaps = ?, identity = COALESCE(?, identity), "
        "started_at = COALESCE(started_at, ?), published = 1 WHERE id = ?");
    s.bind(1, to_string(finish.status)).bind(2, finish.reason).bind(3, to_db(t));
    s.bind(4, gaps_json(finish.gaps).dump(-1, ' ', false, Json::error_handler_t::replace));
    if (finish.identity.is_null()) {
      s.bind(5, nullptr);
    } else {
      s.bind(5, finish.identity.dump());
    }
    s.bind(6, to_db(t)).bind(7, scan_id).exec();
  }

  step("scan");
  record_open_daily(db, pid, t);

  // The provider's check results (check_summaries): results and resolutions
  // change only here. Resolved FAILs (resources gone) no longer count.
  db.prepare("DELETE FROM check_results WHERE provider_id = ?").bind(1, pid).exec();
  db.prepare(
        "INSERT INTO check_results (provider_id, check_id, result, n, first_not_assessed_detail) "
        "SELECT provider_id, check_id, result, COUNT(*), MIN(CASE WHEN result = 'NOT_ASSESSED' THEN detail END) "
        "FROM findings WHERE provider_id = ? AND NOT (status = 'resolved' AND result = 'FAIL') "
        "GROUP BY provider_id, check_id, result")
      .bind(1, pid)
      .exec();

  step("stats");
  // 5. Prune staged rows of older scans.
  db.prepare(
        "DELETE FROM scan_findings WHERE scan_id IN (SELECT id FROM scans WHERE provider_id = ? AND id NOT IN "
        "(SELECT id FROM scans WHERE provider_id = ? ORDER BY id DESC LIMIT ?))")
      .bind(1, pid)
      .bind(2, pid)
      .bind(3, kKeepStagedScans)
      .exec();
  db.prepare(
        "DELETE FROM scan_resources WHERE scan_id IN (SELECT id FROM scans WHERE provider_id = ? AND id NOT IN "
        "(SELECT id FROM scans WHERE provider_id = ? ORDER BY id DESC LIMIT ?))")
      .bind(1, pid)
      .bind(2, pid)
      .bind(3, kKeepStagedScans)
      .exec();

  step("prune");
  return scan_in(db, scan_id);
}

std::optional<Scan> SqliteStore::get_scan(const std::string& id) {
  int64_t n = 0;
  try {
    n = parse_id(id, "scan");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<Scan> {
    Stmt s = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) return std::nullopt;
    return read_scan(s);
  });
}

namespace {

PageRequest clamp(const PageRequest& p) {
  PageRequest out = p;
  if (out.page < 1) out.page = 1;
  if (out.page_size < 1) out.page_size = 1;
  if (out.page_size > 500) out.page_size = 500;
  return out;
}

}  // namespace

Paged<Scan> SqliteStore::list_scans(const std::optional<std::string>& provider_id, const PageRequest& page) {
  PageRequest p = clamp(page);
  std::optional<int64_t> pid;
  if (provider_id) {
    try {
      pid = parse_id(*provider_id, "provider");
    } catch (const StoreError&) {
      return Paged<Scan>{0, p.page, p.page_size, {}};
    }
  }
  return read([&](Db& db) {
    Paged<Scan> out{0, p.page, p.page_size, {}};
    std::string where = pid ? " WHERE provider_id = ?" : "";
    Stmt c = db.prepare("SELECT COUNT(*) FROM scans" + where);
    if (pid) c.bind(1, *pid);
    c.step();
    out.total = c.i64(0);
    Stmt s = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans" + where +
                        " ORDER BY id DESC LIMIT ? OFFSET ?");
    int i = 1;
    if (pid) s.bind(i++, *pid);
    s.bind(i, p.page_size);
    s.bind(i + 1, (p.page - 1) * p.page_size);
    while (s.step()) out.items.push_back(read_scan(s));
    return out;
  });
}

std::optional<Scan> SqliteStore::active_scan(const std::string& provider_id) {
  int64_t pid = 0;
  try {
    pid = parse_id(provider_id, "provider");
  } catch (const StoreError&) {
    return std::nullopt;
  }
  return read([&](Db& db) -> std::optional<Scan> {
    Stmt s = db.prepare(std::string("SELECT ") + kScanColumns +
                        " FROM scans WHERE provider_id = ? AND status IN ('queued', 'running') AND published = 0 "
                        "ORDER BY id DESC LIMIT 1");
    s.bind(1, pid);
    if (!s.step()) return std::nullopt;
    return read_scan(s);
  });
}

}  // namespace cloudpeek::store::sqlite
