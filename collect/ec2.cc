// EC2, VPC and EBS, per region. Every listing runs as its own task; the only
// call made per resource is a snapshot's shares (below, when ctx.needs them).
// Resources another account owns (some endpoints return them whatever the
// OwnerIds filter says) are left out: the account's own only.
//
// Types and the props checks read:
//   AWS::EC2::Instance        {state, http_tokens ("required"|"optional"), http_endpoint ("enabled"|"disabled"),
//                              public_ip (string|null), iam_instance_profile (arn|null), vpc_id, security_groups [id],
//                              monitoring ("enabled"|"disabled"|"pending"…), network_interfaces (count),
//                              stopped_at (epoch seconds from StateTransitionReason when stopped, else null),
//                              collected_at (epoch seconds), instance_type ("t3.micro"), image_id (the AMI it runs)}
//                              (terminated instances are not emitted: they no longer exist)
//   AWS::EC2::SecurityGroup   {group_id, group_name, vpc_id, is_default, ingress [RULE], egress [RULE],
//                              attached (bool: some network interface uses it; missing when ENIs could not be listed)}
//        RULE = {protocol: "-1"|"tcp"|"udp"|"icmp"|"<number>", from_port, to_port (0..65535 when all),
//                ipv4 [cidr], ipv6 [cidr], groups [sg id], prefix_lists [pl id]}
//   AWS::EC2::NetworkAcl      {vpc_id, is_default, subnets [id], entries [{rule_number, protocol ("-1","6","17",…),
//                              action ("allow"|"deny"), egress, cidr, ipv6_cidr, from_port, to_port}]}
//   AWS::EC2::VPC             {vpc_id, is_default, cidr, flow_logs [{id, status, traffic_type}]
//                              (missing when flow logs could not be listed)}
//   AWS::EC2::RouteTable      {vpc_id, routes [{destination, target}], subnets [id]}
//   AWS::EC2::VPCPeeringConnection {status, requester_vpc, requester_owner, accepter_vpc, accepter_owner}
//   AWS::EC2::Volume          {encrypted, state, kms_key_id, attached_instances [id], size_gib, volume_type,
//                              iops (provisioned, or null), throughput (MiB/s, gp3; or null)}
//   AWS::EC2::Snapshot        {encrypted, volume_id, public (restorable by "all": anyone may create volumes),
//                              volume_size (GiB), started_at (epoch seconds, or null), collected_at,
//                              shared_accounts [account id] (createVolumePermission: one DescribeSnapshotAttribute per
//                              own snapshot when ctx.needs it — a selected check reads it, or the scan inventories
//                              snapshots whole; otherwise missing, "not collected")}
//   AWS::EC2::EbsEncryptionByDefault  one per region: {enabled}
//   AWS::EC2::Image           {public, state, snapshot_ids [the EBS snapshots its block devices are made from],
//                              created_at, deprecated_at (epoch seconds of CreationDate / DeprecationTime, or null),
//                              collected_at}
//   AWS::EC2::NetworkInterface {interface_type, status, vpc_id, security_groups [id], public_ip, instance_id}
//   AWS::EC2::EIP             {public_ip, allocation_id, association_id, instance_id, network_interface_id}
//   AWS::EC2::InternetGateway {attachments [vpc id]}
//   AWS::EC2::Subnet          {vpc_id, map_public_ip_on_launch, default_for_az, availability_zone, cidr}
//   AWS::EC2::TransitGateway  {state, auto_accept_shared_attachments ("enable"|"disable")} (the account's own)
//   AWS::EC2::LaunchTemplate  the default version of each, in one call for all templates:
//                             {version, http_tokens ("required"|"optional"|null: not set in the template),
//                              http_endpoint, public_ip_interfaces (count of network interfaces that
//                              associate a public IPv4 address)}
//   AWS::EC2::VPNConnection   {state, tunnels [{outside_ip, status}]} (deleted ones are left out)
//   AWS::EC2::ClientVpnEndpoint {status, connection_logging (bool)} (deleted ones are left out)
#include <chrono>
#include <set>

