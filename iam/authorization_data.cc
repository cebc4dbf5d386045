#include "iam/authorization_data.h"

#include <algorithm>
#include <chrono>

namespace cloudpeek::iam {
namespace {

constexpr std::string_view kAnythingText =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";

std::string arn_field(std::string_view arn, int index) {
  for (int i = 0; i < index; ++i) {
    size_t c = arn.find(':');
    if (c == std::string_view::npos) return {};
    arn.remove_prefix(c + 1);
  }
  return std::string(arn.substr(0, arn.find(':')));
}

std::string str(const json* v) { return v && v->is_string() ? v->get<std::string>() : std::string(); }

std::vector<std::string> strings(const json* v) {
  std::vector<std::string> out;
  if (v && v->is_array())
    for (const auto& x : *v)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// The value at raw[a][b], a field of what AWS returned that props do not carry.
std::string raw_string(const Resource& r, std::string_view a, std::string_view b = {}) {
  if (!r.raw.is_object()) return {};
  auto it = r.raw.find(a);
  if (it == r.raw.end()) return {};
  if (b.empty()) return it->is_string() ? it->get<std::string>() : std::string();
  if (!it->is_object()) return {};
  auto jt = it->find(b);
  return jt != it->end() && jt->is_string() ? jt->get<std::string>() : std::string();
}

bool is_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

std::string name_after_slash(std::string_view arn) {
  size_t slash = arn.rfind('/');
  return std::string(slash == std::string_view::npos ? arn : arn.substr(slash + 1));
}

}  // namespace

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::kUser: return "user";
    case NodeKind::kRole: return "role";
    case NodeKind::kRoot: return "root";
    case NodeKind::kSamlProvider: return "SAML provider";
    case NodeKind::kOidcProvider: return "OIDC provider";
    case NodeKind::kExternalAccount: return "external account";
    case NodeKind::kAnyone: return "anyone";
  }
  return "";
}

std::optional<std::string> permission_set_of(std::string_view role_name) {
  constexpr std::string_view prefix = "AWSReservedSSO_";
  if (!role_name.starts_with(prefix)) return std::nullopt;
  std::string_view rest = role_name.substr(prefix.size());
  size_t us = rest.rfind('_');
  if (us == std::string_view::npos || us == 0 || !is_hex(rest.substr(us + 1))) return std::nullopt;
  return std::string(rest.substr(0, us));
}

AuthorizationData AuthorizationData::build(const Inventory& inventory, BuildOptions options) {
  AuthorizationData d;
  d.account_ = inventory.account;
  std::vector<const Resource*> all;
  for (std::string_view t :
       {inventory_type::kUser, inventory_type::kRoot, inventory_type::kGroup, inventory_type::kRole,
        inventory_type::kPolicy, inventory_type::kInlinePolicy, inventory_type::kSamlProvider,
        inventory_type::kOidcProvider, inventory_type::kLambdaFunction, inventory_type::kEc2Instance,
        inventory_type::kServiceControlPolicies, inventory_type::kResourceControlPolicies}) {
    for (const Resource& r : inventory.of_type(t)) all.push_back(&r);
  }
  // A listing is complete when the collector ran for it (it emitted something)
  // and recorded no gap; an empty listing cannot be told from one not made.
  auto listed = [&](std::string_view t) {
    return options.workloads_listed || (!inventory.of_type(t).empty() && !inventory.gap_any_region(t));
  };
  d.functions_listed_ = listed(inventory_type::kLambdaFunction);
  d.instances_listed_ = listed(inventory_type::kEc2Instance);
  d.load(all, options);
  return d;
}

AuthorizationData AuthorizationData::build(std::string account, const std::vector<Resource>& resources,
                                           BuildOptions options) {
  AuthorizationData d;
  d.account_ = std::move(account);
  std::vector<const Resource*> all;
  for (const Resource& r : resources) all.push_back(&r);
  d.functions_listed_ = d.instances_listed_ = options.workloads_listed;
  d.load(all, options);
  return d;
}

const Policy* AuthorizationData::keep(Policy policy) {
  storage_.push_back(std::move(policy));
  return &storage_.back();
}

