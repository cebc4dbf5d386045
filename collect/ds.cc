// AWS Directory Service (regional): the account's directories (Simple AD, AD
// Connector, AWS Managed Microsoft AD) with their RADIUS MFA settings, log
// forwarding, status notifications and manual snapshot quota, and the
// certificates registered with them (client-side LDAPS, client certificate
// authentication).
//
// Calls (issue 13):
//   DescribeDirectories (paginated, NextToken) — every directory, with its
//     RADIUS settings and status: no per-directory call for them.
//   ListLogSubscriptions and DescribeEventTopics — each once per region for
//     all directories (both accept no DirectoryId: the account's whole list),
//     made only where the region has a directory and a selected check reads
//     log_groups / event_topics.
//   GetSnapshotLimits per Simple AD / Microsoft AD directory (DirectoryId is
//     required; AD Connector keeps no snapshots), only for snapshot_limit.
//   ListCertificates per Microsoft AD / AD Connector directory (DirectoryId
//     required; Simple AD has no certificates: UnsupportedOperationException),
//     only when a selected check reads the directory's certificates. Its
//     answer carries ExpiryDateTime, so DescribeCertificate is never needed.
//     DescribeLDAPSSettings is not called: no check reads whether client-side
//     LDAPS is on.
//
// AWS::DirectoryService::Directory  arn = arn:…:ds:<region>:<account>:directory/<id>, id = DirectoryId, name = Name
//   props.type             "SimpleAD" | "ADConnector" | "MicrosoftAD"
//   props.edition, stage   as AWS gives them ("Enterprise" | "Standard" | null; "Active", ...)
//   props.radius_status    RadiusStatus ("Creating" | "Completed" | "Failed"), null without RADIUS MFA
//   props.radius_protocol  RadiusSettings.AuthenticationProtocol ("PAP" | "CHAP" | "MS-CHAPv1" | "MS-CHAPv2"),
//                          null without RADIUS settings
//   props.log_groups       [CloudWatch Logs group names the directory's security logs go to]
//   props.event_topics     [{"topic", "status"}]: SNS topics registered for status notifications
//   props.snapshot_limit   {"limit", "count", "reached"} of manual snapshots; null for AD Connector
//   props.certificates     [CertificateId] registered with it (ListCertificates); null for Simple AD
// AWS::DirectoryService::Certificate  arn = <directory arn>/certificate/<CertificateId>, id = CertificateId,
//                                     name = CommonName
//   props.directory_id, props.type ("ClientLDAPS" | "ClientCertAuth"), props.state, props.expires (ISO 8601)
//
// A property whose call failed is in Resource::missing with the reason (a gap
// names the action); a failed ListCertificates is a listing gap of the
// certificate type in the region. Directories shared with this account by
// another (SharedMicrosoftAD, OwnerDirectoryDescription naming another
// account) are the owner's and are dropped. RadiusSettings.SharedSecret is a
// secret: it is never kept, in props or raw.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "ds";
constexpr const char* kDirectory = "AWS::DirectoryService::Directory";
constexpr const char* kCertificate = "AWS::DirectoryService::Certificate";

// One region's answer of a bulk listing, by DirectoryId, or why it is unknown.
struct ByDirectory {
  bool needed = false;
  std::map<std::string, json> items;  // DirectoryId → array
  std::optional<Error> error;
};

ByDirectory bulk(CollectContext& ctx, const std::string& region, bool needed, const char* operation, bool paginated,
                 const char* list, const std::function<json(const json&)>& item) {
  ByDirectory out;
  out.needed = needed;
  if (!needed) return out;
  auto take = [&](json& page) {
    for (const auto& e : page[list]) {
      json& at = out.items[e.value("DirectoryId", "")];
      if (!at.is_array()) at = json::array();
      at.push_back(item(e));
    }
  };
  Status listed = Ok{};
  if (paginated) {
    listed = for_each_page(ctx, kSvc, operation, json::object(), region, take);
  } else {
    auto answer = ctx.call(kSvc, operation, json::object(), region);
    if (answer)
      take(*answer);
    else
      listed = answer.error();
  }
  if (!listed) out.error = listed.error();
  return out;
}

void put_bulk(CollectContext& ctx, Resource& r, const char* prop, const ByDirectory& b, const char* operation) {
  if (!b.needed) {
    not_needed(r, prop);
  } else if (b.error) {
    record_missing(ctx, r, prop, *b.error, kSvc, operation);
  } else {
    auto it = b.items.find(r.id);
    r.props[prop] = it != b.items.end() ? it->second : json::array();
  }
}

void snapshot_limit(CollectContext& ctx, Resource& r) {
  auto out = ctx.call(kSvc, "GetSnapshotLimits", json{{"DirectoryId", r.id}}, r.region);
  if (!out) {
    record_missing(ctx, r, "snapshot_limit", out.error(), kSvc, "GetSnapshotLimits");
    return;
  }
  const json l = out->value("SnapshotLimits", json::object());
  if (!l.contains("ManualSnapshotsLimit") || !l.contains("ManualSnapshotsCurrentCount")) {
    r.missing["snapshot_limit"] = "GetSnapshotLimits answered without the manual snapshot limit and count of " + r.id;
    return;
  }
  r.props["snapshot_limit"] = {{"limit", l["ManualSnapshotsLimit"]},
                               {"count", l["ManualSnapshotsCurrentCount"]},
                               {"reached", l.value("ManualSnapshotsLimitReached", false)}};
}