#include "aws/core/time_format.h"
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "ec2";

Resource make(CollectContext& ctx, const std::string& region, std::string type, const std::string& kind,
              const std::string& id, const json& raw) {
  Resource r;
  r.type = std::move(type);
  r.account = ctx.account();
  r.region = region;
  r.id = id;
  r.arn = "arn:" + ctx.partition() + ":ec2:" + region + ":" + ctx.account() + ":" + kind + "/" + id;
  if (raw.contains("Tags")) r.tags = tags_from_list(raw["Tags"]);
  auto name = r.tags.find("Name");
  r.name = name != r.tags.end() && !name->second.empty() ? name->second : id;
  r.raw = raw;
  return r;
}

json str_or_null(const json& obj, const char* key) {
  if (obj.contains(key) && obj[key].is_string()) return obj[key];
  return nullptr;
}

// One listing; on failure records the gap for the types it would have produced.
std::optional<json> list(CollectContext& ctx, const std::string& region, const char* op, json params,
                         std::vector<std::string> types) {
  auto out = call_all_pages(ctx, kSvc, op, std::move(params), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, op, region, std::move(types));
    return std::nullopt;
  }
  return std::move(out.value());
}

// The list member of an answer, in place (an empty list when absent): the
// listings are walked, never copied. `obj` must be an lvalue that outlives the use.
const json& array_of(const json& obj, const char* key) {
  static const json kEmpty = json::array();
  auto it = obj.find(key);
  return it != obj.end() && it->is_array() ? *it : kEmpty;
}

int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A timestamp of an answer (epoch seconds from the protocol parsers, or text)
// as whole epoch seconds; null when absent or unreadable.
json epoch_or_null(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return nullptr;
  if (it->is_number()) return static_cast<int64_t>(it->get<double>());
  if (!it->is_string()) return nullptr;
  auto t = parse_any_timestamp(it->get<std::string>());
  if (!t) return nullptr;
  return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
}

// When a stopped instance stopped, from its StateTransitionReason
// ("User initiated (2024-05-01 10:20:30 GMT)"); null when AWS gave no time.
json stopped_at(const std::string& reason) {
  auto open = reason.find('(');
  if (open == std::string::npos || reason.size() < open + 20) return nullptr;
  std::string text = reason.substr(open + 1, 19);  // "2024-05-01 10:20:30"
  if (text[10] != ' ') return nullptr;
  text[10] = 'T';
  auto t = parse_iso8601(text + "Z");
  if (!t) return nullptr;
  return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
}

void instances(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeInstances", json::object(), {"AWS::EC2::Instance"});
  if (!out) return;
  for (const auto& res : array_of(*out, "Reservations")) {
    for (const auto& i : array_of(res, "Instances")) {
      std::string state = i.contains("State") ? i["State"].value("Name", "") : "";
      if (state == "terminated") continue;
      Resource r = make(ctx, region, "AWS::EC2::Instance", "instance", i.value("InstanceId", ""), i);
      json meta = i.value("MetadataOptions", json::object());
      json sgs = json::array();
      for (const auto& g : array_of(i, "SecurityGroups")) sgs.push_back(g.value("GroupId", ""));
      r.props = {{"state", state},
                 {"http_tokens", meta.value("HttpTokens", "optional")},
                 {"http_endpoint", meta.value("HttpEndpoint", "enabled")},
                 {"public_ip", str_or_null(i, "PublicIpAddress")},
                 {"iam_instance_profile",
                  i.contains("IamInstanceProfile") ? str_or_null(i["IamInstanceProfile"], "Arn") : json(nullptr)},
                 {"vpc_id", str_or_null(i, "VpcId")},
                 {"security_groups", sgs},
                 {"monitoring", i.value("Monitoring", json::object()).value("State", "disabled")},
                 {"network_interfaces", array_of(i, "NetworkInterfaces").size()},
                 {"stopped_at", state == "stopped" ? stopped_at(i.value("StateTransitionReason", "")) : json(nullptr)},
                 {"collected_at", now_seconds()},
                 {"instance_type", i.value("InstanceType", "")},
                 {"image_id", str_or_null(i, "ImageId")}};
      ctx.emit(std::move(r));
    }
  }
}

