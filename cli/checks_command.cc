#include "cli/checks_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "model/compliance.h"
#include "scan/check_selection.h"

namespace cloudpeek::cli {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

}  // namespace

nlohmann::ordered_json check_json(const checks::Check& c) {
  const CheckMetadata& m = c.meta;
  return {{"id", m.id},
          {"title", m.title},
          {"severity", std::string(to_string(m.severity))},
          {"service", m.service},
          {"resource_type", m.resource_type},
          {"description", m.description},
          {"risk", m.risk},
          {"remediation", {{"text", m.remediation.text}, {"cli", m.remediation.cli}, {"terraform", m.remediation.terraform}}},
          {"references", m.references},
          {"compliance", {{"cis-3.0", m.cis}, {"fsbp", m.fsbp}}},
          {"context_types", c.context_types}};
}

int run_checks_list(const ChecksListOptions& o, std::ostream& out, std::ostream& err) {
  scan::CheckFilter filter;
  if (!o.service.empty()) filter.services = {o.service};
  const Framework* framework = nullptr;
  if (!o.compliance.empty()) {
    framework = find_framework(o.compliance);
    if (!framework) {
      err << unknown_framework_message(o.compliance) << "\n";
      return 1;
    }
  }
  if (!o.severity.empty()) {
    filter.min_severity = parse_severity(o.severity);
    if (!filter.min_severity) {
      err << "Unknown severity \"" << o.severity << "\": use critical, high, medium, low or informational.\n";
      return 1;
    }
  }
  auto selected = scan::select_checks(filter);
  if (framework) {  // only the checks mapped to one of its controls (data file or metadata)
    std::vector<const CheckMetadata*> all;
    for (const auto* c : selected) all.push_back(&c->meta);
    auto ids = framework_check_ids(*framework, all);
    std::erase_if(selected, [&](const checks::Check* c) { return !std::binary_search(ids.begin(), ids.end(), c->meta.id); });
  }
  if (o.output == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* c : selected) list.push_back(check_json(*c));
    out << list.dump(2) << "\n";
    return 0;
  }
  for (const auto* c : selected) {
    std::string mapped;
    if (framework) {
      std::vector<std::string> controls;
      for (const auto& control : framework->controls)
        if (maps_to(*framework, control, c->meta.id, c->meta.cis, c->meta.fsbp)) controls.push_back(control.id);
      mapped = " [" + framework->id + " " + join(controls) + "]";
    } else if (!c->meta.cis.empty()) {
      mapped = " [CIS " + join(c->meta.cis) + "]";
    }
    out << fmt::format("{:<55} {:<13} {:<16} {}{}\n", c->meta.id, to_string(c->meta.severity), c->meta.service,
                       c->meta.title, mapped);
  }
  out << selected.size() << " checks";
  if (framework) out << " mapped to " << framework->title();
  out << "\n";
  return 0;
}

int run_checks_show(const std::string& id, const std::string& output, std::ostream& out, std::ostream& err) {
  const checks::Check* c = checks::find_check(id);
  if (!c) {
    err << "No check has the id \"" << id << "\": `cloudpeek checks list` shows them all.\n";
    return 1;
  }
  if (output == "json") {
    out << check_json(*c).dump(2) << "\n";
    return 0;
  }
  const CheckMetadata& m = c->meta;
  out << m.id << "\n  " << m.title << "\n\n";
  out << "Severity:       " << to_string(m.severity) << "\n";
  out << "Service:        " << m.service << "\n";
  out << "Resource type:  " << m.resource_type << "\n";
  if (!m.cis.empty()) out << "CIS v3.0.0:     " << join(m.cis) << "\n";
  if (!m.fsbp.empty()) out << "AWS FSBP:       " << join(m.fsbp) << "\n";
  out << "\nDescription\n  " << m.description << "\n\nRisk\n  " << m.risk << "\n\nRemediation\n  "
      << m.remediation.text << "\n";
  if (!m.remediation.cli.empty()) out << "\n  AWS CLI:\n    " << m.remediation.cli << "\n";
  if (!m.remediation.terraform.empty()) out << "\n  Terraform:\n" << m.remediation.terraform << "\n";
  if (!m.references.empty()) {
    out << "\nReferences\n";
    for (const auto& r : m.references) out << "  " << r << "\n";
  }
  return 0;
}

}  // namespace cloudpeek::cli
