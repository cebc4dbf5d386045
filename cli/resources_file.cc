#include "cli/resources_file.h"

#include <filesystem>

namespace cloudpeek::cli {

namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

nlohmann::ordered_json resource_json(const Resource& r) {
  nlohmann::ordered_json j;
  j["type"] = r.type;
  j["arn"] = r.arn;
  j["account"] = r.account;
  j["region"] = r.region;
  j["id"] = r.id;
  j["name"] = r.name;
  j["tags"] = r.tags;
  j["props"] = r.props;
  j["missing"] = r.missing;
  return j;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<std::unique_ptr<ResourcesFile>> ResourcesFile::open(const std::string& path) {
  auto f = std::make_unique<ResourcesFile>();
  f->path_ = path;
  f->out_.open(path, std::ios::out | std::ios::trunc);
  if (!f->out_) return make_error(ErrorKind::kInvalidInput, "Cannot write " + path + ".",
                                  "Check that --output-dir exists and is writable.");
  return f;
}

void ResourcesFile::on_resource(const Resource& r) {
  std::string line = resource_json(r).dump(-1, ' ', false, kReplace);
  std::lock_guard lock(mu_);
  out_ << line << '\n';
}

Status ResourcesFile::close() {
  std::lock_guard lock(mu_);
  out_.close();
  if (out_.fail()) return make_error(ErrorKind::kInvalidInput, "Could not finish writing " + path_ + ".");
  return Ok{};
}

Status write_coverage_file(const scan::ScanResult& result, const std::string& path) {
  nlohmann::ordered_json j;
  j["account"] = result.account;
  j["partition"] = result.partition;
  j["principal_arn"] = result.principal_arn;
  j["cancelled"] = result.cancelled;
  j["regions_scanned"] = result.regions_scanned;
  auto gaps = nlohmann::ordered_json::array();
  for (const CoverageGap& g : result.gaps) {
    gaps.push_back({{"service", g.service},
                    {"region", g.region},
                    {"action", g.action},
                    {"error_kind", g.error_kind},
                    {"error_code", g.error_code},
                    {"message", g.message},
                    {"resource", g.resource},
                    {"resource_types", g.resource_types}});
  }
  j["gaps"] = std::move(gaps);
  std::ofstream out(path, std::ios::out | std::ios::trunc);
  out << j.dump(1, ' ', false, kReplace) << '\n';
  out.close();
  if (out.fail()) return make_error(ErrorKind::kInvalidInput, "Could not write " + path + ".");
  return Ok{};
}

Result<Inventory> load_scan_inventory(const std::string& dir) {
  namespace fs = std::filesystem;
  fs::path resources = fs::path(dir) / kResourcesFileName;
  fs::path coverage = fs::path(dir) / kCoverageFileName;
  std::ifstream in(resources);
  if (!in) {
    return make_error(ErrorKind::kInvalidInput, "No " + resources.string() + ": not the output of `cloudpeek scan`.",
                      "Run `cloudpeek scan --output-dir DIR` (which writes resources.json and coverage.json) and "
                      "pass that DIR.");
  }
  Inventory inv;
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return make_error(ErrorKind::kInvalidInput,
                        resources.string() + " line " + std::to_string(n) + " is not a JSON object.",
                        "The file is damaged or cut short: run the scan again.");
    }
    Resource r;
    r.type = str(j, "type");
    r.arn = str(j, "arn");
    r.account = str(j, "account");
    r.region = str(j, "region");
    r.id = str(j, "id");
    r.name = str(j, "name");
    if (auto t = j.find("tags"); t != j.end() && t->is_object())
      for (const auto& [k, v] : t->items())
        if (v.is_string()) r.tags[k] = v.get<std::string>();
    if (auto p = j.find("props"); p != j.end() && p->is_object()) r.props = std::move(*p);
    if (auto m = j.find("missing"); m != j.end() && m->is_object())
      for (const auto& [k, v] : m->items())
        if (v.is_string()) r.missing[k] = v.get<std::string>();
    if (inv.account.empty()) inv.account = r.account;
    inv.add(std::move(r));
  }
  std::ifstream cin(coverage);
  if (!cin) {
    // Without it the gaps are unknown: a listing that failed would read as empty.
    return make_error(ErrorKind::kInvalidInput,
                      "No " + coverage.string() + ": the scan did not finish writing its output.",
                      "Run the scan again to its end.");
  }
  json c = json::parse(cin, nullptr, false);
  if (c.is_discarded() || !c.is_object())
    return make_error(ErrorKind::kInvalidInput, coverage.string() + " is not a JSON object.", "Run the scan again.");
  if (std::string a = str(c, "account"); !a.empty()) inv.account = a;
  if (auto rs = c.find("regions_scanned"); rs != c.end() && rs->is_array())
    for (const auto& r : *rs)
      if (r.is_string()) inv.regions.push_back({r.get<std::string>(), "", true});
  if (auto gs = c.find("gaps"); gs != c.end() && gs->is_array()) {
    for (const auto& g : *gs) {
      if (!g.is_object()) continue;
      CoverageGap gap;
      gap.service = str(g, "service");
      gap.region = str(g, "region");
      gap.action = str(g, "action");
      gap.error_kind = str(g, "error_kind");
      gap.error_code = str(g, "error_code");
      gap.message = str(g, "message");
      gap.resource = str(g, "resource");
      if (auto ts = g.find("resource_types"); ts != g.end() && ts->is_array())
        for (const auto& t : *ts)
          if (t.is_string()) gap.resource_types.push_back(t.get<std::string>());
      inv.add_gap(std::move(gap));
    }
  }
  return inv;
}

}  // namespace cloudpeek::cli