json rules(const json& permissions) {
  json out = json::array();
  for (const auto& p : permissions) {
    std::string proto = p.value("IpProtocol", "-1");
    if (proto == "6") proto = "tcp";
    if (proto == "17") proto = "udp";
    if (proto == "1") proto = "icmp";
    bool all = proto == "-1" || !p.contains("FromPort");
    int from = all ? 0 : p.value("FromPort", 0);
    int to = all ? 65535 : p.value("ToPort", 65535);
    // tcp/udp with -1 ports means every port.
    if (!all && (proto == "tcp" || proto == "udp") && from == -1) from = 0, to = 65535;
    json v4 = json::array(), v6 = json::array(), groups = json::array(), pls = json::array();
    for (const auto& r : array_of(p, "IpRanges")) v4.push_back(r.value("CidrIp", ""));
    for (const auto& r : array_of(p, "Ipv6Ranges")) v6.push_back(r.value("CidrIpv6", ""));
    for (const auto& r : array_of(p, "UserIdGroupPairs")) groups.push_back(r.value("GroupId", ""));
    for (const auto& r : array_of(p, "PrefixListIds")) pls.push_back(r.value("PrefixListId", ""));
    out.push_back({{"protocol", proto}, {"from_port", from}, {"to_port", to}, {"ipv4", v4}, {"ipv6", v6},
                   {"groups", groups}, {"prefix_lists", pls}});
  }
  return out;
}

// Security groups and the network interfaces that say which are in use.
void security_groups(CollectContext& ctx, const std::string& region) {
  std::set<std::string> used;
  std::optional<Error> eni_error;
  auto enis = call_all_pages(ctx, kSvc, "DescribeNetworkInterfaces", json::object(), region);
  if (!enis) {
    eni_error = enis.error();
    record_failure(ctx, enis.error(), kSvc, "DescribeNetworkInterfaces", region, {"AWS::EC2::NetworkInterface"});
  } else {
    for (const auto& n : array_of(*enis, "NetworkInterfaces")) {
      Resource r = make(ctx, region, "AWS::EC2::NetworkInterface", "network-interface",
                        n.value("NetworkInterfaceId", ""), n);
      if (n.contains("TagSet")) r.tags = tags_from_list(n["TagSet"]);
      json sgs = json::array();
      for (const auto& g : array_of(n, "Groups")) {
        sgs.push_back(g.value("GroupId", ""));
        used.insert(g.value("GroupId", ""));
      }
      json assoc = n.value("Association", json::object());
      json attach = n.value("Attachment", json::object());
      r.props = {{"interface_type", n.value("InterfaceType", "interface")},
                 {"status", n.value("Status", "")},
                 {"vpc_id", str_or_null(n, "VpcId")},
                 {"security_groups", sgs},
                 {"public_ip", str_or_null(assoc, "PublicIp")},
                 {"instance_id", str_or_null(attach, "InstanceId")}};
      ctx.emit(std::move(r));
    }
  }
  auto out = list(ctx, region, "DescribeSecurityGroups", json::object(), {"AWS::EC2::SecurityGroup"});
  if (!out) return;
  for (const auto& g : array_of(*out, "SecurityGroups")) {
    Resource r = make(ctx, region, "AWS::EC2::SecurityGroup", "security-group", g.value("GroupId", ""), g);
    if (r.name == r.id) r.name = g.value("GroupName", r.id);
    r.props = {{"group_id", r.id},
               {"group_name", g.value("GroupName", "")},
               {"vpc_id", str_or_null(g, "VpcId")},
               {"is_default", g.value("GroupName", "") == "default"},
               {"ingress", rules(array_of(g, "IpPermissions"))},
               {"egress", rules(array_of(g, "IpPermissionsEgress"))}};
    if (eni_error)
      record_missing(ctx, r, "attached", *eni_error, kSvc, "DescribeNetworkInterfaces");
    else
      r.props["attached"] = used.count(r.id) > 0;
    ctx.emit(std::move(r));
  }
}

