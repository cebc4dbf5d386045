#include <fmt/chrono.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "report/report.h"

namespace cloudpeek::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json-ocsf" || name == "ocsf") return Format::kOcsfJson;
  if (name == "csv") return Format::kCsv;
  if (name == "sarif") return Format::kSarif;
  if (name == "html") return Format::kHtml;
  if (name == "text" || name == "txt") return Format::kText;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::kOcsfJson: return "json-ocsf";
    case Format::kCsv: return "csv";
    case Format::kSarif: return "sarif";
    case Format::kHtml: return "html";
    case Format::kText: return "text";
  }
  return "unknown";
}

std::string file_name(Format f) {
  switch (f) {
    case Format::kOcsfJson: return "cloudpeek-findings.ocsf.json";
    case Format::kCsv: return "cloudpeek-findings.csv";
    case Format::kSarif: return "cloudpeek-findings.sarif";
    case Format::kHtml: return "cloudpeek-report.html";
    case Format::kText: return "cloudpeek-report.txt";
  }
  return "cloudpeek-report";
}

WriteResult write_reports(const ReportInput& in, const std::vector<Format>& formats, const std::string& dir) {
  namespace fs = std::filesystem;
  WriteResult result;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    result.error = "cannot create the output directory " + dir + ": " + ec.message();
    return result;
  }
  for (Format f : formats) {
    fs::path path = fs::path(dir) / file_name(f);
    fs::path tmp = path;
    tmp += ".partial";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) {
        result.error = "cannot write " + tmp.string() + ": check the directory's permissions";
        return result;
      }
      switch (f) {
        case Format::kOcsfJson: write_ocsf(in, out); break;
        case Format::kCsv: write_csv(in, out); break;
        case Format::kSarif: write_sarif(in, out); break;
        case Format::kHtml: write_html(in, out); break;
        case Format::kText: write_text(in, out); break;
      }
      out.flush();
      if (!out) {
        result.error = "writing " + tmp.string() + " failed (disk full?)";
        fs::remove(tmp, ec);
        return result;
      }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
      result.error = "cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message();
      return result;
    }
    result.written.push_back(path.string());
  }
  return result;
}

}  // namespace cloudpeek::report
