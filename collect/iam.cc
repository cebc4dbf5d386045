// IAM (global): the authorization details (users, groups, roles, managed and
// inline policies), the credential report, password policy, account summary,
// virtual MFA devices, server certificates, identity providers and who holds
// AWSSupportAccess. The resource types and their props are in collect/iam.h.
#include "collect/iam.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>

#include "aws/core/encoding.h"
#include "aws/core/time_format.h"
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

using namespace iam;

constexpr const char* kGlobal = "global";

std::string iam_arn(CollectContext& ctx, const std::string& rest) {
  return "arn:" + ctx.partition() + ":iam::" + ctx.account() + ":" + rest;
}

Resource make(CollectContext& ctx, const char* type, std::string arn, std::string id, std::string name) {
  Resource r;
  r.type = type;
  r.arn = std::move(arn);
  r.account = ctx.account();
  r.region = kGlobal;
  r.id = std::move(id);
  r.name = std::move(name);
  return r;
}

// AWS timestamps arrive as epoch seconds from the parsers; credential-report
// cells as ISO 8601 text or "N/A"/"no_information"/"not_supported".
json epoch_of(const json& v) {
  if (v.is_number()) return static_cast<int64_t>(v.get<double>());
  if (v.is_string()) {
    auto t = parse_any_timestamp(v.get<std::string>());
    if (t) return std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count();
  }
  return nullptr;
}

// A policy document of GetAccountAuthorizationDetails into r.props[property]
// (URL-encoded JSON on the query wire). One that cannot be read is missing,
// with the reason, never "no statements".
void put_document(CollectContext& ctx, Resource& r, const std::string& property, const json& v,
                  const std::string& what) {
  put_policy(ctx, r, property, v, what, "iam", "GetAccountAuthorizationDetails");
}

// A managed policy's name: AWS's PolicyName, or — when an endpoint leaves it
// out — the last segment of its ARN (arn:aws:iam::123:policy/path/Name).
std::string policy_name(const std::string& given, const std::string& arn) {
  if (!given.empty()) return given;
  auto slash = arn.rfind('/');
  return slash == std::string::npos ? arn.substr(arn.rfind(':') == std::string::npos ? 0 : arn.rfind(':') + 1)
                                    : arn.substr(slash + 1);
}

json attached(const json& list) {
  json out = json::array();
  if (list.is_array())
    for (const auto& p : list) out.push_back({{"name", policy_name(p.value("PolicyName", ""), p.value("PolicyArn", ""))},
                     {"arn", p.value("PolicyArn", "")}});
  return out;
}

json inline_names(const json& list) {
  json out = json::array();
  if (list.is_array())
    for (const auto& p : list) out.push_back(p.value("PolicyName", ""));
  return out;
}

// A user's or role's permissions boundary: the managed policy's ARN, or null
// when it has none (GetAccountAuthorizationDetails omits the member then).
json boundary_of(const json& detail) {
  auto it = detail.find("PermissionsBoundary");
  if (it == detail.end() || !it->is_object()) return nullptr;
  std::string arn = it->value("PermissionsBoundaryArn", "");
  return arn.empty() ? json(nullptr) : json(arn);
}

void emit_inline(CollectContext& ctx, const json& list, const std::string& principal_type,
                 const std::string& principal_name, const std::string& principal_arn) {
  if (!list.is_array()) return;
  for (const auto& p : list) {
    std::string name = p.value("PolicyName", "");
    Resource r = make(ctx, kInlinePolicy, principal_arn + "/inline-policy/" + name, name, principal_name + "/" + name);
    r.props = {{"policy_name", name},
               {"principal_type", principal_type},
               {"principal_name", principal_name},
               {"principal_arn", principal_arn}};
    put_document(ctx, r, "document", p.value("PolicyDocument", json()),
                 "the inline policy " + name + " of " + principal_type + " " + principal_name);
    r.raw = p;
    ctx.emit(std::move(r));
  }
}

// ---- credential report ----

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.push_back(std::move(cell)), cell.clear();
    else if (c != '\r') cell += c;
  }
  cells.push_back(std::move(cell));
  return cells;
}