void network_acls(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeNetworkAcls", json::object(), {"AWS::EC2::NetworkAcl"});
  if (!out) return;
  for (const auto& a : array_of(*out, "NetworkAcls")) {
    Resource r = make(ctx, region, "AWS::EC2::NetworkAcl", "network-acl", a.value("NetworkAclId", ""), a);
    json entries = json::array(), subnets = json::array();
    for (const auto& e : array_of(a, "Entries")) {
      json range = e.value("PortRange", json::object());
      std::string proto = e.value("Protocol", "-1");
      bool ports = (proto == "6" || proto == "17") && range.contains("From");
      entries.push_back({{"rule_number", e.value("RuleNumber", 32767)},
                         {"protocol", proto},
                         {"action", e.value("RuleAction", "deny")},
                         {"egress", e.value("Egress", false)},
                         {"cidr", str_or_null(e, "CidrBlock")},
                         {"ipv6_cidr", str_or_null(e, "Ipv6CidrBlock")},
                         {"from_port", ports ? range.value("From", 0) : 0},
                         {"to_port", ports ? range.value("To", 65535) : 65535}});
    }
    for (const auto& s : array_of(a, "Associations")) subnets.push_back(s.value("SubnetId", ""));
    r.props = {{"vpc_id", str_or_null(a, "VpcId")},
               {"is_default", a.value("IsDefault", false)},
               {"subnets", subnets},
               {"entries", entries}};
    ctx.emit(std::move(r));
  }
}

void vpcs(CollectContext& ctx, const std::string& region) {
  std::map<std::string, json> logs_by_vpc;
  auto logs = call_all_pages(ctx, kSvc, "DescribeFlowLogs", json::object(), region);
  // A failed flow-log listing marks each VPC's flow_logs missing (below).
  if (logs)
    for (const auto& f : array_of(*logs, "FlowLogs")) {
      auto& list = logs_by_vpc[f.value("ResourceId", "")];
      if (list.is_null()) list = json::array();
      list.push_back({{"id", f.value("FlowLogId", "")},
                      {"status", f.value("FlowLogStatus", "")},
                      {"traffic_type", f.value("TrafficType", "")}});
    }
  auto out = list(ctx, region, "DescribeVpcs", json::object(), {"AWS::EC2::VPC"});
  if (!out) return;
  for (const auto& v : array_of(*out, "Vpcs")) {
    Resource r = make(ctx, region, "AWS::EC2::VPC", "vpc", v.value("VpcId", ""), v);
    r.props = {{"vpc_id", r.id}, {"is_default", v.value("IsDefault", false)}, {"cidr", v.value("CidrBlock", "")}};
    if (!logs) {
      record_missing(ctx, r, "flow_logs", logs.error(), kSvc, "DescribeFlowLogs");
    } else {
      auto it = logs_by_vpc.find(r.id);
      r.props["flow_logs"] = it == logs_by_vpc.end() ? json::array() : it->second;
    }
    ctx.emit(std::move(r));
  }
}

void route_tables(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeRouteTables", json::object(), {"AWS::EC2::RouteTable"});
  if (!out) return;
  for (const auto& t : array_of(*out, "RouteTables")) {
    Resource r = make(ctx, region, "AWS::EC2::RouteTable", "route-table", t.value("RouteTableId", ""), t);
    json routes = json::array(), subnets = json::array();
    for (const auto& rt : array_of(t, "Routes")) {
      std::string dest = rt.value("DestinationCidrBlock", rt.value("DestinationIpv6CidrBlock", ""));
      std::string target;
      for (const char* k : {"GatewayId", "VpcPeeringConnectionId", "NatGatewayId", "TransitGatewayId",
                            "NetworkInterfaceId", "InstanceId"})
        if (rt.contains(k) && rt[k].is_string()) {
          target = rt[k].get<std::string>();
          break;
        }
      routes.push_back({{"destination", dest}, {"target", target}});
    }
    for (const auto& a : array_of(t, "Associations"))
      if (a.contains("SubnetId")) subnets.push_back(a["SubnetId"]);
    r.props = {{"vpc_id", str_or_null(t, "VpcId")}, {"routes", routes}, {"subnets", subnets}};
    ctx.emit(std::move(r));
  }
}

