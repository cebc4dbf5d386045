#include "model/compliance.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

// The framework files (model/frameworks/*.json as one JSON array), put in the
// program by the assembler stub model/embed_json_dir.cmake writes.
extern "C" {
__attribute__((visibility("hidden"))) extern const char cloudpeek_frameworks_data[];
__attribute__((visibility("hidden"))) extern const char cloudpeek_frameworks_data_end[];
}

namespace cloudpeek {

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// Display order: the benchmarks people ask for first, then the rest by id.
int rank(const std::string& id) {
  static const std::vector<std::string> order = {"cis-3.0", "cis-4.0", "aws-fsbp", "pci-dss-4.0", "nist-800-53-r5",
                                                 "iso-27001-2022", "soc2", "aws-well-architected-security"};
  auto it = std::find(order.begin(), order.end(), id);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& s : j.at(key)) out.push_back(s.get<std::string>());
  return out;
}

std::vector<Framework> load() {
  auto all = nlohmann::json::parse(cloudpeek_frameworks_data, cloudpeek_frameworks_data_end);
  std::vector<Framework> out;
  std::vector<std::string> errors;
  for (const auto& j : all) {
    Framework f;
    f.id = j.at("id").get<std::string>();
    f.name = j.at("name").get<std::string>();
    f.version = j.at("version").get<std::string>();
    f.aliases = strings(j, "aliases");
    f.source_url = j.at("source").at("url").get<std::string>();
    f.source_date = j.at("source").at("date").get<std::string>();
    f.source_note = j.at("source").value("note", "");
    f.check_metadata = j.value("check_metadata", "");
    for (const auto& s : j.at("sections")) f.sections.push_back({s.at("id").get<std::string>(), s.at("title").get<std::string>()});
    std::set<std::string> ids;
    for (const auto& c : j.at("controls")) {
      ComplianceControl ctl{c.at("id").get<std::string>(), c.at("section").get<std::string>(),
                            c.at("title").get<std::string>(), c.value("manual", false), strings(c, "checks"),
                            strings(c, "fsbp")};
      if (!ids.insert(ctl.id).second) errors.push_back(f.id + ": control " + ctl.id + " twice");
      if (std::none_of(f.sections.begin(), f.sections.end(), [&](const auto& s) { return s.id == ctl.section; }))
        errors.push_back(f.id + ": control " + ctl.id + " names an unknown section " + ctl.section);
      f.controls.push_back(std::move(ctl));
    }
    if (j.contains("unmapped"))
      for (const auto& [check, why] : j.at("unmapped").items()) f.unmapped[check] = why.get<std::string>();
    if (f.check_metadata != "" && f.check_metadata != "cis" && f.check_metadata != "fsbp" && f.check_metadata != "via-fsbp")
      errors.push_back(f.id + ": check_metadata must be cis, fsbp or via-fsbp");
    out.push_back(std::move(f));
  }
  // A control assessed through FSBP controls gets their checks.
  auto fsbp = std::find_if(out.begin(), out.end(), [](const Framework& f) { return f.id == "aws-fsbp"; });
  for (auto& f : out)
    for (auto& ctl : f.controls)
      for (const auto& id : ctl.fsbp) {
        const ComplianceControl* via = nullptr;
        if (fsbp != out.end())
          for (const auto& c : fsbp->controls)
            if (c.id == id) via = &c;
        if (!via) {
          errors.push_back(f.id + ": control " + ctl.id + " maps to FSBP " + id + ", which aws-fsbp does not have");
          continue;
        }
        for (const auto& check : via->checks)
          if (!has(ctl.checks, check)) ctl.checks.push_back(check);
      }
  if (!errors.empty()) {
    std::string msg = "model/frameworks: ";
    for (const auto& e : errors) msg += e + "; ";
    throw std::logic_error(msg);
  }
  std::stable_sort(out.begin(), out.end(), [](const Framework& a, const Framework& b) {
    return rank(a.id) != rank(b.id) ? rank(a.id) < rank(b.id) : a.id < b.id;
  });
  return out;
}

// Edit distance with adjacent transpositions ("fspb" is one step from "fsbp").
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

const std::vector<Framework>& frameworks() {
  static const std::vector<Framework> all = load();
  return all;
}

const Framework* find_framework(std::string_view name) {
  std::string n = lower(name);
  for (const auto& f : frameworks()) {
    if (lower(f.id) == n) return &f;
    for (const auto& a : f.aliases)
      if (lower(a) == n) return &f;
  }
  return nullptr;
}

std::vector<std::string> close_framework_ids(std::string_view name) {
  std::string n = lower(name);
  std::vector<std::string> out;
  for (const auto& f : frameworks()) {
    bool close = false;
    for (const auto& candidate : [&] {
           auto v = f.aliases;
           v.push_back(f.id);
           return v;
         }()) {
      std::string c = lower(candidate);
      if (n.empty()) break;
      if (c.find(n) != std::string::npos || n.find(c) != std::string::npos ||
          distance(n, c) <= std::max<std::size_t>(1, c.size() / 4))
        close = true;
    }
    if (close) out.push_back(f.id);
  }
  return out;
}

