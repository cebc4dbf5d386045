// CloudFormation (regional): stacks, from one bulk listing (DescribeStacks,
// paged), no per-resource call: termination protection, notifications,
// drift status, parameters and outputs are all in it (issue 13).
//
// AWS::CloudFormation::Stack  arn = StackId, id = name = StackName
//   props.termination_protection  bool (EnableTerminationProtection). A nested stack's is its root
//                                 stack's (AWS sets it on the root only); missing when the root was
//                                 not listed (a failed page, a root outside the listing).
//   props.root_stack              the root stack's name for a nested stack, else null
//   props.notification_arns       [..] SNS topics that receive stack events
//   props.role_arn                the service role CloudFormation uses, or null
//   props.drift_status            "DRIFTED" | "IN_SYNC" | "UNKNOWN" | "NOT_CHECKED"
//   props.parameters              [{name, masked (NoEcho: AWS shows "****"), reference (the value is
//                                 resolved from SSM, or is a {{resolve:...}} dynamic reference)}]
//   props.output_keys             [..]
//   props.output_secret_values    [{name, kind}]: outputs whose VALUE has the shape of a credential
// Values are dropped here: neither props nor raw keep a parameter's or an
// output's value (raw Parameters[] keep ParameterKey, Outputs[] keep
// OutputKey, Description and ExportName).
// A failed listing leaves the region's stacks incomplete (a coverage gap).
#include <map>
#include <string>
#include <vector>

#include "collect/collector.h"
#include "collect/credential_shapes.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "cloudformation";
constexpr const char* kStack = "AWS::CloudFormation::Stack";

std::string arn_account(const std::string& arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string::npos) return {};
    ++pos;
  }
  return arn.substr(pos, arn.find(':', pos) - pos);
}

// arn:aws:cloudformation:region:account:stack/NAME/guid → NAME
std::string stack_name(const std::string& arn) {
  size_t a = arn.find(":stack/");
  if (a == std::string::npos) return arn;
  a += 7;
  return arn.substr(a, arn.find('/', a) - a);
}

Resource from_stack(CollectContext& ctx, const std::string& region, json s) {
  Resource r;
  r.type = kStack;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = s.value("StackName", "");
  r.arn = s.value("StackId", "");
  if (s.contains("Tags")) r.tags = tags_from_list(s["Tags"]);
  r.props["termination_protection"] = s.value("EnableTerminationProtection", false);
  const std::string root = s.value("RootId", "");
  r.props["root_stack"] = root.empty() || root == r.arn ? json(nullptr) : json(stack_name(root));
  r.props["notification_arns"] = s.value("NotificationARNs", json::array());
  r.props["role_arn"] = s.contains("RoleARN") && s["RoleARN"].is_string() ? s["RoleARN"] : json(nullptr);
  r.props["drift_status"] = s.value("DriftInformation", json::object()).value("StackDriftStatus", "NOT_CHECKED");

  json params = json::array(), scrubbed = json::array();
  for (const auto& p : s.value("Parameters", json::array())) {
    const std::string key = p.value("ParameterKey", "");
    const std::string value = p.value("ParameterValue", "");
    bool masked = !value.empty() && value.find_first_not_of('*') == std::string::npos;
    bool reference = p.contains("ResolvedValue") || value.starts_with("{{resolve:");
    params.push_back({{"name", key}, {"masked", masked}, {"reference", reference}});
    scrubbed.push_back({{"ParameterKey", key}});
  }
  r.props["parameters"] = std::move(params);
  if (s.contains("Parameters")) s["Parameters"] = std::move(scrubbed);

  json keys = json::array(), flagged = json::array(), outputs = json::array();
  for (const auto& o : s.value("Outputs", json::array())) {
    const std::string key = o.value("OutputKey", "");
    keys.push_back(key);
    const json v = o.value("OutputValue", json());
    if (v.is_string())
      if (std::string kind = credential_shape(v.get_ref<const std::string&>()); !kind.empty())
        flagged.push_back({{"name", key}, {"kind", kind}});
    json kept = {{"OutputKey", key}};
    for (const char* f : {"Description", "ExportName"})
      if (o.contains(f)) kept[f] = o[f];
    outputs.push_back(std::move(kept));
  }
  r.props["output_keys"] = std::move(keys);
  r.props["output_secret_values"] = std::move(flagged);
  if (s.contains("Outputs")) s["Outputs"] = std::move(outputs);
  r.raw = std::move(s);
  return r;
}

void collect(CollectContext& ctx, const std::string& region) {
  // Held until the listing ends so that a nested stack can take its root's
  // termination protection; a region's stacks are few (2,000 per account by default).
  std::vector<Resource> stacks;
  Status listed = for_each_page(ctx, kSvc, "DescribeStacks", json::object(), region, [&](json& page) {
    if (!page.contains("Stacks") || !page["Stacks"].is_array()) return;
    for (auto& s : page["Stacks"]) {
      const std::string arn = s.value("StackId", "");
      if (arn.empty()) continue;
      if (std::string a = arn_account(arn); !a.empty() && a != ctx.account()) continue;
      stacks.push_back(from_stack(ctx, region, std::move(s)));
    }
  });
  if (!listed) record_failure(ctx, listed.error(), kSvc, "DescribeStacks", region, {kStack});
  std::map<std::string, bool> protection;  // root stacks by name
  for (const auto& r : stacks)
    if (r.props["root_stack"].is_null()) protection[r.name] = r.props["termination_protection"].get<bool>();
  for (auto& r : stacks) {
    if (const json& root = r.props["root_stack"]; root.is_string()) {
      const std::string root_name = root.get<std::string>();
      if (auto it = protection.find(root_name); it != protection.end()) {
        r.props["termination_protection"] = it->second;
      } else {
        // The root's setting is the one that applies, and it is unknown: never
        // the nested stack's own (always false) in its place.
        r.props.erase("termination_protection");
        if (!listed)
          record_missing(ctx, r, "termination_protection", listed.error(), kSvc, "DescribeStacks");
        else
          r.missing["termination_protection"] = "root stack " + root_name + " of " + r.name +
                                                " was not listed by DescribeStacks, so the protection that applies is unknown";
      }
    }
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "cloudformation", .global = false, .produces = {kStack}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
