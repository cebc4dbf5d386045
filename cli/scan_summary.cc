#include "cli/scan_summary.h"

#include <fmt/format.h>

#include <ostream>

#include "cli/compliance_summary.h"

#include "checks/cost_registry.h"
#include "model/prices.h"

namespace cloudpeek::cli {

namespace {

std::string paint(bool color, const char* code, const std::string& s) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
}

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::kCritical: return "1;31";
    case Severity::kHigh: return "31";
    case Severity::kMedium: return "33";
    case Severity::kLow: return "36";
    default: return "37";
  }
}

std::string counts(const scan::StatusCounts& c) {
  return fmt::format("{:>6} {:>6} {:>13}", c[CheckStatus::kFail], c[CheckStatus::kPass], c[CheckStatus::kNotAssessed]);
}

}  // namespace

void print_scan_summary(const scan::ScanResult& r, bool color, std::ostream& out, const Framework* framework) {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(r.finished - r.started).count();
  out << fmt::format("Account {} ({}): {} regions scanned, {} resources, {} API calls, {} s{}\n", r.account,
                     r.principal_arn, r.regions_scanned.size(), r.resources(), r.api_calls, secs,
                     r.cancelled ? paint(color, "33", " — CANCELLED, results are partial") : "");
  for (const auto& s : r.regions_skipped) out << "  region " << s.name << " skipped: " << s.reason << "\n";

  out << "\nFindings by severity          FAIL   PASS  NOT_ASSESSED\n";
  for (Severity s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInformational}) {
    auto it = r.findings_by_severity.find(s);
    if (it == r.findings_by_severity.end()) continue;
    std::string name = fmt::format("{:<25}", to_string(s));
    out << "  " << paint(color && it->second[CheckStatus::kFail], severity_color(s), name) << counts(it->second) << "\n";
  }
  out << fmt::format("  {:<25}{}\n", "total", counts(r.findings));

  if (!r.findings_by_service.empty()) {
    out << "\nFindings by service           FAIL   PASS  NOT_ASSESSED\n";
    for (const auto& [service, c] : r.findings_by_service) out << fmt::format("  {:<25}{}\n", service, counts(c));
  }

  if (framework && framework->id != "cis-3.0") {
    out << "\n" << framework_summary(r, *framework, color);
  } else if (!r.cis_controls.empty()) {
    out << "\nCIS AWS Foundations Benchmark v3.0.0    PASS  FAIL  NOT_ASSESSED  MANUAL\n";
    for (const auto& s : r.cis_sections)
      out << fmt::format("  {} {:<35}{:>4}  {:>4}  {:>12}  {:>6}\n", s.section.id, s.section.title, s.pass, s.fail,
                         s.not_assessed, s.manual);
    std::string failing;
    for (const auto& c : r.cis_controls)
      if (c.status == "FAIL") failing += (failing.empty() ? "" : ", ") + c.control.id;
    if (!failing.empty()) out << "  failing controls: " << paint(color, "31", failing) << "\n";
  }

  if (!r.gaps.empty()) {
    out << "\n" << paint(color, "33", fmt::format("Coverage gaps ({}): what could not be collected", r.gaps.size()))
        << "\n";
    for (const auto& g : r.gaps) {
      std::string where = g.region.empty() ? "global" : g.region;
      out << fmt::format("  {:<40} {:<14} {}", g.action, where, g.reason());
      if (!g.resource.empty()) out << " [" << g.resource << "]";
      out << "\n";
    }
    out << "  Checks that needed this data report NOT_ASSESSED with the reason.\n";
  } else {
    out << "\nCoverage: complete (every call answered).\n";
  }
}

void CostTotal::on_finding(const Finding& f) {
  if (f.status != CheckStatus::kFail || !checks::has_monthly_cost(f.check_id)) return;
  std::lock_guard lock(mu_);
  if (f.monthly_cost_usd) {
    sum_ += *f.monthly_cost_usd;
    ++priced_;
  } else {
    ++unpriced_;
  }
}

double CostTotal::monthly_usd() const {
  std::lock_guard lock(mu_);
  return sum_;
}

void CostTotal::print(bool color, std::ostream& out) const {
  std::lock_guard lock(mu_);
  if (priced_ + unpriced_ == 0) return;
  out << "\nCost hygiene: " << paint(color, "36", "≈ " + prices::usd(sum_) + "/month to save") << " ("
      << priced_ << " finding(s) priced from the AWS Price List";
  if (unpriced_) out << "; " << unpriced_ << " without a price for their region, not counted";
  out << ")\n";
}

}  // namespace cloudpeek::cli