// Row of the report in the props shape (collect/iam.h).
json report_row(const std::map<std::string, std::string>& row) {
  auto get = [&](const std::string& k) {
    auto it = row.find(k);
    return it == row.end() ? std::string() : it->second;
  };
  auto when = [&](const std::string& k) { return epoch_of(json(get(k))); };
  json keys = json::array();
  for (int slot : {1, 2}) {
    std::string p = "access_key_" + std::to_string(slot);
    keys.push_back({{"slot", slot},
                    {"active", get(p + "_active") == "true"},
                    {"last_rotated", when(p + "_last_rotated")},
                    {"last_used", when(p + "_last_used_date")}});
  }
  return {{"password_enabled", get("password_enabled") == "true"},
          {"password_last_used", when("password_last_used")},
          {"password_last_changed", when("password_last_changed")},
          {"mfa_active", get("mfa_active") == "true"},
          {"access_keys", keys}};
}

struct Report {
  std::optional<Error> error;        // why there is none
  std::string failed_operation;
  json generated = nullptr;          // epoch seconds
  std::map<std::string, json> rows;  // user name (or "<root_account>") → row
};

Report credential_report(CollectContext& ctx, const std::string& region) {
  Report rep;
  for (int attempt = 0;; ++attempt) {
    auto gen = ctx.call("iam", "GenerateCredentialReport", json::object(), region);
    if (!gen) {
      rep.error = gen.error();
      rep.failed_operation = "GenerateCredentialReport";
      return rep;
    }
    if (gen->value("State", "") == "COMPLETE" || attempt >= 10) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  Result<json> got = ctx.call("iam", "GetCredentialReport", json::object(), region);
  for (int attempt = 0; !got && got.error().code == "ReportInProgress" && attempt < 10; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    got = ctx.call("iam", "GetCredentialReport", json::object(), region);
  }
  if (!got) {
    rep.error = got.error();
    rep.failed_operation = "GetCredentialReport";
    return rep;
  }
  rep.generated = epoch_of(got->value("GeneratedTime", json()));
  std::string content = got->value("Content", "");
  if (content.rfind("user,", 0) != 0) {  // blobs come back base64-encoded
    auto decoded = base64_decode(content);
    if (decoded) content = *decoded;
  }
  std::istringstream in(content);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    auto cells = split_csv_line(line);
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rep.rows[row["user"]] = report_row(row);
  }
  if (header.empty()) {
    Error e = make_error(ErrorKind::kMalformedResponse, "The credential report was empty or not CSV.");
    e.code = "MalformedCredentialReport";
    rep.error = e;
    rep.failed_operation = "GetCredentialReport";
  }
  return rep;
}

// Joins the authorization details and the credential report: users are
// emitted once both have answered.
struct UserJoin {
  std::mutex mu;
  int pending = 2;
  std::vector<Resource> users;
  Report report;
};

void finish_users(CollectContext& ctx, UserJoin& join) {
  for (auto& u : join.users) {
    if (join.report.error) {
      record_missing(ctx, u, "credential_report", *join.report.error, "iam", join.report.failed_operation);
    } else if (auto it = join.report.rows.find(u.name); it != join.report.rows.end()) {
      u.props["credential_report"] = it->second;
      u.props["report_time"] = join.report.generated;
    } else {
      u.missing["credential_report"] = "user " + u.name + " not in the IAM credential report (created after it was generated?)";
    }
    ctx.emit(std::move(u));
  }
  join.users.clear();
}

void done_one(CollectContext& ctx, const std::shared_ptr<UserJoin>& join) {
  std::lock_guard lock(join->mu);
  if (--join->pending == 0) finish_users(ctx, *join);
}

