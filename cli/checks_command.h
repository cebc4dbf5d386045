// `cloudpeek checks list [--output json] [--service S] [--compliance FRAMEWORK]`
// and `cloudpeek checks show ID`: the registered checks and their metadata.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/check.h"

namespace cloudpeek::cli {

struct ChecksListOptions {
  std::string output = "text";  // text | json
  std::string service;
  std::string compliance;       // "" or a framework id or alias (model/frameworks): "aws-fsbp"
  std::string severity;         // minimum
};

nlohmann::ordered_json check_json(const checks::Check& check);

// Exit code 0, or 1 for a bad filter (message on err).
int run_checks_list(const ChecksListOptions& options, std::ostream& out, std::ostream& err);
// Exit code 0, or 1 when no check has the id.
int run_checks_show(const std::string& id, const std::string& output, std::ostream& out, std::ostream& err);

}  // namespace cloudpeek::cli
