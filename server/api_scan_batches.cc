// Scan batches (issue 11 §3): one request scans a whole organization, an OU
// or chosen accounts. Each account gets an ordinary scan through
// Scheduler::start (so max_concurrent_scans, the per-account rate-limit
// buckets and the queue's persistence across restarts apply unchanged) that
// names its batch; the batch is seen, followed and cancelled as one. An
// account that cannot be scanned is listed as skipped with the reason, never
// a failure of the batch and never a PASS. docs/api.md "Scan batches".
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "server/app.h"
#include "server/json_response.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {

constexpr const char* kScopeFields[] = {"organization_id", "ou", "provider_ids"};

// An id given as a string or a whole number.
std::optional<std::string> id_of(const json& v) {
  if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  return std::nullopt;
}

// The AWS account a provider's scans read, when CloudPeek knows it.
json account_id_of(store::Store& store, const store::Provider& p, const json& scan_identity = nullptr) {
  for (const json* id : {&scan_identity, &p.identity})
    if (id->is_object() && id->contains("account") && (*id)["account"].is_string() &&
        !(*id)["account"].get<std::string>().empty())
      return (*id)["account"];
  if (auto m = store.org_member(p.id); m && !m->account_id.empty()) return m->account_id;
  if (auto link = store.sso_link(p.id); link && !link->account_id.empty()) return link->account_id;
  return nullptr;
}

// Why an account is left out, in the words the rest of the UI uses.
json skipped_json(store::Store& store, const store::Provider& p, const StartError& e) {
  std::string reason = e.message;
  if (e.code == "organization_member_unreachable") reason = unreachable_headline(p).value_or(e.message);
  if (e.code == "conflict" && !e.scan_id.empty())
    reason = fmt::format("A scan of \u201c{}\u201d is already queued or running (scan {}).", p.label, e.scan_id);
  json j = {{"provider_id", p.id},
            {"label", p.label},
            {"account_id", account_id_of(store, p)},
            {"code", e.code},
            {"reason", reason},
            {"advice", e.advice}};
  if (!e.scan_id.empty()) j["scan_id"] = e.scan_id;
  return j;
}

bool active(store::ScanStatus s) { return s == store::ScanStatus::kQueued || s == store::ScanStatus::kRunning; }

}  // namespace