void peerings(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeVpcPeeringConnections", json::object(), {"AWS::EC2::VPCPeeringConnection"});
  if (!out) return;
  for (const auto& p : array_of(*out, "VpcPeeringConnections")) {
    Resource r = make(ctx, region, "AWS::EC2::VPCPeeringConnection", "vpc-peering-connection",
                      p.value("VpcPeeringConnectionId", ""), p);
    json req = p.value("RequesterVpcInfo", json::object()), acc = p.value("AccepterVpcInfo", json::object());
    r.props = {{"status", p.value("Status", json::object()).value("Code", "")},
               {"requester_vpc", str_or_null(req, "VpcId")},
               {"requester_owner", str_or_null(req, "OwnerId")},
               {"accepter_vpc", str_or_null(acc, "VpcId")},
               {"accepter_owner", str_or_null(acc, "OwnerId")}};
    ctx.emit(std::move(r));
  }
}

void volumes(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeVolumes", json::object(), {"AWS::EC2::Volume"});
  if (!out) return;
  for (const auto& v : array_of(*out, "Volumes")) {
    Resource r = make(ctx, region, "AWS::EC2::Volume", "volume", v.value("VolumeId", ""), v);
    json attached = json::array();
    for (const auto& a : array_of(v, "Attachments")) attached.push_back(a.value("InstanceId", ""));
    r.props = {{"encrypted", v.value("Encrypted", false)},
               {"state", v.value("State", "")},
               {"kms_key_id", str_or_null(v, "KmsKeyId")},
               {"attached_instances", attached},
               {"size_gib", v.value("Size", 0)},
               {"volume_type", v.value("VolumeType", "")},
               {"iops", v.contains("Iops") && v["Iops"].is_number() ? v["Iops"] : json(nullptr)},
               {"throughput", v.contains("Throughput") && v["Throughput"].is_number() ? v["Throughput"] : json(nullptr)}};
    ctx.emit(std::move(r));
  }
}

// Snapshots: the account's own, and which of them are public, in two
// listings whatever their number. Once one DescribeSnapshotAttribute per
// snapshot (paced at EC2's rate), and for snapshots of other accounts too when
// an endpoint ignored OwnerIds=self: 23,497 findings and as many calls on
// snapshots the account did not own. Ownership is checked in what AWS returns,
// never only through the filter.
//
// Both listings are read a page at a time and other accounts' snapshots are
// dropped as each page arrives, so an endpoint that returns thousands of them
// per region costs neither memory nor calls. Pages of 200, not AWS's maximum
// of 1,000: every region lists at once, and 17 pages of 1,000 foreign
// snapshots parsed at the same moment were the foreign benchmark profile's
// highest point (issue 13: 124 MB peak RSS against 108 without them); an
// account's own snapshots cost one more listing call per 200.
constexpr int kSnapshotPage = 200;

// The accounts a snapshot is shared with (createVolumePermission UserIds).
// AWS has no bulk form for shares with named accounts (RestorableByUserIds
// finds what *this* account may restore, not whom its own snapshots are shared
// with), so this is one DescribeSnapshotAttribute per own snapshot, made only
// when a selected check reads shared_accounts.
void snapshot_shares(CollectContext& ctx, const std::string& region, Resource r) {
  auto out = ctx.call(kSvc, "DescribeSnapshotAttribute",
                      json{{"Attribute", "createVolumePermission"}, {"SnapshotId", r.id}}, region);
  if (!out) {
    record_missing(ctx, r, "shared_accounts", out.error(), kSvc, "DescribeSnapshotAttribute");
  } else {
    json shared = json::array();
    for (const auto& p : array_of(*out, "CreateVolumePermissions")) {
      std::string user = p.value("UserId", "");
      if (!user.empty() && user != ctx.account()) shared.push_back(user);
    }
    r.props["shared_accounts"] = shared;
  }
  ctx.emit(std::move(r));
}

