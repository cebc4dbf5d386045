// Glue (regional): the Data Catalog's encryption settings and ETL jobs with
// the encryption their security configuration applies.
//
// Calls (issue 13: all bulk, no per-resource call):
//   GetDataCatalogEncryptionSettings          the region's catalog (one call)
//   GetSecurityConfigurations (paged)         every security configuration, only when a selected
//                                             check reads a job's encryption
//   GetJobs (paged)                           every job with its security configuration's name
//
// AWS::Glue::DataCatalog  one per region, arn = arn:…:glue:<region>:<account>:catalog, id = account, name = region
//   props.metadata_encryption              "DISABLED" | "SSE-KMS" | "SSE-KMS-WITH-SERVICE-ROLE"
//   props.connection_password_encryption   bool (ReturnConnectionPasswordEncrypted)
// AWS::Glue::Job  arn = arn:…:glue:<region>:<account>:job/<name>, id = name = Name
//   props.security_configuration  its name, or null
//   props.s3_encryption           "DISABLED" | "SSE-KMS" | "SSE-S3" — the security configuration's, else the
//                                 job's --encryption-type argument ("sse-s3" → "SSE-S3"), else "DISABLED"
//   props.cloudwatch_encryption   "DISABLED" | "SSE-KMS"
//   props.bookmarks_encryption    "DISABLED" | "CSE-KMS"
//     (the three missing with the reason when the security configurations could not be listed, or
//      when the job names one that does not exist)
// Job arguments may hold secrets: raw keeps their names only (values dropped),
// and never the source control auth token.
#include <map>
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "glue";
constexpr const char* kCatalog = "AWS::Glue::DataCatalog";
constexpr const char* kJob = "AWS::Glue::Job";
const std::initializer_list<const char*> kEncryption = {"s3_encryption", "cloudwatch_encryption",
                                                        "bookmarks_encryption"};

struct Modes {
  std::string s3 = "DISABLED", cloudwatch = "DISABLED", bookmarks = "DISABLED";
};

void collect_catalog(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = kCatalog;
  r.account = ctx.account();
  r.region = region;
  r.id = ctx.account();
  r.name = region;
  r.arn = "arn:" + ctx.partition() + ":glue:" + region + ":" + ctx.account() + ":catalog";
  auto out = ctx.call(kSvc, "GetDataCatalogEncryptionSettings", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetDataCatalogEncryptionSettings", region, {kCatalog});
    return;
  }
  const json s = out->value("DataCatalogEncryptionSettings", json::object());
  r.props["metadata_encryption"] = s.value("EncryptionAtRest", json::object()).value("CatalogEncryptionMode", "DISABLED");
  r.props["connection_password_encryption"] =
      s.value("ConnectionPasswordEncryption", json::object()).value("ReturnConnectionPasswordEncrypted", false);
  r.raw = s;
  ctx.emit(std::move(r));
}

// Names only: argument values can be passwords or tokens.
void scrub(json& job) {
  for (const char* member : {"DefaultArguments", "NonOverridableArguments"}) {
    if (!job.contains(member) || !job[member].is_object()) continue;
    json names = json::array();
    for (const auto& [k, v] : job[member].items()) names.push_back(k);
    job[member] = std::move(names);
  }
  if (job.contains("SourceControlDetails") && job["SourceControlDetails"].is_object())
    job["SourceControlDetails"].erase("AuthToken");
}

void collect(CollectContext& ctx, const std::string& region) {
  ctx.spawn([&ctx, region] { collect_catalog(ctx, region); });

  const bool want_modes = std::any_of(kEncryption.begin(), kEncryption.end(),
                                      [&](const char* p) { return ctx.needs(kJob, p); });
  std::map<std::string, Modes> configs;
  std::optional<Error> configs_error;
  if (want_modes) {
    Status listed = for_each_page(ctx, kSvc, "GetSecurityConfigurations", json::object(), region, [&](json& page) {
      for (const auto& c : page.value("SecurityConfigurations", json::array())) {
        const json enc = c.value("EncryptionConfiguration", json::object());
        Modes m;
        for (const auto& s3 : enc.value("S3Encryption", json::array())) m.s3 = s3.value("S3EncryptionMode", m.s3);
        m.cloudwatch = enc.value("CloudWatchEncryption", json::object()).value("CloudWatchEncryptionMode", m.cloudwatch);
        m.bookmarks = enc.value("JobBookmarksEncryption", json::object()).value("JobBookmarksEncryptionMode", m.bookmarks);
        configs[c.value("Name", "")] = m;
      }
    });
    if (!listed) configs_error = listed.error();
  }
  std::string configs_reason;
  Status listed = for_each_page(ctx, kSvc, "GetJobs", json::object(), region, [&](json& page) {
    for (auto& j : page["Jobs"]) {
      Resource r;
      r.type = kJob;
      r.account = ctx.account();
      r.region = region;
      r.id = r.name = j.value("Name", "");
      r.arn = "arn:" + ctx.partition() + ":glue:" + region + ":" + ctx.account() + ":job/" + r.name;
      const std::string config = j.value("SecurityConfiguration", "");
      r.props["security_configuration"] = config.empty() ? json(nullptr) : json(config);
      // The job's own S3 encryption argument (no secret: "sse-s3").
      std::string argument;
      if (j.contains("DefaultArguments") && j["DefaultArguments"].is_object())
        argument = j["DefaultArguments"].value("--encryption-type", "");
      if (!want_modes) {
        for (const char* p : kEncryption) not_needed(r, p);
      } else if (configs_error) {
        if (configs_reason.empty()) {
          record_missing(ctx, r, "s3_encryption", *configs_error, kSvc, "GetSecurityConfigurations");
          configs_reason = r.missing["s3_encryption"];
        }
        for (const char* p : kEncryption) r.missing[p] = configs_reason;
      } else {
        Modes m;
        if (!config.empty()) {
          auto it = configs.find(config);
          if (it == configs.end()) {
            for (const char* p : kEncryption)
              r.missing[p] = "job " + r.name + " names security configuration " + config +
                             ", which glue:GetSecurityConfigurations did not return";
          } else {
            m = it->second;
          }
        }
        if (m.s3 == "DISABLED" && argument == "sse-s3") m.s3 = "SSE-S3";
        if (!r.missing.count("s3_encryption")) {
          r.props["s3_encryption"] = m.s3;
          r.props["cloudwatch_encryption"] = m.cloudwatch;
          r.props["bookmarks_encryption"] = m.bookmarks;
        }
      }
      scrub(j);
      r.raw = std::move(j);
      ctx.emit(std::move(r));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "GetJobs", region, {kJob});
}

const RegisterCollector reg({.service = "glue", .global = false, .produces = {kCatalog, kJob}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
