// Shared by the DocumentDB and Neptune checks: both engines come through the
// RDS API (collect/rds.cc emits their clusters and cluster snapshots as
// AWS::DocDB::* and AWS::Neptune::* with the RDS properties), and their
// Security Hub controls judge the same settings.
#pragma once

#include <algorithm>
#include <string>

#include "checks/check.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks::docdb {

// PASS when boolean `prop` is true: "<what> <on>" / "<what> <off>".
inline CheckResult enabled(const Resource& r, const char* prop, const std::string& what, const std::string& on,
                           const std::string& off) {
  std::string why;
  const json* v = require_prop(r, prop, &why);
  if (!v) return not_assessed(why);
  if (!v->is_boolean()) return not_assessed(std::string(prop) + " of " + r.id + " was not collected");
  return v->get<bool>() ? pass(what + " " + on) : fail(what + " " + off);
}

// Backups kept at least `days` days (BackupRetentionPeriod).
inline CheckResult retention(const Resource& r, const std::string& what, int days) {
  std::string why;
  const json* v = require_prop(r, "backup_retention_period", &why);
  if (!v) return not_assessed(why);
  if (!v->is_number_integer()) return not_assessed("backup_retention_period of " + r.id + " was not collected");
  const int n = v->get<int>();
  if (n < days)
    return fail(what + " keeps automated backups " + std::to_string(n) + " day(s), fewer than " +
                std::to_string(days));
  return pass(what + " keeps automated backups " + std::to_string(n) + " days");
}

// The cluster exports log type `log` to CloudWatch Logs (EnabledCloudwatchLogsExports).
inline CheckResult exports_log(const Resource& r, const std::string& what, const char* log) {
  std::string why;
  const json* v = require_prop(r, "enabled_logs", &why);
  if (!v) return not_assessed(why);
  if (v->is_array() && std::find(v->begin(), v->end(), json(log)) != v->end())
    return pass(what + " exports its " + log + " log to CloudWatch Logs");
  return fail(what + " does not export its " + log + " log to CloudWatch Logs");
}

// A manual cluster snapshot is not restorable by everyone (restore attribute "all").
inline CheckResult snapshot_not_public(const Resource& r, const std::string& what) {
  std::string why;
  const json* v = require_prop(r, "public", &why);
  if (!v) return not_assessed(why);
  if (v->is_boolean() && v->get<bool>()) return fail(what + " is public: any AWS account can restore it");
  const json* shared = r.prop("shared_accounts");
  if (shared && shared->is_array() && !shared->empty())
    return pass(what + " is not public (shared with " + std::to_string(shared->size()) + " named account(s))");
  return pass(what + " is not public");
}

}  // namespace cloudpeek::checks::docdb
