// CSV, one row per finding, RFC 4180, formula injection neutralised. A scan
// for a framework other than CIS v3.0.0 adds a last column with its control ids.
#include "report/common.h"
#include "report/escape.h"
#include "report/summary.h"

namespace cloudpeek::report {

void write_csv(const ReportInput& in, std::ostream& out) {
  const Framework* extra = in.framework && in.framework->id != "cis-3.0" ? in.framework : nullptr;
  out << "status,severity,check_id,title,service,account,region,resource_type,resource_arn,resource_name,"
         "detail,cis_3_0,fsbp,remediation";
  if (extra) out << "," << csv_cell(extra->id);
  out << "\r\n";
  for (const auto& f : in.findings) {
    const CheckMetadata& m = metadata_of(in, f.check_id);
    std::vector<std::string> cells = {std::string(to_string(f.status)), std::string(to_string(f.severity)),
                                      f.check_id, m.title, f.service, f.account, f.region, f.resource_type,
                                      f.resource_arn, f.resource_name, f.detail, join(m.cis, " "),
                                      join(m.fsbp, " "), m.remediation.text};
    if (extra) cells.push_back(join(control_ids(*extra, m), " "));
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
  }
}

}  // namespace cloudpeek::report
