// The SQLite store's scan batches (issue 11 §3): one request to scan many
// accounts; its scans are ordinary scans whose batch_id names it.
#include <algorithm>

#include "store/sqlite_store_impl.h"

namespace cloudpeek::store::sqlite {

namespace {

constexpr const char* kBatchColumns =
    "id, label, scope, regions, services, skipped, created_by, created_at, cancelled_at";

std::vector<std::string> strings_of(const std::string& text) {
  std::vector<std::string> out;
  Json j = Json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

ScanBatch read_batch(Stmt& s) {
  ScanBatch b;
  b.id = std::to_string(s.i64(0));
  b.label = s.text(1);
  b.scope = Json::parse(s.text(2), nullptr, false);
  if (!b.scope.is_object()) b.scope = Json::object();
  b.regions = strings_of(s.text(3));
  b.services = strings_of(s.text(4));
  b.skipped = Json::parse(s.text(5), nullptr, false);
  if (!b.skipped.is_array()) b.skipped = Json::array();
  b.created_by = s.text(6);
  b.created_at = from_db(s.i64(7));
  if (auto v = s.opt_i64(8)) b.cancelled_at = from_db(*v);
  return b;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// nullopt for an id that cannot be one (never a row).
std::optional<int64_t> batch_id_of(const std::string& id) {
  try {
    return parse_id(id, "scan batch");
  } catch (const StoreError&) {
    return std::nullopt;
  }
}

}  // namespace

ScanBatch SqliteStore::create_scan_batch(const ScanBatch& b) {
  return write([&](Db& db) {
    Transaction tx(db);
    db.prepare("INSERT INTO scan_batches (label, scope, regions, services, skipped, created_by, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, b.label)
        .bind(2, dump(b.scope.is_object() ? b.scope : Json::object()))
        .bind(3, dump(Json(b.regions)))
        .bind(4, dump(Json(b.services)))
        .bind(5, dump(b.skipped.is_array() ? b.skipped : Json::array()))
        .bind(6, b.created_by)
        .bind(7, to_db(b.created_at))
        .exec();
    int64_t id = db.last_insert_id();
    Stmt s = db.prepare(std::string("SELECT ") + kBatchColumns + " FROM scan_batches WHERE id = ?");
    s.bind(1, id);
    s.step();
    ScanBatch out = read_batch(s);
    s.reset();
    tx.commit();
    return out;
  });
}

std::optional<ScanBatch> SqliteStore::get_scan_batch(const std::string& id) {
  auto n = batch_id_of(id);
  if (!n) return std::nullopt;
  return read([&](Db& db) -> std::optional<ScanBatch> {
    Stmt s = db.prepare(std::string("SELECT ") + kBatchColumns + " FROM scan_batches WHERE id = ?");
    s.bind(1, *n);
    if (!s.step()) return std::nullopt;
    return read_batch(s);
  });
}

Paged<ScanBatch> SqliteStore::list_scan_batches(const PageRequest& page) {
  PageRequest p = page;
  if (p.page < 1) p.page = 1;
  p.page_size = std::clamp<int64_t>(p.page_size, 1, 500);
  return read([&](Db& db) {
    Paged<ScanBatch> out{0, p.page, p.page_size, {}};
    Stmt c = db.prepare("SELECT COUNT(*) FROM scan_batches");
    c.step();
    out.total = c.i64(0);
    c.reset();
    Stmt s = db.prepare(std::string("SELECT ") + kBatchColumns + " FROM scan_batches ORDER BY id DESC LIMIT ? OFFSET ?");
    s.bind(1, p.page_size).bind(2, (p.page - 1) * p.page_size);
    while (s.step()) out.items.push_back(read_batch(s));
    return out;
  });
}

std::vector<Scan> SqliteStore::batch_scans(const std::string& batch_id) {
  auto n = batch_id_of(batch_id);
  if (!n) return {};
  return read([&](Db& db) {
    std::vector<Scan> out;
    Stmt s = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans WHERE batch_id = ? ORDER BY id");
    s.bind(1, *n);
    while (s.step()) out.push_back(read_scan(s));
    return out;
  });
}

void SqliteStore::set_scan_batch_skipped(const std::string& id, const Json& skipped) {
  int64_t n = parse_id(id, "scan batch");
  write([&](Db& db) {
    if (db.prepare("UPDATE scan_batches SET skipped = ? WHERE id = ?")
            .bind(1, dump(skipped.is_array() ? skipped : Json::array()))
            .bind(2, n)
            .exec() == 0)
      throw StoreError(StoreError::Kind::kNotFound, "no scan batch with id \"" + id + "\"");
  });
}

void SqliteStore::mark_scan_batch_cancelled(const std::string& id, Time at) {
  int64_t n = parse_id(id, "scan batch");
  write([&](Db& db) {
    Transaction tx(db);
    Stmt s = db.prepare("SELECT 1 FROM scan_batches WHERE id = ?");
    s.bind(1, n);
    if (!s.step()) throw StoreError(StoreError::Kind::kNotFound, "no scan batch with id \"" + id + "\"");
    s.reset();
    db.prepare("UPDATE scan_batches SET cancelled_at = COALESCE(cancelled_at, ?) WHERE id = ?")
        .bind(1, to_db(at))
        .bind(2, n)
        .exec();
    tx.commit();
  });
}

}  // namespace cloudpeek::store::sqlite