std::string unknown_framework_message(std::string_view name) {
  std::string ids;
  for (const auto& f : frameworks()) ids += (ids.empty() ? "" : ", ") + f.id;
  std::string msg = "Unknown compliance framework \"" + std::string(name) + "\": use one of " + ids + ".";
  auto close = close_framework_ids(name);
  if (!close.empty()) {
    std::string c;
    for (const auto& id : close) c += (c.empty() ? "" : " or ") + id;
    msg += " Did you mean " + c + "?";
  }
  return msg;
}

bool maps_to(const Framework& f, const ComplianceControl& control, const std::string& check_id,
             const std::vector<std::string>& cis, const std::vector<std::string>& fsbp) {
  if (has(control.checks, check_id)) return true;
  if (f.check_metadata == "cis") return has(cis, control.id);
  if (f.check_metadata == "fsbp") return has(fsbp, control.id);
  if (f.check_metadata == "via-fsbp")
    return std::any_of(control.fsbp.begin(), control.fsbp.end(), [&](const std::string& id) { return has(fsbp, id); });
  return false;
}

std::vector<std::string> framework_check_ids(const Framework& f, const std::vector<const CheckMetadata*>& all) {
  std::vector<std::string> out;
  for (const auto* m : all)
    for (const auto& control : f.controls)
      if (maps_to(f, control, m->id, m->cis, m->fsbp)) {
        out.push_back(m->id);
        break;
      }
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<ComplianceSection>& cis_v3_sections() { return find_framework("cis-3.0")->sections; }
const std::vector<ComplianceControl>& cis_v3_controls() { return find_framework("cis-3.0")->controls; }

std::vector<ControlStatus> rollup(const Framework& f, const std::vector<CheckCounts>& checks) {
  std::vector<ControlStatus> out;
  for (const auto& control : f.controls) {
    ControlStatus s;
    s.control = control;
    for (const auto& c : checks) {
      if (!maps_to(f, control, c.check_id, c.cis, c.fsbp)) continue;
      s.checks.push_back(c.check_id);
      s.pass += c.pass;
      s.fail += c.fail;
      if (c.not_assessed > 0 && s.not_assessed == 0) s.reason = c.not_assessed_reason;
      s.not_assessed += c.not_assessed;
    }
    if (control.manual) s.status = "MANUAL";
    else if (s.checks.empty()) s.status = "NOT_RUN";
    else if (s.fail > 0) s.status = "FAIL";
    else if (s.not_assessed > 0) s.status = "NOT_ASSESSED";
    else if (s.pass > 0) s.status = "PASS";
    else s.status = "NO_RESOURCES";
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ControlStatus> rollup(const Framework& f, const std::vector<Finding>& findings,
                                  const std::map<std::string, CheckMetadata>& checks) {
  std::map<std::string, CheckCounts> counts;
  for (const auto& [id, meta] : checks) {
    CheckCounts& c = counts[id];
    c.check_id = id;
    c.cis = meta.cis;
    c.fsbp = meta.fsbp;
  }
  for (const auto& fi : findings) {
    auto it = counts.find(fi.check_id);
    if (it == counts.end()) continue;
    CheckCounts& c = it->second;
    if (fi.status == CheckStatus::kPass) ++c.pass;
    if (fi.status == CheckStatus::kFail) ++c.fail;
    if (fi.status == CheckStatus::kNotAssessed && c.not_assessed++ == 0) c.not_assessed_reason = fi.detail;
  }
  std::vector<CheckCounts> list;
  for (auto& [_, c] : counts) list.push_back(std::move(c));
  return rollup(f, list);
}

std::vector<SectionStatus> sections_rollup(const Framework& f, const std::vector<ControlStatus>& controls) {
  std::vector<SectionStatus> out;
  for (const auto& section : f.sections) {
    SectionStatus s{section};
    for (const auto& c : controls) {
      if (c.control.section != section.id) continue;
      if (c.status == "PASS" || c.status == "NO_RESOURCES") ++s.pass;
      else if (c.status == "FAIL") ++s.fail;
      else if (c.status == "NOT_ASSESSED") ++s.not_assessed;
      else if (c.status == "MANUAL") ++s.manual;
      else ++s.other;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ControlStatus> cis_v3_rollup(const std::vector<CheckCounts>& checks) {
  return rollup(*find_framework("cis-3.0"), checks);
}

std::vector<ControlStatus> cis_v3_rollup(const std::vector<Finding>& findings,
                                         const std::map<std::string, CheckMetadata>& checks) {
  return rollup(*find_framework("cis-3.0"), findings, checks);
}

std::vector<SectionStatus> cis_v3_sections_rollup(const std::vector<ControlStatus>& controls) {
  return sections_rollup(*find_framework("cis-3.0"), controls);
}

}  // namespace cloudpeek
