// CSV, one row per finding, RFC 4180, formula injection neutralised.
#include "report/common.h"
#include "report/escape.h"

namespace cloudpeek::report {

void write_csv(const ReportInput& in, std::ostream& out) {
  out << "status,severity,check_id,title,service,account,region,resource_type,resource_arn,resource_name,"
         "detail,cis_3_0,fsbp,remediation\r\n";
  for (const auto& f : in.findings) {
    const CheckMetadata& m = metadata_of(in, f.check_id);
    std::vector<std::string> cells = {std::string(to_string(f.status)), std::string(to_string(f.severity)),
                                      f.check_id, m.title, f.service, f.account, f.region, f.resource_type,
                                      f.resource_arn, f.resource_name, f.detail, join(m.cis, " "),
                                      join(m.fsbp, " "), m.remediation.text};
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
  }
}

}  // namespace cloudpeek::report