std::size_t AuthorizationData::add_node(Node node) {
  std::size_t i = nodes_.size();
  // The account's own principals belong to its organization (aws:PrincipalOrgID),
  // when the organizations collector read it; otherwise the key stays unknown.
  if (node.internal && !organization_id_.empty()) node.principal.context.set("aws:PrincipalOrgID", organization_id_);
  by_arn_.emplace(node.arn, i);
  if (node.internal && !node.name.empty()) by_name_.emplace(node.name, i);
  if (!node.permission_set.empty()) by_name_.emplace(node.permission_set, i);
  nodes_.push_back(std::move(node));
  return i;
}

std::optional<std::size_t> AuthorizationData::find(std::string_view key) const {
  if (auto it = by_arn_.find(std::string(key)); it != by_arn_.end()) return it->second;
  if (auto it = by_name_.find(std::string(key)); it != by_name_.end()) return it->second;
  return std::nullopt;
}

const ManagedPolicy* AuthorizationData::managed(std::string_view arn) const {
  auto it = managed_by_arn_.find(std::string(arn));
  return it == managed_by_arn_.end() ? nullptr : &managed_[it->second];
}

const Group* AuthorizationData::group(std::string_view key) const {
  auto it = group_by_name_.find(std::string(key));
  if (it != group_by_name_.end()) return &groups_[it->second];
  for (const Group& g : groups_)
    if (g.arn == key) return &g;
  return nullptr;
}

std::vector<const Policy*> AuthorizationData::policies_with_group(std::size_t user, const Group& group) const {
  std::vector<const Policy*> out = nodes_[user].principal.identity_policies;
  for (const Policy* p : group.policies)
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  return out;
}

std::size_t AuthorizationData::outsider(NodeKind kind, const std::string& account) {
  std::string id = kind == NodeKind::kAnyone ? "*" : "arn:" + partition_ + ":iam::" + account + ":root";
  if (auto it = by_arn_.find(id); it != by_arn_.end()) return it->second;
  Node n;
  n.kind = kind;
  n.arn = id;
  n.name = kind == NodeKind::kAnyone ? "*" : account;
  n.account = kind == NodeKind::kAnyone ? "" : account;
  if (kind == NodeKind::kAnyone) {
    // Any principal of any account: its ARN, account and organization are unknown.
    n.principal = make_user("arn:" + partition_ + ":iam::000000000000:user/anyone");
    for (const char* k : {"aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
                          "aws:userid", "aws:username", "aws:PrincipalType"})
      n.principal.context.set_unknown(k);
  } else {
    n.principal = make_root(account, partition_);
    n.principal.context.set_unknown("aws:PrincipalOrgID");
    n.principal.context.set_unknown("aws:PrincipalOrgPaths");
  }
  n.notes.push_back("outside the account: its own policies are not visible, taken as allowing everything on its side");
  return add_node(std::move(n));
}

void AuthorizationData::add_trust_outsiders(std::size_t role) {
  const Policy* trust = nodes_[role].trust;
  if (!trust) return;
  for (const Statement& s : trust->statements) {
    if (s.effect != Effect::kAllow || !s.has_principal) continue;
    const PrincipalSet& ps = s.principals;
    if (ps.any || s.not_principal) outsider(NodeKind::kAnyone, "");
    for (const std::string& a : ps.accounts)
      if (a != account_) outsider(NodeKind::kExternalAccount, a);
    for (const std::string& arn : ps.arns) {
      std::string acct = arn_field(arn, 4);
      if (acct.empty() || acct == account_ || acct.find_first_of("*?") != std::string::npos) continue;
      outsider(NodeKind::kExternalAccount, acct);
    }
    for (const std::string& f : ps.federated) {
      if (by_arn_.count(f)) continue;
      Node n;
      n.kind = f.find(":saml-provider/") != std::string::npos ? NodeKind::kSamlProvider : NodeKind::kOidcProvider;
      n.arn = f;
      n.name = f.find(":oidc-provider/") != std::string::npos ? f.substr(f.find(":oidc-provider/") + 15)
                                                             : name_after_slash(f);
      n.account = arn_field(f, 4);
      n.principal = make_federated(f);
      if (f.starts_with("arn:"))
        n.notes.push_back("named in a trust policy but not in the account's identity provider list");
      add_node(std::move(n));
    }
  }
}

