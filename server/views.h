// The JSON shapes of docs/api.md, built from store rows (and, for running
// scans, the engine's live progress).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "scan/progress.h"
#include "store/store.h"

namespace cloudpeek::server {

using json = nlohmann::json;
struct Request;   // server/http_types.h
struct Response;
class Router;     // server/router.h

json time_json(const std::optional<store::Time>& t);
// "valid", "expiring", "expired" or "unknown".
std::string credential_state(const store::Provider& p, store::Time now, int window_minutes);
json provider_json(const store::Provider& p, const std::optional<store::Scan>& last_scan, store::Time now,
                   int window_minutes);
json gap_json(const CoverageGap& g);
json scan_json(const store::Scan& s, const std::optional<scan::ProgressSnapshot>& live);
json mute_json(const std::optional<store::Mute>& m);
json finding_json(const store::FindingRow& f);
json resource_row_json(const store::ResourceRow& r);

// ---- which accounts a page covers (docs/api.md "Accounts") -------------------
// One convention for every list and view: no parameter covers every account;
// provider_id=<id> one account (a provider); ou=<path> the accounts of an AWS
// Organizations OU and those below it ("Root/Workloads" covers
// "Root/Workloads/Prod"). The two together narrow to that provider if it is
// in the OU.
struct AccountScope {
  std::optional<std::string> provider_id;
  std::optional<std::string> ou;
  bool all() const { return !provider_id && !ou; }
};
// The provider's OU path when it is an organization member ("Root/Workloads"), else nullopt.
std::optional<std::string> provider_ou(store::Store& store, const store::Provider& p);
// The scope from provider_id and ou; nullopt with a 400 in `err` when ou is
// malformed or names no OU CloudPeek knows (of a monitored account, or of an
// account a connected organization listed at its last discovery).
std::optional<AccountScope> account_scope(store::Store& store, const Request& req, Response& err);
// The OU path `raw` names ("Root/Workloads/" is "Root/Workloads"), or nullopt
// with the same 400 (field ou) as account_scope's.
std::optional<std::string> known_ou(store::Store& store, const std::string& raw, Response& err);
// The providers in the scope, by id.
std::vector<store::Provider> providers_in(store::Store& store, const AccountScope& scope);
// What the store's queries take for the scope (server/api_accounts.cc):
// nullopt when it is one provider or all of them (provider_id says it); for an
// OU, the ids of its providers (none: an OU whose accounts are not monitored
// covers nothing, never every account).
std::optional<std::vector<std::string>> scope_provider_ids(store::Store& store, const AccountScope& scope);

// GET /accounts and /accounts/scopes (server/api_accounts.cc), added with the views.
void add_account_routes(Router& router, store::Store& store);

template <class T, class F>
json paged_json(const store::Paged<T>& p, F&& item) {
  json items = json::array();
  for (const auto& i : p.items) items.push_back(item(i));
  return {{"total", p.total}, {"page", p.page}, {"page_size", p.page_size}, {"items", std::move(items)}};
}

}  // namespace cloudpeek::server