// Lists the directory's certificates, emits each and keeps their ids on the
// directory; a failed listing is a gap of the certificate type in the region
// (the certificate check's NOT_ASSESSED) and leaves the directory's list missing.
void certificates(CollectContext& ctx, Resource& dir) {
  json ids = json::array();
  Status listed = for_each_page(
      ctx, kSvc, "ListCertificates", json{{"DirectoryId", dir.id}}, dir.region, [&](json& page) {
        for (auto& c : page["CertificatesInfo"]) {
          Resource r;
          r.type = kCertificate;
          r.account = dir.account;
          r.region = dir.region;
          r.id = c.value("CertificateId", "");
          r.name = c.value("CommonName", r.id);
          if (r.name.empty()) r.name = r.id;
          r.arn = dir.arn + "/certificate/" + r.id;
          r.props["directory_id"] = dir.id;
          r.props["type"] = c.value("Type", "");
          r.props["state"] = c.value("State", "");
          r.props["expires"] = iso_timestamp(c.value("ExpiryDateTime", json()));
          r.raw = std::move(c);
          ids.push_back(r.id);
          ctx.emit(std::move(r));
        }
      });
  if (listed) {
    dir.props["certificates"] = std::move(ids);
    return;
  }
  record_failure(ctx, listed.error(), kSvc, "ListCertificates", dir.region, {kCertificate});
  CoverageGap g;
  g.service = kSvc;
  g.region = dir.region;
  g.action = iam_action(kSvc, "ListCertificates");
  g.error_kind = std::string(to_string(listed.error().kind));
  g.error_code = listed.error().code;
  g.message = listed.error().message;
  dir.missing["certificates"] = g.reason();
}

void collect(CollectContext& ctx, const std::string& region) {
  std::vector<Resource> dirs;
  Status listed = for_each_page(ctx, kSvc, "DescribeDirectories", json::object(), region, [&](json& page) {
    for (auto& d : page["DirectoryDescriptions"]) {
      const std::string type = d.value("Type", "");
      // Shared with this account by another (OwnerDirectoryDescription.AccountId): the owner's
      // directory, configured and assessed in the owner's account.
      if (type == "SharedMicrosoftAD") continue;
      Resource r;
      r.type = kDirectory;
      r.account = ctx.account();
      r.region = region;
      r.id = d.value("DirectoryId", "");
      r.name = d.value("Name", r.id);
      r.arn = "arn:" + ctx.partition() + ":ds:" + region + ":" + ctx.account() + ":directory/" + r.id;
      r.props["type"] = type;
      r.props["edition"] = d.value("Edition", json());
      r.props["stage"] = d.value("Stage", json());
      r.props["radius_status"] = d.value("RadiusStatus", json());
      json radius = d.value("RadiusSettings", json());
      r.props["radius_protocol"] = radius.is_object() ? radius.value("AuthenticationProtocol", json()) : json();
      // The RADIUS shared secret never leaves AWS's answer.
      if (d.contains("RadiusSettings") && d["RadiusSettings"].is_object()) d["RadiusSettings"].erase("SharedSecret");
      r.raw = std::move(d);
      dirs.push_back(std::move(r));
    }
  });
  // Directories listed before a failed page are kept; the listing is a gap either way.
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeDirectories", region, {kDirectory, kCertificate});
  if (dirs.empty()) return;

  const ByDirectory logs =
      bulk(ctx, region, ctx.needs(kDirectory, "log_groups"), "ListLogSubscriptions", true, "LogSubscriptions",
           [](const json& s) { return json(s.value("LogGroupName", "")); });
  const ByDirectory topics =
      bulk(ctx, region, ctx.needs(kDirectory, "event_topics"), "DescribeEventTopics", false, "EventTopics",
           [](const json& t) { return json{{"topic", t.value("TopicArn", t.value("TopicName", ""))},
                                           {"status", t.value("Status", "")}}; });
  const bool limits = ctx.needs(kDirectory, "snapshot_limit");
  // The certificates are the directories' own listing: made only when a selected check reads it (the
  // certificate check declares the directory's list it comes from).
  const bool certs = ctx.needs(kDirectory, "certificates");

  for (auto& r : dirs) {
    put_bulk(ctx, r, "log_groups", logs, "ListLogSubscriptions");
    put_bulk(ctx, r, "event_topics", topics, "DescribeEventTopics");
    const std::string type = r.props.value("type", "");
    const bool get_limits = type == "SimpleAD" || type == "MicrosoftAD";  // AD Connector keeps no snapshots
    const bool list_certs = type == "MicrosoftAD" || type == "ADConnector";  // Simple AD has no certificates
    if (!get_limits) r.props["snapshot_limit"] = nullptr;
    if (!list_certs) r.props["certificates"] = nullptr;
    if (get_limits && !limits) not_needed(r, "snapshot_limit");
    if (list_certs && !certs) not_needed(r, "certificates");
    if (!(get_limits && limits) && !(list_certs && certs)) {
      ctx.emit(std::move(r));
      continue;
    }
    ctx.spawn([&ctx, r = std::move(r), get_limits = get_limits && limits, list_certs = list_certs && certs]() mutable {
      if (get_limits) snapshot_limit(ctx, r);
      if (list_certs) certificates(ctx, r);
      ctx.emit(std::move(r));
    });
  }
}

const RegisterCollector reg(
    {.service = "ds", .global = false, .produces = {kDirectory, kCertificate}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
