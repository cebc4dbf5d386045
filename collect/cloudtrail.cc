// CloudTrail: trails (with shadow trails), their status and event selectors.
//
// "AWS::CloudTrail::Trail" — the shared contract of /tmp/trail.md, see
// collect/cloudtrail.h for the props. One resource per trail, emitted by the
// collector of its home region (shadow copies in other regions are not
// emitted twice).
//
// "AWS::CloudTrail::TrailCoverage" (arn:aws:cloudtrail:REGION:ACCOUNT:trail-coverage,
// one per scanned region whose DescribeTrails answered), props:
//   "trails": [{"arn", "name", "home_region", "is_multi_region": bool,
//               "is_organization_trail": bool}] — every trail that applies to
//   the region (its own and the multi-region/organization trails shadowed into it),
//   so "CloudTrail enabled in all regions" can be judged per region.
#include "collect/cloudtrail.h"

#include <atomic>
#include <memory>
#include <mutex>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kTrail = "AWS::CloudTrail::Trail";
constexpr const char* kCoverage = "AWS::CloudTrail::TrailCoverage";

bool is_all_s3(const json& values) {
  for (const auto& v : values) {
    if (!v.is_string()) continue;
    std::string s = v.get<std::string>();
    if (s == "arn:aws:s3" || s == "arn:aws:s3:::" || s == "arn:aws-cn:s3" || s == "arn:aws-cn:s3:::" ||
        s == "arn:aws-us-gov:s3" || s == "arn:aws-us-gov:s3:::")
      return true;
  }
  return false;
}

// A pointer into `selector` itself (never into a copy of its list).
const json* field(const json& selector, const std::string& name) {
  auto list = selector.find("FieldSelectors");
  if (list == selector.end() || !list->is_array()) return nullptr;
  for (const auto& f : *list)
    if (f.is_object() && f.value("Field", "") == name) return &f;
  return nullptr;
}

bool equals_only(const json* f, const std::string& value) {
  if (!f) return false;
  auto eq = f->find("Equals");
  return eq != f->end() && eq->is_array() && eq->size() == 1 && (*eq)[0] == value;
}

}  // namespace

SelectorSummary summarize_event_selectors(const json& out) {
  SelectorSummary s;
  for (const auto& sel : out.value("EventSelectors", json::array())) {
    std::string rw = sel.value("ReadWriteType", "All");
    if (sel.value("IncludeManagementEvents", true) && rw == "All" &&
        sel.value("ExcludeManagementEventSources", json::array()).empty())
      s.management_all = true;
    for (const auto& dr : sel.value("DataResources", json::array())) {
      if (dr.value("Type", "") != "AWS::S3::Object" || !is_all_s3(dr.value("Values", json::array()))) continue;
      if (rw == "All" || rw == "WriteOnly") s.s3_write = true;
      if (rw == "All" || rw == "ReadOnly") s.s3_read = true;
    }
  }
  for (const auto& sel : out.value("AdvancedEventSelectors", json::array())) {
    const json* category = field(sel, "eventCategory");
    const json* read_only = field(sel, "readOnly");
    // Any other filter (eventSource, eventName, resources.ARN...) narrows what is recorded.
    bool only_known = true;
    for (const auto& f : sel.value("FieldSelectors", json::array())) {
      std::string name = f.value("Field", "");
      if (name != "eventCategory" && name != "readOnly" && name != "resources.type") only_known = false;
    }
    if (!only_known) continue;
    bool reads = !read_only || equals_only(read_only, "true");
    bool writes = !read_only || equals_only(read_only, "false");
    if (equals_only(category, "Management") && !read_only) s.management_all = true;
    if (equals_only(category, "Data") && equals_only(field(sel, "resources.type"), "AWS::S3::Object")) {
      s.s3_read |= reads;
      s.s3_write |= writes;
    }
  }
  return s;
}