void snapshots(CollectContext& ctx, const std::string& region) {
  const bool shares_needed = ctx.needs("AWS::EC2::Snapshot", "shared_accounts");
  // Public = restorable by "all" (AWS's bulk form of the createVolumePermission attribute).
  std::set<std::string> public_ids;
  auto pub = for_each_page(ctx, kSvc, "DescribeSnapshots",
                           json{{"OwnerIds", {"self"}}, {"RestorableByUserIds", {"all"}}, {"MaxResults", kSnapshotPage}}, region,
                           [&](json& page) {
                             for (const auto& s : array_of(page, "Snapshots"))
                               if (s.value("OwnerId", "") == ctx.account()) public_ids.insert(s.value("SnapshotId", ""));
                           });
  std::optional<std::string> public_unknown;  // why "public" could not be read, once for all
  auto owned = for_each_page(
      ctx, kSvc, "DescribeSnapshots", json{{"OwnerIds", {"self"}}, {"MaxResults", kSnapshotPage}}, region, [&](json& page) {
        for (const auto& s : array_of(page, "Snapshots")) {
          if (!s.is_object() || s.value("OwnerId", ctx.account()) != ctx.account()) continue;  // not ours to judge
          std::string id = s.value("SnapshotId", "");
          Resource r = make(ctx, region, "AWS::EC2::Snapshot", "snapshot", id, s);
          r.arn = "arn:" + ctx.partition() + ":ec2:" + region + "::snapshot/" + r.id;  // snapshot ARNs carry no account
          r.props = {{"encrypted", s.value("Encrypted", false)}, {"volume_id", str_or_null(s, "VolumeId")},
                     {"volume_size", s.value("VolumeSize", 0)}, {"started_at", epoch_or_null(s, "StartTime")},
                     {"collected_at", now_seconds()}};
          if (pub) {
            r.props["public"] = public_ids.count(r.id) > 0;
          } else if (!public_unknown) {
            record_missing(ctx, r, "public", pub.error(), kSvc, "DescribeSnapshots");
            public_unknown = r.missing["public"];
          } else {
            r.missing["public"] = *public_unknown;
          }
          if (!shares_needed) {
            not_needed(r, "shared_accounts");
            ctx.emit(std::move(r));
            continue;
          }
          ctx.spawn([&ctx, region, r = std::move(r)]() mutable { snapshot_shares(ctx, region, std::move(r)); });
        }
      });
  if (!owned) record_failure(ctx, owned.error(), kSvc, "DescribeSnapshots", region, {"AWS::EC2::Snapshot"});
}

void ebs_default_encryption(CollectContext& ctx, const std::string& region) {
  auto out = ctx.call(kSvc, "GetEbsEncryptionByDefault", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "GetEbsEncryptionByDefault", region, {"AWS::EC2::EbsEncryptionByDefault"});
    return;
  }
  Resource r;
  r.type = "AWS::EC2::EbsEncryptionByDefault";
  r.account = ctx.account();
  r.region = region;
  r.id = "ebs-encryption-by-default";
  r.name = "EBS encryption by default (" + region + ")";
  r.arn = "arn:" + ctx.partition() + ":ec2:" + region + ":" + ctx.account() + ":ebs-encryption-by-default";
  r.props = {{"enabled", out->value("EbsEncryptionByDefault", false)}};
  r.raw = *out;
  ctx.emit(std::move(r));
}