void authorization_details(CollectContext& ctx, const std::string& region, const std::shared_ptr<UserJoin>& join) {
  auto out = call_all_pages(ctx, "iam", "GetAccountAuthorizationDetails", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "iam", "GetAccountAuthorizationDetails", kGlobal,
                   {kUser, kGroup, kRole, kPolicy, kInlinePolicy});
    done_one(ctx, join);
    return;
  }
  std::vector<Resource> users;
  for (const auto& u : out->value("UserDetailList", json::array())) {
    std::string name = u.value("UserName", "");
    Resource r = make(ctx, kUser, u.value("Arn", iam_arn(ctx, "user/" + name)), u.value("UserId", name), name);
    json groups = u.value("GroupList", json::array());
    r.props = {{"user_name", name},
               {"user_id", u.value("UserId", "")},
               {"path", u.value("Path", "/")},
               {"create_date", epoch_of(u.value("CreateDate", json()))},
               {"groups", groups},
               {"attached_policies", attached(u.value("AttachedManagedPolicies", json()))},
               {"inline_policies", inline_names(u.value("UserPolicyList", json()))},
               {"permissions_boundary", boundary_of(u)}};
    r.tags = tags_from_list(u.value("Tags", json()));
    r.raw = u;
    emit_inline(ctx, u.value("UserPolicyList", json()), "user", name, r.arn);
    users.push_back(std::move(r));
  }
  for (const auto& g : out->value("GroupDetailList", json::array())) {
    std::string name = g.value("GroupName", "");
    Resource r = make(ctx, kGroup, g.value("Arn", iam_arn(ctx, "group/" + name)), g.value("GroupId", name), name);
    r.props = {{"group_name", name},
               {"attached_policies", attached(g.value("AttachedManagedPolicies", json()))},
               {"inline_policies", inline_names(g.value("GroupPolicyList", json()))}};
    r.raw = g;
    emit_inline(ctx, g.value("GroupPolicyList", json()), "group", name, r.arn);
    ctx.emit(std::move(r));
  }
  for (const auto& ro : out->value("RoleDetailList", json::array())) {
    std::string name = ro.value("RoleName", "");
    Resource r = make(ctx, kRole, ro.value("Arn", iam_arn(ctx, "role/" + name)), ro.value("RoleId", name), name);
    r.props = {{"role_name", name},
               {"path", ro.value("Path", "/")},
               {"attached_policies", attached(ro.value("AttachedManagedPolicies", json()))},
               {"inline_policies", inline_names(ro.value("RolePolicyList", json()))},
               {"permissions_boundary", boundary_of(ro)},
               {"create_date", epoch_of(ro.value("CreateDate", json()))}};
    // RoleLastUsed: AWS tracks the last 400 days; no LastUsedDate means not used in that window.
    const json used = ro.value("RoleLastUsed", json::object());
    r.props["last_used"] = epoch_of(used.value("LastUsedDate", json()));
    r.props["last_used_region"] = used.contains("Region") ? json(used.value("Region", "")) : json(nullptr);
    put_document(ctx, r, "trust_policy", ro.value("AssumeRolePolicyDocument", json()), "the trust policy of role " + name);
    r.tags = tags_from_list(ro.value("Tags", json()));
    r.raw = ro;
    emit_inline(ctx, ro.value("RolePolicyList", json()), "role", name, r.arn);
    ctx.emit(std::move(r));
  }
  for (const auto& p : out->value("Policies", json::array())) {
    std::string arn = p.value("Arn", "");
    bool aws_managed = arn.find(":iam::aws:policy/") != std::string::npos;
    int64_t attachments = p.value("AttachmentCount", 0);
    if (aws_managed && attachments == 0) continue;  // AWS's catalogue, not the account's
    std::string version = p.value("DefaultVersionId", "");
    std::string name = policy_name(p.value("PolicyName", ""), arn);
    Resource r = make(ctx, kPolicy, arn, p.value("PolicyId", name), name);
    r.props = {{"policy_name", name},
               {"aws_managed", aws_managed},
               {"attachment_count", attachments},
               {"default_version_id", version},
               {"document", nullptr}};
    for (const auto& v : p.value("PolicyVersionList", json::array()))
      if (v.value("IsDefaultVersion", false) || v.value("VersionId", "") == version)
        put_document(ctx, r, "document", v.value("Document", json()), "the managed policy " + name);
    r.raw = p;
    ctx.emit(std::move(r));
  }
  std::lock_guard lock(join->mu);
  for (auto& u : users) join->users.push_back(std::move(u));
  if (--join->pending == 0) finish_users(ctx, *join);
}

