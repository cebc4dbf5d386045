#include "cli/findings_file.h"

namespace cloudpeek::cli {

nlohmann::ordered_json finding_json(const Finding& f) {
  return {{"check_id", f.check_id},
          {"status", std::string(to_string(f.status))},
          {"severity", std::string(to_string(f.severity))},
          {"service", f.service},
          {"resource_type", f.resource_type},
          {"resource_arn", f.resource_arn},
          {"resource_name", f.resource_name},
          {"account", f.account},
          {"region", f.region},
          {"detail", f.detail}};
}

Result<std::unique_ptr<FindingsFile>> FindingsFile::open(const std::string& path) {
  auto f = std::make_unique<FindingsFile>();
  f->path_ = path;
  f->out_.open(path, std::ios::out | std::ios::trunc);
  if (!f->out_) return make_error(ErrorKind::kInvalidInput, "Cannot write " + path + ".",
                                  "Check that --output-dir exists and is writable.");
  return f;
}

void FindingsFile::on_finding(const Finding& f) {
  // AWS strings (names, tags) are escaped by the JSON encoder; invalid UTF-8 is replaced.
  std::string line = finding_json(f).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard lock(mu_);
  out_ << line << '\n';
}

Status FindingsFile::close() {
  std::lock_guard lock(mu_);
  out_.close();
  if (out_.fail()) return make_error(ErrorKind::kInvalidInput, "Could not finish writing " + path_ + ".");
  return Ok{};
}

}  // namespace cloudpeek::cli