// How the notes name one kind of organization policy.
struct OrgPolicyWords {
  std::string_view type;   // inventory type
  std::string_view short_name;  // "SCPs"
  std::string_view long_name;   // "Service control policies"
  std::string_view one;         // "SCP"
  std::string_view effect;      // what not considering them means
};
namespace {
constexpr OrgPolicyWords kScpWords{inventory_type::kServiceControlPolicies, "SCPs", "Service control policies", "SCP",
                                   "Service control policies may still deny what is shown as allowed."};
constexpr OrgPolicyWords kRcpWords{inventory_type::kResourceControlPolicies, "RCPs", "Resource control policies", "RCP",
                                   "Resource control policies may still deny access to the account's resources that is shown as allowed."};

}  // namespace

bool AuthorizationData::load_org_policies(const std::vector<const Resource*>& resources, const OrgPolicyWords& w,
                                          OrgPolicies& out, std::string& note) {
  const Resource* r = nullptr;
  for (const Resource* x : resources)
    if (x->type == w.type && (!r || x->account == account_)) r = x;
  out.levels.clear();
  const std::string sn(w.short_name), ln(w.long_name);
  if (!r) {
    note = sn + " not considered: " + ln + " were not collected (the organizations collector did not run), so an organization policy may still deny what is shown as allowed.";
    return false;
  }
  if (auto why = r->missing_reason("levels")) {
    note = sn + " not considered: " + *why + ". " + std::string(w.effect);
    return false;
  }
  if (const json* org = r->prop("organization_id"); org && org->is_string()) organization_id_ = org->get<std::string>();
  const json* applies = r->prop("applies");
  if (applies && applies->is_boolean() && !applies->get<bool>()) {
    note = sn + " considered: none apply (" + str(r->prop("reason")) + ").";
    return true;
  }
  const json* levels = r->prop("levels");
  if (!levels || !levels->is_array()) {
    note = sn + " not considered: the " + std::string(w.long_name == "Service control policies" ? "service control" : "resource control") +
           " policies' levels are not in the inventory.";
    return false;
  }
  std::vector<std::string> described;
  std::size_t count = 0;
  for (const json& level : *levels) {
    std::vector<const Policy*> policies;
    std::string target = level.value("target_id", "");
    std::vector<std::string> names;
    for (const json& p : level.value("policies", json::array())) {
      std::string name = std::string(w.one) + " " + p.value("name", p.value("id", "")) + " on " + target;
      auto parsed = parse_policy(p.value("document", json()), name);
      if (!parsed) {
        warnings_.push_back(name + ": " + parsed.error().describe());
        out.levels.clear();
        note = sn + " not considered: " + name + " could not be read (" + parsed.error().describe() + "). " +
               std::string(w.effect);
        return false;
      }
      policies.push_back(keep(std::move(*parsed)));
      names.push_back(p.value("name", p.value("id", "")));
      ++count;
    }
    std::string type = level.value("target_type", "");
    std::string words = type == "ROOT" ? "root " : type == "ACCOUNT" ? "account " : "OU ";
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    described.push_back(words + target + ": " + (list.empty() ? "none (nothing is allowed)" : list));
    out.levels.push_back(std::move(policies));
  }
  std::string all;
  for (const auto& d : described) all += (all.empty() ? "" : "; ") + d;
  note = sn + " considered: " + std::to_string(count) + " polic" + (count == 1 ? "y" : "ies") + " at " +
         std::to_string(out.levels.size()) + " level" + (out.levels.size() == 1 ? "" : "s") + " (" + all + ").";
  return true;
}

void AuthorizationData::load_scps(const std::vector<const Resource*>& resources) {
  scps_considered_ = load_org_policies(resources, kScpWords, scps_, scp_note_);
  rcps_considered_ = load_org_policies(resources, kRcpWords, rcps_, rcp_note_);
}

