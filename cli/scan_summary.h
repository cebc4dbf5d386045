// The terminal summary after `cloudpeek scan`: findings by severity and by
// service, compliance per section (CIS v3.0.0, or the framework `--compliance`
// chose), and every coverage gap (action, region, reason), so what was not
// assessed is never silent.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <mutex>

#include "scan/scan_result.h"
#include "scan/sinks.h"

namespace cloudpeek {
struct Framework;  // model/compliance.h
}

namespace cloudpeek::cli {

// `framework`: the one `--compliance NAME` chose; nullptr shows CIS v3.0.0.
void print_scan_summary(const scan::ScanResult& result, bool color, std::ostream& out,
                        const Framework* framework = nullptr);

// The failing cost hygiene findings' estimates (issue 12 §3), summed as the
// scan streams its findings, for the line after the summary:
// "Cost hygiene: ≈ $X/month to save (N findings; M without a price for their region)".
class CostTotal : public scan::FindingSink {
 public:
  void on_finding(const Finding& finding) override;
  void print(bool color, std::ostream& out) const;
  double monthly_usd() const;

 private:
  mutable std::mutex mu_;
  double sum_ = 0;
  int64_t priced_ = 0;
  int64_t unpriced_ = 0;
};

}  // namespace cloudpeek::cli
