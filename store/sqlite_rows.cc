// Internal helpers of the SQLite store: conversions and row readers shared by
// its files.
#include <cctype>
#include <charconv>
#include <ctime>

#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

int64_t to_db(Time t) { return t.time_since_epoch().count(); }
Time from_db(int64_t v) { return Time(std::chrono::seconds(v)); }

int64_t parse_id(const std::string& id, const char* what) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
  // Canonical only: "01" or "+1" are not provider 1 (DELETE /providers/01 deleted it).
  if (id.empty() || id[0] == '0' || ec != std::errc() || p != id.data() + id.size() || v <= 0)
    throw StoreError(StoreError::Kind::kNotFound, std::string("no ") + what + " with id \"" + id + "\"");
  return v;
}

std::string day_of(Time t) { return format_time(t).substr(0, 10); }

std::string service_of_type(const std::string& type) {
  // "AWS::EC2::Instance" → "ec2"; "AWS::::Account" → "account".
  size_t a = type.find("::");
  if (a == std::string::npos) return type;
  size_t b = type.find("::", a + 2);
  std::string mid = type.substr(a + 2, b == std::string::npos ? std::string::npos : b - a - 2);
  if (mid.empty()) mid = b == std::string::npos ? "" : type.substr(b + 2);
  for (auto& c : mid) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return mid;
}

FindingStatus status_for(CheckStatus result, bool ever_failed, bool muted) {
  switch (result) {
    case CheckStatus::kFail: return muted ? FindingStatus::kMuted : FindingStatus::kOpen;
    case CheckStatus::kPass: return ever_failed ? FindingStatus::kResolved : FindingStatus::kPassed;
    default: return FindingStatus::kNotAssessed;
  }
}

const char* const kFindingColumns =
    "f.id, f.provider_id, f.check_id, COALESCE(c.title, ''), f.severity, f.service, f.region, f.account, "
    "f.resource_type, f.resource_arn, f.resource_name, f.result, f.status, f.detail, f.first_seen, f.last_seen, "
    "f.last_scan_id, f.mute_reason, f.mute_until, f.mute_by, f.mute_at, f.monthly_cost_usd";
const char* const kFindingFrom = " FROM findings f LEFT JOIN checks c ON c.id = f.check_id";

FindingRow read_finding(Stmt& s) {
  FindingRow r;
  r.id = std::to_string(s.i64(0));
  r.provider_id = std::to_string(s.i64(1));
  r.check_id = s.text(2);
  r.title = s.text(3);
  r.severity = static_cast<Severity>(s.i64(4));
  r.service = s.text(5);
  r.region = s.text(6);
  r.account = s.text(7);
  r.resource_type = s.text(8);
  r.resource_arn = s.text(9);
  r.resource_name = s.text(10);
  r.result = parse_check_result(s.text(11)).value_or(CheckStatus::kNotAssessed);
  r.status = parse_finding_status(s.text(12)).value_or(FindingStatus::kNotAssessed);
  r.detail = s.text(13);
  r.first_seen = from_db(s.i64(14));
  r.last_seen = from_db(s.i64(15));
  r.last_scan_id = std::to_string(s.i64(16));
  if (!s.is_null(17)) {
    Mute m;
    m.reason = s.text(17);
    if (!s.is_null(18)) m.until = from_db(s.i64(18));
    m.by = s.text(19);
    m.at = from_db(s.i64(20));
    r.mute = std::move(m);
  }
  if (!s.is_null(21)) r.monthly_cost_usd = sqlite3_column_double(s.raw(), 21);
  return r;
}

const char* const kScanColumns =
    "id, provider_id, status, reason, created_at, started_at, finished_at, regions, services, identity, gaps, "
    "n_pass, n_fail, n_not_assessed, n_manual, n_resources, published, batch_id";