void App::add_scan_batch_routes() {
  // The batch as docs/api.md shows it; `with_scans` adds each scan's JSON.
  auto view = [this](const store::ScanBatch& b, bool with_scans) {
    json by_status = {{"queued", 0}, {"running", 0}, {"succeeded", 0}, {"partial", 0}, {"failed", 0}, {"interrupted", 0}};
    json counts = {{"FAIL", 0}, {"PASS", 0}, {"NOT_ASSESSED", 0}, {"MANUAL", 0}};
    json scans = json::array();
    double progress = 0;
    int64_t unfinished = 0, queued = 0;
    auto rows = store_.batch_scans(b.id);
    for (const auto& s : rows) {
      json j = scan_json(s, scheduler_->progress(s.id));
      std::string status = store::to_string(s.status);
      by_status[status] = by_status.value(status, 0) + 1;
      for (const char* k : {"FAIL", "PASS", "NOT_ASSESSED", "MANUAL"}) counts[k] = counts[k].get<int64_t>() + j["counts"].value(k, int64_t{0});
      if (s.status == store::ScanStatus::kQueued) {
        ++queued;
        ++unfinished;
      } else if (s.status == store::ScanStatus::kRunning) {
        ++unfinished;
        const json& f = j["progress"]["fraction"];
        if (f.is_number()) progress += std::clamp(f.get<double>(), 0.0, 1.0);
      } else {
        progress += 1;  // finished, however it ended
      }
      if (with_scans) {
        auto p = store_.get_provider(s.provider_id);
        j["account_label"] = p ? json(p->label) : json(nullptr);
        j["account_id"] = p ? account_id_of(store_, *p, s.identity) : json(nullptr);
        scans.push_back(std::move(j));
      }
    }
    std::string status = b.cancelled_at            ? "cancelled"
                         : unfinished == 0         ? "done"
                         : queued == static_cast<int64_t>(rows.size()) ? "queued"
                                                   : "running";
    json out = {{"id", b.id},
                {"label", b.label},
                {"scope", b.scope},
                {"created_at", store::format_time(b.created_at)},
                {"created_by", b.created_by},
                {"cancelled_at", time_json(b.cancelled_at)},
                {"regions", b.regions},
                {"services", b.services},
                {"status", status},
                {"active", unfinished},
                {"accounts", static_cast<int64_t>(rows.size())},
                {"by_status", std::move(by_status)},
                {"progress", rows.empty() ? 1.0 : progress / static_cast<double>(rows.size())},
                {"counts", std::move(counts)},
                {"skipped", b.skipped}};
    if (with_scans) out["scans"] = std::move(scans);
    return out;
  };

  router_.add("POST", "/scan-batches", [this, view](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    if (!body->is_object()) return error_response(400, "invalid", "The body must be a JSON object.", "");
    std::vector<const char*> given;
    for (const char* k : kScopeFields)
      if (body->contains(k) && !(*body)[k].is_null()) given.push_back(k);
    if (given.size() != 1)
      return error_response(400, "invalid",
                            given.empty() ? "Say what to scan: organization_id, ou or provider_ids."
                                          : fmt::format("Give one of organization_id, ou or provider_ids, not both {} and {}.",
                                                        given[0], given[1]),
                            "organization_id: a connected organization (GET /api/v1/organizations); ou: an OU path "
                            "(GET /api/v1/accounts/scopes); provider_ids: a list of provider ids.",
                            given.empty() ? "organization_id" : given[1]);
    const std::string field = given[0];
    auto selection = scan_selection(*body, err);
    if (!selection) return err;

    std::vector<store::Provider> providers;
    json scope;
    std::string label;
    if (field == "organization_id") {
      auto id = id_of((*body)[field]);
      auto org = id ? store_.get_organization(*id) : std::nullopt;
      if (!org)
        return error_response(400, "invalid", "No connected organization has that id.",
                              "GET /api/v1/organizations lists them.", field);
      for (const auto& m : store_.org_members(org->id))
        if (m.membership == "active")
          if (auto p = store_.get_provider(m.provider_id)) providers.push_back(std::move(*p));
      std::sort(providers.begin(), providers.end(), [](const auto& a, const auto& b) {
        return a.id.size() != b.id.size() ? a.id.size() < b.id.size() : a.id < b.id;
      });
      scope = {{"organization_id", org->id}};
      label = org->aws_organization_id.empty()
                  ? fmt::format("Organization \u201c{}\u201d", org->label)
                  : fmt::format("Organization \u201c{}\u201d ({})", org->label, org->aws_organization_id);
    } else if (field == "ou") {
      if (!(*body)[field].is_string())
        return error_response(400, "invalid", "ou must be an OU path such as \"Root/Workloads\".",
                              "GET /api/v1/accounts/scopes lists the OUs (ous).", field);
      auto ou = known_ou(store_, (*body)[field].get<std::string>(), err);
      if (!ou) return err;
      providers = providers_in(store_, AccountScope{std::nullopt, *ou});
      scope = {{"ou", *ou}};
      label = "OU " + *ou;
    } else {
      const json& ids = (*body)[field];
      if (!ids.is_array() || ids.empty())
        return error_response(400, "invalid", "provider_ids must be a list of provider ids.",
                              "GET /api/v1/providers lists them.", field);
      std::set<std::string> seen;
      json kept = json::array();
      for (const auto& v : ids) {
        auto id = id_of(v);
        auto p = id ? store_.get_provider(*id) : std::nullopt;
        if (!p)
          return error_response(400, "invalid",
                                fmt::format("No provider has the id {}.", v.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 40)),
                                "GET /api/v1/providers lists them.", field);
        if (!seen.insert(p->id).second) continue;
        kept.push_back(p->id);
        providers.push_back(std::move(*p));
      }
      scope = {{"provider_ids", kept}};
      label = providers.size() == 1 ? "1 account" : fmt::format("{} accounts", providers.size());
    }
    if (providers.empty())
      return error_response(400, "invalid",
                            field == "ou" ? fmt::format("OU {} has no account CloudPeek monitors.", scope["ou"].get<std::string>())
                                          : "That organization has no account CloudPeek monitors.",
                            "Connect its accounts first (Settings > AWS integration).", field);

    // Accounts that cannot be scanned now are skipped, with the reason; the others are scanned.
    json skipped = json::array();
    std::vector<std::string> to_scan;
    for (const auto& p : providers) {
      auto ok = scheduler_->startable(p.id);
      if (auto* e = std::get_if<StartError>(&ok))
        skipped.push_back(skipped_json(store_, p, *e));
      else
        to_scan.push_back(p.id);
    }
    auto nothing = [&](const json& skipped_list) {
      json out = {{"error", error_json("nothing_to_scan",
                                       fmt::format("None of the {} account(s) can be scanned now.", providers.size()),
                                       "See skipped: each account's reason and what to do.", field)},
                  {"skipped", skipped_list}};
      return json_response(422, out);
    };
    if (to_scan.empty()) return nothing(skipped);

    store::ScanBatch b;
    b.label = label;
    b.scope = scope;
    b.regions = selection->regions;
    b.services = selection->services;
    b.skipped = skipped;
    b.created_by = c.username();
    b.created_at = store::now_seconds();
    b = store_.create_scan_batch(b);
    size_t started = 0;
    for (const auto& pid : to_scan) {
      auto r = scheduler_->start(pid, b.regions, b.services, c.username(), b.id);
      if (auto* e = std::get_if<StartError>(&r)) {
        // Changed since it was checked (a scan started meanwhile, credentials ended).
        for (const auto& p : providers)
          if (p.id == pid) skipped.push_back(skipped_json(store_, p, *e));
        continue;
      }
      ++started;
    }
    if (skipped.size() != b.skipped.size()) store_.set_scan_batch_skipped(b.id, skipped);
    log(fmt::format("scan batch {} ({}) by {}: {} scan(s), {} skipped", b.id, b.label, c.username(), started,
                    skipped.size()));
    if (started == 0) return nothing(skipped);
    auto saved = store_.get_scan_batch(b.id);
    return json_response(202, view(saved ? *saved : b, true));
  });

  router_.add("GET", "/scan-batches", [this, view](Ctx& c) {
    Response err;
    auto request = page_request(c.req, err);
    if (!request) return err;
    auto page = store_.list_scan_batches(*request);
    return json_response(200, paged_json(page, [&](const store::ScanBatch& b) { return view(b, false); }));
  });

  router_.add("GET", "/scan-batches/{id}", [this, view](Ctx& c) {
    auto b = store_.get_scan_batch(c.params[0]);
    if (!b) return error_response(404, "not_found", "No scan batch has that id.", "");
    return json_response(200, view(*b, true));
  });

  router_.add("GET", "/scan-batches/{id}/events", [this, view](Ctx& c) {
    std::string id = c.params[0];
    if (!store_.get_scan_batch(id)) return error_response(404, "not_found", "No scan batch has that id.", "");
    Response r;
    r.content_type = "text/event-stream";
    r.set_header("Cache-Control", "no-store");
    r.set_header("X-Accel-Buffering", "no");
    auto ended = std::make_shared<bool>(false);
    r.stream = Stream{std::chrono::milliseconds(1000), [this, id, ended, view]() -> std::optional<std::string> {
      if (*ended) return std::nullopt;
      auto b = store_.get_scan_batch(id);
      if (!b) return std::nullopt;
      json j = view(*b, true);
      bool done = j["active"].get<int64_t>() == 0;
      if (done) *ended = true;
      return fmt::format("event: {}\ndata: {}\n\n", done ? "done" : "progress",
                         j.dump(-1, ' ', false, json::error_handler_t::replace));
    }};
    return r;
  });

  router_.add("POST", "/scan-batches/{id}/cancel", [this](Ctx& c) {
    auto b = store_.get_scan_batch(c.params[0]);
    if (!b) return error_response(404, "not_found", "No scan batch has that id.", "");
    // Queued ones first: cancelling a running one frees a slot another of them would take.
    auto scans = store_.batch_scans(b->id);
    std::stable_sort(scans.begin(), scans.end(), [](const auto& x, const auto& y) {
      return (x.status == store::ScanStatus::kQueued) > (y.status == store::ScanStatus::kQueued);
    });
    int64_t cancelled = 0;
    for (const auto& s : scans)
      if (active(s.status) && scheduler_->cancel(s.id, c.username())) ++cancelled;
    if (cancelled == 0) return error_response(409, "conflict", "No scan of that batch is queued or running.", "");
    store_.mark_scan_batch_cancelled(b->id, store::now_seconds());
    log(fmt::format("scan batch {} cancelled by {}: {} scan(s)", b->id, c.username(), cancelled));
    return json_response(202, {{"id", b->id}, {"cancelled", cancelled}});
  });
}

}  // namespace cloudpeek::server
