// AWS Organizations (issue 11 §2): an organization reached through one
// provider's credentials (the management account or a delegated
// administrator), its accounts discovered with their OU paths, and each
// member account a provider of its own — so scans, findings, inventory and
// compliance work per member. A member's credentials come from AssumeRole
// into the organization's role name with this installation's ExternalId,
// obtained from the base provider's credentials when a scan needs them (the
// scheduler's credential renewer, as for IAM Identity Center).
//
// Never silent: an account that joined becomes a provider at discovery (when
// the organization monitors all accounts); one that left keeps its provider
// and history and is marked "left the organization"; a member whose role
// cannot be assumed carries that status and AWS's reason, and no scan of it
// starts (Scheduler::start refuses with the steps) — never a PASS.
//
// A member without a working role still needs stored credentials (the store
// requires them): it gets an inert placeholder that expires at creation and
// that no code path sends to AWS (scans of it are refused first).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/credentials/aws_caller.h"
#include "server/credential_check.h"
#include "store/store.h"

namespace cloudpeek::scan {
struct Organization;
struct MemberReach;
}  // namespace cloudpeek::scan

namespace cloudpeek::server {

struct OrgAnswer {
  unsigned status = 200;
  nlohmann::json body;
};

// The credential source of a scan of an organization member, or nullptr for
// other providers: the stored AssumeRole credentials, renewed through `renew`
// (the scheduler's renewer) before they expire, so a scan longer than the role
// session keeps going. Fails (kAccessDenied, with the reason) once the member
// is not reachable: its role stopped working or it left the organization.
CredentialsProviderPtr org_scan_credentials(store::Store& store, const std::string& provider_id,
                                            std::function<void(const std::string&)> renew);

// What reads AWS Organizations in a member's scan (scan::ScanEngine::
// read_organization_with): the organization's base provider, whose
// credentials discovered it (the management account or a delegated
// administrator) — IAM Identity Center role credentials or its stored keys.
// nullptr for other providers, and when the base provider is gone or has no
// credentials: the member's scan then reads with its own, as a lone account.
CredentialsProviderPtr org_reader_credentials(store::Store& store, const std::string& provider_id,
                                              std::function<void(const std::string&)> renew);

class OrgConnect {
 public:
  using Log = std::function<void(const std::string&)>;
  // Renews a base provider's own credentials when they can renew themselves
  // (a provider made through IAM Identity Center) before they are used.
  using RenewBase = std::function<void(const std::string& provider_id)>;
  OrgConnect(store::Store& store, std::shared_ptr<CredentialTester> tester, Log log, AwsCallerPtr caller = {},
             RenewBase renew_base = {});

  // GET /organizations/settings: the installation's ExternalId and the default role name.
  nlohmann::json installation();
  // POST /organizations {"provider_id", "role_name"?, "label"?, "monitor": "all"|"chosen", "accounts"?: [ids]}:
  // saved, then discovered at once; refused (and not kept) when that provider cannot list the organization.
  OrgAnswer create(const nlohmann::json& body, const std::string& user);
  // The request's errors (nullopt when it is well formed), without calling AWS:
  // the routes answer these at once, before taking one of the user's AWS slots.
  struct CreateRequest {
    store::Provider provider;
    std::string role_name, external_id;
    bool monitor_all = true;
    std::string label;
    std::set<std::string> accounts;
  };
  std::optional<OrgAnswer> check_create(const nlohmann::json& body, CreateRequest* out = nullptr);
  std::optional<OrgAnswer> check_update(const std::string& id, const nlohmann::json& body,
                                        store::Organization* out = nullptr, bool* rediscover = nullptr);
  // GET /organizations, GET /organizations/{id}
  nlohmann::json list();
  OrgAnswer get(const std::string& id);
  // POST /organizations/{id}/discover: accounts (joined, left), then every member's role probed.
  OrgAnswer discover(const std::string& id, const std::string& user);
  // PATCH /organizations/{id} {"label"?, "role_name"?, "monitor"?: "all"|"chosen", "accounts"?: [ids to add]}
  OrgAnswer update(const std::string& id, const nlohmann::json& body, const std::string& user);
  // DELETE /organizations/{id}: the link only; member providers and their data stay.
  OrgAnswer remove(const std::string& id, const std::string& user);
  // GET /organizations/{id}/templates?role_name=: the StackSet YAML and the Terraform snippet.
  OrgAnswer templates(const std::string& id, const std::string& role_name);

  // Fresh AssumeRole credentials for a member provider when due (`force`, a
  // role not known to work, or within the renewal margin). nullopt when
  // renewed or nothing to do; the error otherwise (also recorded on the member).
  std::optional<Error> renew_provider(const std::string& provider_id, bool force);
  // Scheduler hook: one provider before its scan, or "" on each tick (renews
  // what is due, rediscovers organizations not discovered for a day).
  void renew_due(const std::string& provider_id);

  void set_margin(std::chrono::seconds m) { margin_ = m; }

 private:
  struct Base {
    store::Provider provider;
    CredentialsProviderPtr credentials;
  };
  Result<Base> base_of(const store::Organization& o);
  OrgAnswer discover_locked(store::Organization o, const std::string& user, bool creating);
  std::string add_member(const store::Organization& o, const nlohmann::json& account, const std::string& user);
  // Providers for these accounts of the last discovery (ACTIVE, not yet members); their ids.
  std::vector<std::string> add_accounts_locked(const store::Organization& o, const std::set<std::string>& accounts,
                                               const std::string& user);
  void probe_locked(const store::Organization& o, const Base& base, const scan::Organization& org,
                    const std::set<std::string>& only);
  void apply_reach(const store::Organization& o, store::OrgMember m, const scan::MemberReach& r,
                   const Base& base);
  void set_member_identity(const store::OrgMember& m, const store::Organization& o);
  nlohmann::json org_json(const store::Organization& o);
  std::chrono::seconds margin();

  store::Store& store_;
  std::shared_ptr<CredentialTester> tester_;
  Log log_;
  AwsCallerPtr caller_;
  RenewBase renew_base_;
  std::chrono::seconds margin_{0};
  std::mutex mu_;  // one discovery or renewal at a time
  std::map<std::string, std::chrono::steady_clock::time_point> last_attempt_;  // provider id → last failed renewal
};

}  // namespace cloudpeek::server