namespace {

std::vector<std::string> string_list(const std::string& text) {
  std::vector<std::string> out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array())
    for (auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Json json_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  Json j = Json::parse(*text, nullptr, false);
  return j.is_discarded() ? Json(nullptr) : j;
}

std::string str(const Json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Scan read_scan(Stmt& s) {
  Scan r;
  r.id = std::to_string(s.i64(0));
  r.provider_id = std::to_string(s.i64(1));
  r.status = parse_scan_status(s.text(2)).value_or(ScanStatus::kFailed);
  r.reason = s.opt_text(3);
  r.created_at = from_db(s.i64(4));
  if (auto v = s.opt_i64(5)) r.started_at = from_db(*v);
  if (auto v = s.opt_i64(6)) r.finished_at = from_db(*v);
  r.regions = string_list(s.text(7));
  r.services = string_list(s.text(8));
  r.identity = json_or_null(s.opt_text(9));
  Json gaps = Json::parse(s.text(10), nullptr, false);
  if (gaps.is_array()) {
    for (auto& g : gaps) {
      CoverageGap c;
      c.service = str(g, "service");
      c.region = str(g, "region");
      c.action = str(g, "action");
      c.error_kind = str(g, "kind");
      c.error_code = str(g, "code");
      c.message = str(g, "message");
      c.resource = str(g, "resource");
      if (auto it = g.find("resource_types"); it != g.end() && it->is_array())
        for (auto& t : *it)
          if (t.is_string()) c.resource_types.push_back(t.get<std::string>());
      r.gaps.push_back(std::move(c));
    }
  }
  r.counts = {s.i64(11), s.i64(12), s.i64(13), s.i64(14)};
  r.resources = s.i64(15);
  r.published = s.i64(16) != 0;
  if (auto v = s.opt_i64(17)) r.batch_id = std::to_string(*v);
  return r;
}

const char* const kResourceColumns =
    "id, provider_id, arn, type, service, region, account, name, tags, last_scan_id, last_seen";

ResourceRow read_resource(Stmt& s) {
  ResourceRow r;
  r.id = std::to_string(s.i64(0));
  r.provider_id = std::to_string(s.i64(1));
  r.arn = s.text(2);
  r.type = s.text(3);
  r.service = s.text(4);
  r.region = s.text(5);
  r.account = s.text(6);
  r.name = s.text(7);
  Json tags = Json::parse(s.text(8), nullptr, false);
  if (tags.is_object())
    for (auto& [k, v] : tags.items())
      if (v.is_string()) r.tags[k] = v.get<std::string>();
  r.last_scan_id = std::to_string(s.i64(9));
  r.last_seen = from_db(s.i64(10));
  return r;
}

const char* const kProviderSelect =
    "SELECT p.id, p.label, p.identity, p.schedule_minutes, p.created_at, p.updated_at, c.access_key_id, "
    "c.token_box IS NOT NULL, c.expires_at FROM providers p LEFT JOIN credentials c ON c.provider_id = p.id";

Provider read_provider(Stmt& s) {
  Provider p;
  p.id = std::to_string(s.i64(0));
  p.label = s.text(1);
  p.identity = json_or_null(s.opt_text(2));
  p.schedule_minutes = static_cast<int>(s.i64(3));
  p.created_at = from_db(s.i64(4));
  p.updated_at = from_db(s.i64(5));
  std::string key_id = s.text(6);
  p.access_key_id_last4 = key_id.size() > 4 ? key_id.substr(key_id.size() - 4) : key_id;
  p.has_session_token = s.i64(7) != 0;
  if (auto v = s.opt_i64(8)) p.expires_at = from_db(*v);
  return p;
}

void add_history(Db& db, int64_t finding_id, Time at, FindingStatus status, const std::string& result,
                 const std::string& detail, std::optional<int64_t> scan_id) {
  db.prepare("INSERT INTO finding_history (finding_id, at, status, result, detail, scan_id) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, finding_id)
      .bind(2, to_db(at))
      .bind(3, to_string(status))
      .bind(4, result)
      .bind(5, detail)
      .bind(6, scan_id)
      .exec();
}

void record_open_daily(Db& db, int64_t provider_id, Time at) {
  db.prepare(
        "INSERT INTO open_daily (provider_id, day, open_count) VALUES (?, ?, "
        "(SELECT COALESCE(SUM(n), 0) FROM finding_stats WHERE provider_id = ? AND status = 'open')) "
        "ON CONFLICT (provider_id, day) DO UPDATE SET open_count = excluded.open_count")
      .bind(1, provider_id)
      .bind(2, day_of(at))
      .bind(3, provider_id)
      .exec();
}

void move_stat(Db& db, int64_t provider_id, const std::string& check_id, Severity from_severity,
               FindingStatus from, Severity to_severity, FindingStatus to) {
  if (from == to && from_severity == to_severity) return;
  db.prepare("UPDATE finding_stats SET n = n - 1 WHERE provider_id = ? AND check_id = ? AND severity = ? AND status = ?")
      .bind(1, provider_id)
      .bind(2, check_id)
      .bind(3, static_cast<int64_t>(from_severity))
      .bind(4, to_string(from))
      .exec();
  db.prepare(
        "INSERT INTO finding_stats (provider_id, check_id, severity, status, n) VALUES (?, ?, ?, ?, 1) "
        "ON CONFLICT (provider_id, check_id, severity, status) DO UPDATE SET n = n + 1")
      .bind(1, provider_id)
      .bind(2, check_id)
      .bind(3, static_cast<int64_t>(to_severity))
      .bind(4, to_string(to))
      .exec();
}

void move_stat(Db& db, int64_t provider_id, const std::string& check_id, Severity severity, FindingStatus from,
               FindingStatus to) {
  move_stat(db, provider_id, check_id, severity, from, severity, to);
}

}  // namespace cloudpeek::store::sqlite
