// Collectors: one per AWS service, saying which read calls to make and turning
// the answers into Resources. They run inside a CollectContext that the scan
// engine provides (concurrency, rate limits, the AWS client) — a collector
// only calls, spawns dependent work, emits resources and records gaps.
//
// Every failed call becomes a CoverageGap (record_failure), never dropped: a
// failed listing names the resource types it leaves incomplete, a failed
// per-resource call names the property in Resource::missing as well.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/result.h"
#include "model/coverage.h"
#include "model/resource.h"

namespace cloudpeek::collect {

using json = nlohmann::json;

class CollectContext {
 public:
  virtual ~CollectContext() = default;
  virtual const std::string& account() const = 0;
  virtual const std::string& partition() const = 0;  // "aws", "aws-cn", "aws-us-gov"
  // One AWS call; blocks the calling task; safe from any thread. `service` is
  // the botocore name ("ec2", "s3"); `region` where to send it.
  virtual Result<json> call(std::string_view service, std::string_view operation, const json& params,
                            const std::string& region) = 0;
  // Runs dependent work (e.g. per-bucket calls) concurrently as soon as possible.
  virtual void spawn(std::function<void()> task) = 0;
  virtual void emit(Resource resource) = 0;
  virtual void gap(CoverageGap gap) = 0;
  // Whether a selected check reads `property` of resources of `type`: a
  // per-resource call that only fills properties no selected check reads is
  // not made (issue 13: calls follow what the checks need). Without a check
  // selection (inventory, the IAM analyzer) everything is needed.
  virtual bool needs(std::string_view type, std::string_view property) const { return true; }
};

// Marks a property left uncollected because no selected check reads it: a
// check that reads it anyway says NOT_ASSESSED with this reason.
void not_needed(Resource& resource, const std::string& property);

struct Collector {
  std::string service;  // botocore name: "s3"
  // Global collectors run once (with the partition's home region), regional
  // ones once per scanned region.
  bool global = false;
  std::vector<std::string> produces;  // resource types it emits ("AWS::S3::Bucket")
  std::function<void(CollectContext&, const std::string& region)> collect;
};

const std::vector<const Collector*>& all_collectors();  // sorted by service
const Collector* find_collector(std::string_view service);

struct RegisterCollector {
  explicit RegisterCollector(Collector collector);
};

// Every page of a paginated operation (botocore's paginator for it), the
// result keys' lists concatenated into one output. Without a paginator, one call.
Result<json> call_all_pages(CollectContext& ctx, std::string_view service, std::string_view operation,
                            json params, const std::string& region);
// The same listing a page at a time: `on_page` gets each page as it arrives
// (it may move from it), so a listing of thousands of items is never held
// whole (issue 13: other accounts' snapshots, 1,000 a region, held at once in
// every region). Stops at the first failed page and returns its error; the
// pages before it have been handed over.
Status for_each_page(CollectContext& ctx, std::string_view service, std::string_view operation, json params,
                     const std::string& region, const std::function<void(json& page)>& on_page);
// The same for a listing botocore gives no paginator: follows the answer's
// `token` member, sent back under the same name, until it is absent or empty;
// a token AWS repeats ends it with RepeatedPageToken (the listing may be
// incomplete), as above.
Status for_each_token_page(CollectContext& ctx, std::string_view service, std::string_view operation, json params,
                           const std::string& region, const std::function<void(json& page)>& on_page,
                           const std::string& token = "NextToken");

// The service is not offered in the region: its regional endpoint does not
// resolve (DNS) and botocore's endpoint data, built in, agrees that AWS has no
// endpoint of it there (aws/services/service_models.h service_offered_in).
// Both must say so: a DNS failure alone may be the network's, and data that
// is older than a region's launch of the service must not hide its resources.
bool service_not_offered(const Error& error, std::string_view service, const std::string& region);

// Records a failed call as a gap: for a listing, the types it leaves
// incomplete in `region`; for one resource's property, also marks it missing.
// A listing of a service not offered in the region (above) is no gap.
void record_failure(CollectContext& ctx, const Error& error, std::string_view service, std::string_view operation,
                    const std::string& region, std::vector<std::string> resource_types);
void record_missing(CollectContext& ctx, Resource& resource, const std::string& property, const Error& error,
                    std::string_view service, std::string_view operation);

// A policy document as AWS sends it — JSON text (URL-encoded on the query
// wire), or an object the protocol already parsed — read within
// kPolicyLimits (aws/core/json_text.h). A document that is not a JSON object,
// is nested too deep or is too large is not treated as "no policy": `what`
// ("the bucket policy of b") names it in an error with code MalformedPolicy.
Result<json> parse_policy(const json& document, std::string_view what);

// parse_policy into resource.props[property]; when it fails, the property is
// marked missing with the reason and a gap is recorded against the call that
// returned it, so the checks reading it say NOT_ASSESSED. Returns success.
bool put_policy(CollectContext& ctx, Resource& resource, const std::string& property, const json& document,
                std::string_view what, std::string_view service, std::string_view operation);

// "s3:GetBucketPolicy" from ("s3", "GetBucketPolicy"), using the service's IAM prefix.
std::string iam_action(std::string_view service, std::string_view operation);

// The tags of an AWS tag list ([{"Key": k, "Value": v}], also "key"/"value").
std::map<std::string, std::string> tags_from_list(const json& list);

// An AWS timestamp as collected: the protocol parsers give epoch seconds (the
// json protocol's wire form, fractions allowed); text is accepted too. Returns
// ISO 8601 text, or null when `v` is neither (not collected).
json iso_timestamp(const json& v);

}  // namespace cloudpeek::collect