void AuthorizationData::load(const std::vector<const Resource*>& resources, const BuildOptions& options) {
  now_ = options.now != 0 ? options.now
                          : std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto parsed = parse_policy_text(kAnythingText, "(its own account's policies, not visible to CloudPeek)");
  anything_ = keep(std::move(*parsed));

  std::vector<const Resource*> users, roots, groups, roles, policies, inlines, saml, oidc, functions, instances;
  for (const Resource* r : resources) {
    if (r->type == inventory_type::kUser) users.push_back(r);
    else if (r->type == inventory_type::kRoot) roots.push_back(r);
    else if (r->type == inventory_type::kGroup) groups.push_back(r);
    else if (r->type == inventory_type::kRole) roles.push_back(r);
    else if (r->type == inventory_type::kPolicy) policies.push_back(r);
    else if (r->type == inventory_type::kInlinePolicy) inlines.push_back(r);
    else if (r->type == inventory_type::kSamlProvider) saml.push_back(r);
    else if (r->type == inventory_type::kOidcProvider) oidc.push_back(r);
    else if (r->type == inventory_type::kLambdaFunction) functions.push_back(r);
    else if (r->type == inventory_type::kEc2Instance) instances.push_back(r);
  }
  for (const Resource* r : resources) {
    if (r->arn.starts_with("arn:")) {
      partition_ = arn_field(r->arn, 1);
      if (account_.empty()) account_ = r->account.empty() ? arn_field(r->arn, 4) : r->account;
      break;
    }
  }
  load_scps(resources);

  auto parse_doc = [&](const Resource& r, const std::string& prop, const std::string& name) -> const Policy* {
    const json* doc = r.prop(prop);
    if (!doc) {
      auto why = r.missing_reason(prop);
      warnings_.push_back(name + ": " + prop + " not collected" + (why ? " (" + *why + ")" : ""));
      return nullptr;
    }
    auto p = parse_policy(*doc, name);
    if (!p) {
      warnings_.push_back(name + ": " + p.error().describe());
      return nullptr;
    }
    return keep(std::move(*p));
  };

  // Managed policies.
  for (const Resource* r : policies) {
    ManagedPolicy m;
    m.arn = r->arn;
    m.name = str(r->prop("policy_name"));
    if (m.name.empty()) m.name = r->name;
    const json* aws = r->prop("aws_managed");
    m.aws_managed = aws && aws->is_boolean() ? aws->get<bool>() : r->arn.find(":iam::aws:policy/") != std::string::npos;
    m.policy = parse_doc(*r, "document", m.arn);
    managed_by_arn_.emplace(m.arn, managed_.size());
    managed_.push_back(std::move(m));
  }
  // Inline policies by the principal they belong to.
  std::unordered_map<std::string, std::vector<const Policy*>> inline_of;
  for (const Resource* r : inlines) {
    std::string owner = str(r->prop("principal_arn"));
    std::string type = str(r->prop("principal_type"));
    std::string pname = str(r->prop("policy_name"));
    const Policy* p = parse_doc(*r, "document", type + "/" + str(r->prop("principal_name")) + " inline " + pname);
    if (p) inline_of[owner].push_back(p);
  }

  std::vector<std::string> notes_missing;
  auto attach = [&](const std::vector<std::string>& arns, std::vector<const Policy*>& out,
                    std::vector<std::string>& notes) {
    for (const std::string& arn : arns) {
      const ManagedPolicy* m = managed(arn);
      if (m && m->policy) {
        out.push_back(m->policy);
      } else {
        notes.push_back("managed policy " + arn + " not collected: its permissions are not counted");
      }
    }
  };
  auto attached_arns = [](const Resource& r) {
    std::vector<std::string> out;
    if (const json* list = r.prop("attached_policies"); list && list->is_array())
      for (const auto& a : *list)
        if (a.is_object() && a.contains("arn") && a["arn"].is_string()) out.push_back(a["arn"].get<std::string>());
    return out;
  };
  // The permissions boundary: props.permissions_boundary if the collector
  // gives it, else GetAccountAuthorizationDetails' PermissionsBoundary in raw.
  auto boundary_of = [&](const Resource& r, Node& n) {
    std::string arn = str(r.prop("permissions_boundary"));
    if (arn.empty()) arn = raw_string(r, "PermissionsBoundary", "PermissionsBoundaryArn");
    if (arn.empty()) return;
    n.boundary_arn = arn;
    const ManagedPolicy* m = managed(arn);
    if (m && m->policy) {
      n.principal.permissions_boundary = m->policy;
    } else {
      n.notes.push_back("permissions boundary " + arn + " not collected: ignored (its limits are not applied)");
    }
  };

  // Groups.
  for (const Resource* r : groups) {
    Group g;
    g.arn = r->arn;
    g.name = str(r->prop("group_name"));
    if (g.name.empty()) g.name = r->name;
    g.managed_policies = attached_arns(*r);
    std::vector<std::string> notes;
    attach(g.managed_policies, g.policies, notes);
    for (const Policy* p : inline_of[g.arn]) g.policies.push_back(p);
    for (auto& n : notes) warnings_.push_back("group " + g.name + ": " + n);
    group_by_name_.emplace(g.name, groups_.size());
    groups_.push_back(std::move(g));
  }
  for (std::size_t gi = 0; gi < groups_.size(); ++gi)
    for (const std::string& arn : groups_[gi].managed_policies)
      if (auto it = managed_by_arn_.find(arn); it != managed_by_arn_.end()) managed_[it->second].groups.push_back(gi);

  // Roles.
  for (const Resource* r : roles) {
    Node n;
    n.kind = NodeKind::kRole;
    n.internal = true;
    n.arn = r->arn;
    n.name = str(r->prop("role_name"));
    if (n.name.empty()) n.name = r->name;
    n.account = r->account.empty() ? arn_field(r->arn, 4) : r->account;
    if (auto ps = permission_set_of(n.name)) n.permission_set = *ps;
    n.principal = make_role_session(r->arn, "", r->id);
    n.principal.tags = r->tags;
    derive_context(n.principal);
    n.managed_policies = attached_arns(*r);
    n.inline_policies = strings(r->prop("inline_policies"));
    attach(n.managed_policies, n.principal.identity_policies, n.notes);
    for (const Policy* p : inline_of[r->arn]) n.principal.identity_policies.push_back(p);
    n.trust = parse_doc(*r, "trust_policy", "trust policy of role " + n.name);
    if (!n.trust) n.notes.push_back("trust policy not readable: nobody is shown able to assume it");
    boundary_of(*r, n);
    n.instance_profiles = strings(r->prop("instance_profiles"));
    if (n.instance_profiles.empty() && r->raw.is_object() && r->raw.contains("InstanceProfileList") &&
        r->raw["InstanceProfileList"].is_array()) {
      for (const auto& ip : r->raw["InstanceProfileList"])
        if (ip.is_object() && ip.contains("Arn") && ip["Arn"].is_string()) n.instance_profiles.push_back(ip["Arn"]);
    }
    for (const std::string& ip : n.instance_profiles) profiles_.emplace(ip, n.arn);
    std::size_t i = add_node(std::move(n));
    for (const std::string& arn : nodes_[i].managed_policies)
      if (auto it = managed_by_arn_.find(arn); it != managed_by_arn_.end()) managed_[it->second].roles.push_back(i);
  }

  // Users, with their groups' policies.
  for (const Resource* r : users) {
    Node n;
    n.kind = NodeKind::kUser;
    n.internal = true;
    n.arn = r->arn;
    n.name = str(r->prop("user_name"));
    if (n.name.empty()) n.name = r->name;
    n.account = r->account.empty() ? arn_field(r->arn, 4) : r->account;
    std::string uid = str(r->prop("user_id"));
    n.principal = make_user(r->arn, uid.empty() ? r->id : uid);
    n.principal.tags = r->tags;
    derive_context(n.principal);
    n.managed_policies = attached_arns(*r);
    n.inline_policies = strings(r->prop("inline_policies"));
    n.groups = strings(r->prop("groups"));
    if (const json* report = r->prop("credential_report"); report && report->is_object()) {
      if (auto it = report->find("password_enabled"); it != report->end() && it->is_boolean()) n.console_password = it->get<bool>();
      if (auto it = report->find("mfa_active"); it != report->end() && it->is_boolean()) n.mfa = it->get<bool>();
      if (auto it = report->find("access_keys"); it != report->end() && it->is_array()) {
        int active = 0;
        for (const json& k : *it)
          if (k.is_object() && k.value("active", false)) ++active;
        n.active_access_keys = active;
      }
    }
    attach(n.managed_policies, n.principal.identity_policies, n.notes);
    for (const Policy* p : inline_of[r->arn]) n.principal.identity_policies.push_back(p);
    for (const std::string& gname : n.groups) {
      auto it = group_by_name_.find(gname);
      if (it == group_by_name_.end()) {
        n.notes.push_back("group " + gname + " not collected: its policies are not counted");
        continue;
      }
      for (const Policy* p : groups_[it->second].policies) n.principal.identity_policies.push_back(p);
    }
    boundary_of(*r, n);
    std::size_t i = add_node(std::move(n));
    for (const std::string& arn : nodes_[i].managed_policies)
      if (auto it = managed_by_arn_.find(arn); it != managed_by_arn_.end()) managed_[it->second].users.push_back(i);
    for (const std::string& gname : nodes_[i].groups)
      if (auto it = group_by_name_.find(gname); it != group_by_name_.end()) groups_[it->second].members.push_back(i);
  }

  // The root user, whether or not the credential report was read.
  if (!account_.empty()) {
    Node n;
    n.kind = NodeKind::kRoot;
    n.internal = true;
    n.account = account_;
    n.principal = make_root(account_, partition_);
    n.arn = n.principal.arn;
    n.name = "root";
    add_node(std::move(n));
  }

  // Identity providers.
  for (const Resource* r : saml) {
    Node n;
    n.kind = NodeKind::kSamlProvider;
    n.arn = r->arn;
    n.name = r->name.empty() ? name_after_slash(r->arn) : r->name;
    n.account = account_;
    n.principal = make_federated(r->arn);
    if (!by_arn_.count(n.arn)) add_node(std::move(n));
  }
  for (const Resource* r : oidc) {
    Node n;
    n.kind = NodeKind::kOidcProvider;
    n.arn = r->arn;
    n.name = r->name.empty() ? name_after_slash(r->arn) : r->name;
    n.account = account_;
    n.principal = make_federated(r->arn);
    if (!by_arn_.count(n.arn)) add_node(std::move(n));
  }

  // Outsiders named in trust policies.
  const std::size_t internal_end = nodes_.size();
  for (std::size_t i = 0; i < internal_end; ++i)
    if (nodes_[i].kind == NodeKind::kRole) add_trust_outsiders(i);
  for (Node& n : nodes_)
    if (!n.internal && (n.kind == NodeKind::kExternalAccount || n.kind == NodeKind::kAnyone))
      n.principal.identity_policies = {anything_};

  // Workloads that run as roles.
  for (const Resource* r : functions) {
    Workload w{"lambda", r->arn, r->region, str(r->prop("role"))};
    if (w.role_arn.empty()) w.role_arn = raw_string(*r, "Role");
    workloads_.push_back(std::move(w));
  }
  for (const Resource* r : instances) {
    std::string state = str(r->prop("state"));
    if (state == "terminated" || state == "shutting-down") continue;
    Workload w{"ec2", r->arn, r->region, {}};
    std::string profile = str(r->prop("iam_instance_profile"));
    if (profile.empty()) continue;  // no instance profile: no role to reach
    if (auto it = profiles_.find(profile); it != profiles_.end()) {
      w.role_arn = it->second;
    } else if (auto by_name = find(name_after_slash(profile)); by_name && nodes_[*by_name].kind == NodeKind::kRole) {
      // Instance profiles made by the console carry the role's name.
      w.role_arn = nodes_[*by_name].arn;
    }
    workloads_.push_back(std::move(w));
  }
}

}  // namespace cloudpeek::iam
