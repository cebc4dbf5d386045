#include "aws/endpoints/endpoints.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <string_view>

#include "aws/endpoints/service_names.h"

extern char** environ;

namespace cloudpeek {

namespace {

// Partition regexes as published in the SDKs' partitions.json; a region that
// matches none belongs to the commercial partition, as in the SDKs.
Partition partition_by_regex(const std::string& region) {
  static const std::regex kCn(R"(^cn-\w+-\d+$)");
  static const std::regex kGov(R"(^us-gov-\w+-\d+$)");
  if (std::regex_match(region, kCn)) return {"aws-cn", "amazonaws.com.cn"};
  if (std::regex_match(region, kGov)) return {"aws-us-gov", "amazonaws.com"};
  return {"aws", "amazonaws.com"};
}

// A region becomes a DNS label and part of the signature's credential scope, so
// anything but lower-case letters, digits and inner hyphens can only be a mistake
// (a pasted URL, a stray space, "US-EAST-1").
bool valid_region(std::string_view r) {
  if (r.empty() || r.size() > 63 || r.front() == '-' || r.back() == '-') return false;
  return std::all_of(r.begin(), r.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

struct Global {
  const char* host;
  const char* signing_region;
};

// Services with one endpoint per partition. nullptr: the partition has no global
// endpoint and the regional pattern applies.
struct GlobalService {
  std::string_view prefix;
  Global aws, cn, gov;
};

constexpr GlobalService kGlobalServices[] = {
    {"iam",
     {"iam.amazonaws.com", "us-east-1"},
     {"iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
     {"iam.us-gov.amazonaws.com", "us-gov-west-1"}},
    {"organizations",
     {"organizations.us-east-1.amazonaws.com", "us-east-1"},
     {"organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
     {"organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1"}},
    {"route53",
     {"route53.amazonaws.com", "us-east-1"},
     {"route53.amazonaws.com.cn", "cn-northwest-1"},
     {"route53.us-gov.amazonaws.com", "us-gov-west-1"}},
    {"cloudfront",
     {"cloudfront.amazonaws.com", "us-east-1"},
     {"cloudfront.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
     {nullptr, nullptr}},
    // AWS WAF Classic (global, for CloudFront): botocore's endpoints.json has it in the aws partition only.
    {"waf", {"waf.amazonaws.com", "us-east-1"}, {nullptr, nullptr}, {nullptr, nullptr}},
};

const Global* global_endpoint(std::string_view prefix, const Partition& p) {
  for (const GlobalService& g : kGlobalServices) {
    if (g.prefix != prefix) continue;
    const Global& e = p.id == "aws-cn" ? g.cn : p.id == "aws-us-gov" ? g.gov : g.aws;
    return e.host ? &e : nullptr;
  }
  return nullptr;
}

// With AWS_STS_REGIONAL_ENDPOINTS=legacy the SDKs send these regions (the ones
// that existed when STS was global-only) to sts.amazonaws.com; later regions
// stay regional.
bool sts_legacy_global_region(std::string_view r) {
  static constexpr std::string_view kRegions[] = {
      "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
      "eu-central-1",   "eu-north-1", "eu-west-1",      "eu-west-2",      "eu-west-3",  "sa-east-1",
      "us-east-1",      "us-east-2",  "us-west-1",      "us-west-2"};
  return std::find(std::begin(kRegions), std::end(kRegions), r) != std::end(kRegions);
}

// An override is used as given (http allowed, for local endpoints such as
// tests/fakeaws), minus a trailing slash; its path is kept as a prefix.
Result<std::string> check_override(const std::string& url, const std::string& variable) {
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return make_error(ErrorKind::kInvalidInput,
                      variable + " is not an http:// or https:// URL: '" + url + "'.",
                      "Set " + variable + " to a URL such as https://host:port, or unset it.");
  }
  size_t host_end = rest.find_first_of("/?#");
  if (rest.substr(0, host_end).empty() || rest.find_first_of(" \t\r\n") != std::string_view::npos) {
    return make_error(ErrorKind::kInvalidInput, variable + " has no valid host: '" + url + "'.",
                      "Set " + variable + " to a URL such as https://host:port, or unset it.");
  }
  if (host_end != std::string_view::npos && rest[host_end] != '/') {
    return make_error(ErrorKind::kInvalidInput,
                      variable + " must not carry a query or fragment: '" + url + "'.",
                      "Remove everything from '?' or '#' in " + variable + ".");
  }
  std::string out = url;
  while (out.ends_with("/")) out.pop_back();
  return out;
}

bool truthy(const char* v) {
  if (!v) return false;
  std::string s(v);
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s == "true";
}

std::string lower(const char* v) {
  std::string s = v ? v : "";
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Partition partition_of(const std::string& region) { return partition_by_regex(region); }

EndpointOverrides EndpointOverrides::from_environment() {
  EndpointOverrides o;
  constexpr std::string_view kPrefix = "AWS_ENDPOINT_URL_";
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = entry.substr(0, eq), value = entry.substr(eq + 1);
    if (value.empty()) continue;  // set but empty means unset, as in the SDKs
    if (name == "AWS_ENDPOINT_URL") o.global = std::string(value);
    else if (name.starts_with(kPrefix) && name.size() > kPrefix.size())
      o.per_service[std::string(name.substr(kPrefix.size()))] = std::string(value);
  }
  o.ignore_configured_endpoint_urls = truthy(std::getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
  o.sts_regional = lower(std::getenv("AWS_STS_REGIONAL_ENDPOINTS")) != "legacy";
  o.s3_us_east_1_regional = lower(std::getenv("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT")) != "legacy";
  return o;
}

Result<Endpoint> resolve_endpoint(const std::string& service, const std::string& region,
                                  const EndpointOverrides& overrides) {
  if (!valid_region(region)) {
    std::string shown = region.empty() ? "(empty)" : "'" + region + "'";
    return make_error(ErrorKind::kInvalidInput, "The AWS region " + shown + " is not a valid region name.",
                      "Use a region code such as us-east-1 or eu-west-1 (--region, AWS_REGION or the "
                      "profile's region).");
  }
  if (service.empty()) return make_error(ErrorKind::kInvalidInput, "No AWS service was named for an endpoint.");

  const Partition partition = partition_of(region);
  const ServiceNames names = service_names(service);
  const Global* global = global_endpoint(service, partition);

  Endpoint ep;
  ep.signing_name = names.signing_name;
  ep.signing_region = global ? global->signing_region : region == "aws-global" ? "us-east-1" : region;

  if (!overrides.ignore_configured_endpoint_urls) {
    // The service's own variable wins over the global one.
    std::optional<std::string> url, variable;
    for (const std::string& id : names.env_ids) {
      auto it = overrides.per_service.find(id);
      if (it != overrides.per_service.end()) {
        url = it->second, variable = "AWS_ENDPOINT_URL_" + id;
        break;
      }
    }
    if (!url && overrides.global) url = overrides.global, variable = "AWS_ENDPOINT_URL";
    if (url) {
      auto checked = check_override(*url, *variable);
      if (!checked) return checked.error();
      ep.url = std::move(checked).value();
      ep.overridden = true;
      // A local endpoint cannot resolve bucket.host names.
      ep.path_style = service == "s3";
      return ep;
    }
  }

  // STS is regional unless legacy mode is asked for: the default of every SDK major
  // version since 2022, and the only kind of STS endpoint whose tokens work in
  // opt-in regions. S3 in us-east-1 gets its regional name too, as the SDKs built
  // on S3's endpoint rules do by default (Go v2, JS v3); botocore and .NET still
  // default to the legacy s3.amazonaws.com, which
  // AWS_S3_US_EAST_1_REGIONAL_ENDPOINT=legacy selects. Both names reach the
  // same buckets.
  if (global) {
    ep.url = std::string("https://") + global->host;
  } else if (service == "sts" && (region == "aws-global" || (!overrides.sts_regional && sts_legacy_global_region(region)))) {
    ep.url = "https://sts.amazonaws.com";
    ep.signing_region = "us-east-1";
  } else if (service == "s3" && (region == "aws-global" || (region == "us-east-1" && !overrides.s3_us_east_1_regional))) {
    ep.url = "https://s3.amazonaws.com";
    ep.signing_region = "us-east-1";
  } else {
    ep.url = "https://" + service + "." + region + "." + partition.dns_suffix;
  }
  return ep;
}

}  // namespace cloudpeek