namespace {

struct TrailState {
  std::mutex mu;
  Resource trail;
  std::atomic<int> remaining{2};
};

void finish(CollectContext& ctx, const std::shared_ptr<TrailState>& state) {
  if (--state->remaining == 0) ctx.emit(std::move(state->trail));
}

void collect_trail(CollectContext& ctx, const json& t, const std::string& region) {
  auto state = std::make_shared<TrailState>();
  Resource& r = state->trail;
  r.type = kTrail;
  r.arn = t.value("TrailARN", "");
  r.account = ctx.account();
  r.region = region;
  r.id = r.arn;
  r.name = t.value("Name", "");
  r.raw["trail"] = t;
  r.props = {{"name", r.name},
             {"home_region", t.value("HomeRegion", region)},
             {"is_multi_region", t.value("IsMultiRegionTrail", false)},
             {"is_organization_trail", t.value("IsOrganizationTrail", false)},
             {"log_file_validation", t.value("LogFileValidationEnabled", false)},
             {"kms_key_id", t.contains("KmsKeyId") ? t["KmsKeyId"] : json()},
             {"s3_bucket_name", t.value("S3BucketName", "")},
             {"cloud_watch_logs_log_group_arn",
              t.contains("CloudWatchLogsLogGroupArn") ? t["CloudWatchLogsLogGroupArn"] : json()}};

  ctx.spawn([&ctx, state, region]() {
    auto out = ctx.call("cloudtrail", "GetTrailStatus", {{"Name", state->trail.arn}}, region);
    {
      std::lock_guard lock(state->mu);
      if (out) {
        state->trail.raw["status"] = *out;
        state->trail.props["is_logging"] = out->value("IsLogging", false);
      } else {
        record_missing(ctx, state->trail, "is_logging", out.error(), "cloudtrail", "GetTrailStatus");
      }
    }
    finish(ctx, state);
  });
  ctx.spawn([&ctx, state, region]() {
    auto out = ctx.call("cloudtrail", "GetEventSelectors", {{"TrailName", state->trail.arn}}, region);
    {
      std::lock_guard lock(state->mu);
      Resource& tr = state->trail;
      if (out) {
        tr.raw["event_selectors"] = *out;
        SelectorSummary s = summarize_event_selectors(*out);
        tr.props["management_events_all"] = s.management_all;
        tr.props["s3_data_events_write"] = s.s3_write;
        tr.props["s3_data_events_read"] = s.s3_read;
      } else {
        record_missing(ctx, tr, "management_events_all", out.error(), "cloudtrail", "GetEventSelectors");
        tr.missing["s3_data_events_write"] = tr.missing["management_events_all"];
        tr.missing["s3_data_events_read"] = tr.missing["management_events_all"];
      }
    }
    finish(ctx, state);
  });
}

void collect(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call("cloudtrail", "DescribeTrails", {{"includeShadowTrails", true}}, region);
  if (!out) {
    record_failure(ctx, out.error(), "cloudtrail", "DescribeTrails", region, {kTrail, kCoverage});
    return;
  }
  Resource coverage;
  coverage.type = kCoverage;
  coverage.arn = "arn:" + ctx.partition() + ":cloudtrail:" + region + ":" + ctx.account() + ":trail-coverage";
  coverage.account = ctx.account();
  coverage.region = region;
  coverage.id = coverage.name = "CloudTrail in " + region;
  coverage.props["trails"] = json::array();
  coverage.raw = *out;
  for (const auto& t : out->value("trailList", json::array())) {
    coverage.props["trails"].push_back({{"arn", t.value("TrailARN", "")},
                                        {"name", t.value("Name", "")},
                                        {"home_region", t.value("HomeRegion", region)},
                                        {"is_multi_region", t.value("IsMultiRegionTrail", false)},
                                        {"is_organization_trail", t.value("IsOrganizationTrail", false)}});
    // A shadow trail is described again by the collector of its home region.
    if (t.value("HomeRegion", region) == region) collect_trail(ctx, t, region);
  }
  ctx.emit(std::move(coverage));
}

const RegisterCollector reg({.service = "cloudtrail",
                             .global = false,
                             .produces = {kTrail, kCoverage},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