void images(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeImages", json{{"Owners", {"self"}}}, {"AWS::EC2::Image"});
  if (!out) return;
  for (const auto& i : array_of(*out, "Images")) {
    if (i.value("OwnerId", ctx.account()) != ctx.account()) continue;  // another account's image
    Resource r = make(ctx, region, "AWS::EC2::Image", "image", i.value("ImageId", ""), i);
    r.arn = "arn:" + ctx.partition() + ":ec2:" + region + "::image/" + r.id;  // image ARNs carry no account
    if (r.name == r.id) r.name = i.value("Name", r.id);
    json snapshot_ids = json::array();
    for (const auto& m : array_of(i, "BlockDeviceMappings"))
      if (m.contains("Ebs") && m["Ebs"].is_object() && m["Ebs"].contains("SnapshotId"))
        snapshot_ids.push_back(m["Ebs"]["SnapshotId"]);
    r.props = {{"public", i.value("Public", false)},
               {"state", i.value("State", "")},
               {"snapshot_ids", snapshot_ids},
               {"created_at", epoch_or_null(i, "CreationDate")},
               {"deprecated_at", epoch_or_null(i, "DeprecationTime")},
               {"collected_at", now_seconds()}};
    ctx.emit(std::move(r));
  }
}

void addresses(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeAddresses", json::object(), {"AWS::EC2::EIP"});
  if (!out) return;
  for (const auto& a : array_of(*out, "Addresses")) {
    std::string id = a.value("AllocationId", a.value("PublicIp", ""));
    Resource r = make(ctx, region, "AWS::EC2::EIP", "elastic-ip", id, a);
    if (r.name == r.id) r.name = a.value("PublicIp", id);
    r.props = {{"public_ip", str_or_null(a, "PublicIp")},
               {"allocation_id", str_or_null(a, "AllocationId")},
               {"association_id", str_or_null(a, "AssociationId")},
               {"instance_id", str_or_null(a, "InstanceId")},
               {"network_interface_id", str_or_null(a, "NetworkInterfaceId")}};
    ctx.emit(std::move(r));
  }
}

void internet_gateways(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeInternetGateways", json::object(), {"AWS::EC2::InternetGateway"});
  if (!out) return;
  for (const auto& g : array_of(*out, "InternetGateways")) {
    Resource r = make(ctx, region, "AWS::EC2::InternetGateway", "internet-gateway",
                      g.value("InternetGatewayId", ""), g);
    json vpcs = json::array();
    for (const auto& a : array_of(g, "Attachments")) vpcs.push_back(a.value("VpcId", ""));
    r.props = {{"attachments", vpcs}};
    ctx.emit(std::move(r));
  }
}

void subnets(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeSubnets", json::object(), {"AWS::EC2::Subnet"});
  if (!out) return;
  for (const auto& n : array_of(*out, "Subnets")) {
    if (n.value("OwnerId", ctx.account()) != ctx.account()) continue;  // a subnet shared with the account
    Resource r = make(ctx, region, "AWS::EC2::Subnet", "subnet", n.value("SubnetId", ""), n);
    if (n.contains("SubnetArn") && n["SubnetArn"].is_string()) r.arn = n["SubnetArn"];
    r.props = {{"vpc_id", str_or_null(n, "VpcId")},
               {"map_public_ip_on_launch", n.value("MapPublicIpOnLaunch", false)},
               {"default_for_az", n.value("DefaultForAz", false)},
               {"availability_zone", n.value("AvailabilityZone", "")},
               {"cidr", n.value("CidrBlock", "")}};
    ctx.emit(std::move(r));
  }
}

void transit_gateways(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeTransitGateways", json::object(), {"AWS::EC2::TransitGateway"});
  if (!out) return;
  for (const auto& g : array_of(*out, "TransitGateways")) {
    // Transit gateways shared through RAM are listed too: their owner configures them.
    if (g.value("OwnerId", ctx.account()) != ctx.account() || g.value("State", "") == "deleted") continue;
    Resource r = make(ctx, region, "AWS::EC2::TransitGateway", "transit-gateway", g.value("TransitGatewayId", ""), g);
    if (g.contains("TransitGatewayArn") && g["TransitGatewayArn"].is_string()) r.arn = g["TransitGatewayArn"];
    r.props = {{"state", g.value("State", "")},
               {"auto_accept_shared_attachments",
                g.value("Options", json::object()).value("AutoAcceptSharedAttachments", "disable")}};
    ctx.emit(std::move(r));
  }
}