void root_and_report(CollectContext& ctx, const std::string& region, const std::shared_ptr<UserJoin>& join) {
  Report report = credential_report(ctx, region);
  Resource root = make(ctx, kRoot, iam_arn(ctx, "root"), ctx.account(), "<root_account>");
  if (report.error) {
    record_missing(ctx, root, "credential_report", *report.error, "iam", report.failed_operation);
  } else if (auto it = report.rows.find("<root_account>"); it != report.rows.end()) {
    root.props["credential_report"] = it->second;
    root.props["report_time"] = report.generated;
  } else {
    root.missing["credential_report"] = "the IAM credential report has no <root_account> row";
  }
  auto summary = ctx.call("iam", "GetAccountSummary", json::object(), region);
  if (!summary) {
    record_missing(ctx, root, "account_summary", summary.error(), "iam", "GetAccountSummary");
  } else {
    json map = summary->value("SummaryMap", json::object());
    root.props["account_mfa_enabled"] = map.value("AccountMFAEnabled", 0) == 1;
    root.props["account_access_keys_present"] = map.value("AccountAccessKeysPresent", 0) == 1;
    root.raw["SummaryMap"] = map;
  }
  auto devices = call_all_pages(ctx, "iam", "ListVirtualMFADevices", json::object(), region);
  if (!devices) {
    record_missing(ctx, root, "virtual_mfa", devices.error(), "iam", "ListVirtualMFADevices");
  } else {
    bool root_virtual = false;
    for (const auto& d : devices->value("VirtualMFADevices", json::array())) {
      const json user = d.value("User", json::object());
      if (user.value("Arn", "") == root.arn) root_virtual = true;
      // A root device's serial is ".../mfa/root-account-mfa-device" even when the User is elided.
      std::string serial = d.value("SerialNumber", "");
      if (serial.ends_with(":mfa/root-account-mfa-device")) root_virtual = true;
    }
    root.props["virtual_mfa"] = root_virtual;
  }
  ctx.emit(std::move(root));
  std::lock_guard lock(join->mu);
  join->report = std::move(report);
  if (--join->pending == 0) finish_users(ctx, *join);
}

void password_policy(CollectContext& ctx, const std::string& region) {
  Resource r = make(ctx, kPasswordPolicy, iam_arn(ctx, "account-password-policy"), "account-password-policy",
                    "account password policy");
  auto out = ctx.call("iam", "GetAccountPasswordPolicy", json::object(), region);
  if (out) {
    r.props = {{"exists", true}, {"policy", out->value("PasswordPolicy", json::object())}};
    r.raw = *out;
  } else if (out.error().code == "NoSuchEntity") {
    r.props = {{"exists", false}};
  } else {
    record_missing(ctx, r, "exists", out.error(), "iam", "GetAccountPasswordPolicy");
    r.missing["policy"] = r.missing["exists"];
  }
  ctx.emit(std::move(r));
}

void server_certificates(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, "iam", "ListServerCertificates", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), "iam", "ListServerCertificates", kGlobal, {kServerCertificate});
    return;
  }
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  for (const auto& c : out->value("ServerCertificateMetadataList", json::array())) {
    std::string name = c.value("ServerCertificateName", "");
    Resource r = make(ctx, kServerCertificate, c.value("Arn", iam_arn(ctx, "server-certificate/" + name)),
                      c.value("ServerCertificateId", name), name);
    r.props = {{"name", name},
               {"expiration", epoch_of(c.value("Expiration", json()))},
               {"upload_date", epoch_of(c.value("UploadDate", json()))},
               {"collected_at", now.count()}};
    r.raw = c;
    ctx.emit(std::move(r));
  }
}

// One GetOpenIDConnectProvider per provider, only when a selected check reads
// what it returns: the issuer URL, the client IDs (the audiences STS accepts
// in a token's aud claim) and the certificate thumbprints.
void oidc_provider_details(CollectContext& ctx, Resource& r, const std::string& region) {
  static const char* kProps[] = {"url", "client_ids", "thumbprints"};
  bool needed = false;
  for (const char* p : kProps) needed = needed || ctx.needs(kOidcProvider, p);
  if (!needed) {
    for (const char* p : kProps) not_needed(r, p);
    return;
  }
  auto out = ctx.call("iam", "GetOpenIDConnectProvider", json{{"OpenIDConnectProviderArn", r.arn}}, region);
  if (!out) {
    record_missing(ctx, r, "client_ids", out.error(), "iam", "GetOpenIDConnectProvider");
    r.missing["url"] = r.missing["thumbprints"] = r.missing["client_ids"];
    return;
  }
  auto list = [&](const char* key) {
    json l = json::array();
    for (const auto& v : out->value(key, json::array()))
      if (v.is_string()) l.push_back(v);
    return l;
  };
  r.props["url"] = out->value("Url", "");
  r.props["client_ids"] = list("ClientIDList");
  r.props["thumbprints"] = list("ThumbprintList");
  r.props["create_date"] = epoch_of(out->value("CreateDate", json()));
  r.tags = tags_from_list(out->value("Tags", json()));
  for (const auto& [k, v] : out->items())
    if (k != "ResponseMetadata") r.raw[k] = v;
}

void providers(CollectContext& ctx, const std::string& region) {
  auto saml = ctx.call("iam", "ListSAMLProviders", json::object(), region);
  if (!saml) {
    record_failure(ctx, saml.error(), "iam", "ListSAMLProviders", kGlobal, {kSamlProvider});
  } else {
    for (const auto& p : saml->value("SAMLProviderList", json::array())) {
      std::string arn = p.value("Arn", "");
      Resource r = make(ctx, kSamlProvider, arn, arn.substr(arn.rfind('/') + 1), arn.substr(arn.rfind('/') + 1));
      r.props = {{"valid_until", epoch_of(p.value("ValidUntil", json()))}};
      r.raw = p;
      ctx.emit(std::move(r));
    }
  }
  auto oidc = ctx.call("iam", "ListOpenIDConnectProviders", json::object(), region);
  if (!oidc) {
    record_failure(ctx, oidc.error(), "iam", "ListOpenIDConnectProviders", kGlobal, {kOidcProvider});
  } else {
    for (const auto& p : oidc->value("OpenIDConnectProviderList", json::array())) {
      std::string arn = p.value("Arn", "");
      std::string host = arn.substr(arn.find("oidc-provider/") == std::string::npos ? 0 : arn.find("oidc-provider/") + 14);
      Resource r = make(ctx, kOidcProvider, arn, host, host);
      r.raw = p;
      oidc_provider_details(ctx, r, region);
      ctx.emit(std::move(r));
    }
  }
}

void support_access(CollectContext& ctx, const std::string& region) {
  std::string policy = "arn:" + ctx.partition() + ":iam::aws:policy/AWSSupportAccess";
  Resource r = make(ctx, kSupportAccess, iam_arn(ctx, "policy-entities/AWSSupportAccess"), "AWSSupportAccess",
                    "AWSSupportAccess attachments");
  auto out = call_all_pages(ctx, "iam", "ListEntitiesForPolicy", {{"PolicyArn", policy}}, region);
  if (!out) {
    record_missing(ctx, r, "roles", out.error(), "iam", "ListEntitiesForPolicy");
    r.missing["users"] = r.missing["groups"] = r.missing["roles"];
  } else {
    auto names = [&](const char* list, const char* key) {
      json n = json::array();
      for (const auto& e : out->value(list, json::array())) n.push_back(e.value(key, ""));
      return n;
    };
    r.props = {{"policy_arn", policy},
               {"users", names("PolicyUsers", "UserName")},
               {"groups", names("PolicyGroups", "GroupName")},
               {"roles", names("PolicyRoles", "RoleName")}};
    r.raw = *out;
  }
  ctx.emit(std::move(r));
}

void collect_iam(CollectContext& ctx, const std::string& region) {
  auto join = std::make_shared<UserJoin>();
  ctx.spawn([&ctx, region, join] { authorization_details(ctx, region, join); });
  ctx.spawn([&ctx, region, join] { root_and_report(ctx, region, join); });
  ctx.spawn([&ctx, region] { password_policy(ctx, region); });
  ctx.spawn([&ctx, region] { server_certificates(ctx, region); });
  ctx.spawn([&ctx, region] { providers(ctx, region); });
  support_access(ctx, region);
}

const RegisterCollector reg({.service = "iam",
                             .global = true,
                             .produces = {kUser, kRoot, kGroup, kRole, kPolicy, kInlinePolicy, kPasswordPolicy,
                                          kServerCertificate, kSamlProvider, kOidcProvider, kSupportAccess},
                             .collect = collect_iam});

}  // namespace
}  // namespace cloudpeek::collect