// Every template's default version in one listing ("$Default" without a
// template id: AWS's form for all templates of the account).
void launch_templates(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeLaunchTemplateVersions", json{{"Versions", {"$Default"}}},
                  {"AWS::EC2::LaunchTemplate"});
  if (!out) return;
  for (const auto& v : array_of(*out, "LaunchTemplateVersions")) {
    Resource r = make(ctx, region, "AWS::EC2::LaunchTemplate", "launch-template", v.value("LaunchTemplateId", ""), v);
    if (r.name == r.id) r.name = v.value("LaunchTemplateName", r.id);
    json data = v.value("LaunchTemplateData", json::object());
    json meta = data.value("MetadataOptions", json::object());
    int public_ip = 0;
    for (const auto& n : array_of(data, "NetworkInterfaces"))
      if (n.value("AssociatePublicIpAddress", false)) ++public_ip;
    r.props = {{"version", v.value("VersionNumber", 0)},
               {"http_tokens", str_or_null(meta, "HttpTokens")},
               {"http_endpoint", meta.value("HttpEndpoint", "enabled")},
               {"public_ip_interfaces", public_ip}};
    ctx.emit(std::move(r));
  }
}

void vpn_connections(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeVpnConnections", json::object(), {"AWS::EC2::VPNConnection"});
  if (!out) return;
  for (const auto& c : array_of(*out, "VpnConnections")) {
    std::string state = c.value("State", "");
    if (state == "deleted") continue;
    Resource r = make(ctx, region, "AWS::EC2::VPNConnection", "vpn-connection", c.value("VpnConnectionId", ""), c);
    json tunnels = json::array();
    for (const auto& t : array_of(c, "VgwTelemetry"))
      tunnels.push_back({{"outside_ip", t.value("OutsideIpAddress", "")}, {"status", t.value("Status", "")}});
    r.props = {{"state", state}, {"tunnels", tunnels}};
    ctx.emit(std::move(r));
  }
}

void client_vpn_endpoints(CollectContext& ctx, const std::string& region) {
  auto out = list(ctx, region, "DescribeClientVpnEndpoints", json::object(), {"AWS::EC2::ClientVpnEndpoint"});
  if (!out) return;
  for (const auto& e : array_of(*out, "ClientVpnEndpoints")) {
    std::string status = e.value("Status", json::object()).value("Code", "");
    if (status == "deleted") continue;
    Resource r = make(ctx, region, "AWS::EC2::ClientVpnEndpoint", "client-vpn-endpoint",
                      e.value("ClientVpnEndpointId", ""), e);
    r.props = {{"status", status},
               {"connection_logging", e.value("ConnectionLogOptions", json::object()).value("Enabled", false)}};
    ctx.emit(std::move(r));
  }
}

void collect_ec2(CollectContext& ctx, const std::string& region) {
  for (auto* fn : {instances, security_groups, network_acls, vpcs, route_tables, peerings, volumes, snapshots,
                   ebs_default_encryption, images, addresses, internet_gateways, subnets, transit_gateways,
                   launch_templates, vpn_connections, client_vpn_endpoints})
    ctx.spawn([&ctx, region, fn] { fn(ctx, region); });
}

const RegisterCollector reg({.service = "ec2",
                             .global = false,
                             .produces = {"AWS::EC2::Instance", "AWS::EC2::SecurityGroup", "AWS::EC2::NetworkAcl",
                                          "AWS::EC2::VPC", "AWS::EC2::RouteTable", "AWS::EC2::VPCPeeringConnection",
                                          "AWS::EC2::Volume", "AWS::EC2::Snapshot", "AWS::EC2::EbsEncryptionByDefault",
                                          "AWS::EC2::Image", "AWS::EC2::NetworkInterface", "AWS::EC2::EIP",
                                          "AWS::EC2::InternetGateway", "AWS::EC2::Subnet", "AWS::EC2::TransitGateway",
                                          "AWS::EC2::LaunchTemplate", "AWS::EC2::VPNConnection",
                                          "AWS::EC2::ClientVpnEndpoint"},
                             .collect = collect_ec2});

}  // namespace
}  // namespace cloudpeek::collect
