// Scans: start, list, one, live events (SSE), cancel; and /meta (what a scan
// can select). docs/api.md "Scans".
#include <fmt/format.h>

#include <set>

#include "checks/check.h"
#include "collect/collector.h"
#include "server/app.h"
#include "server/json_response.h"
#include "server/meta.h"
#include "server/views.h"

namespace cloudpeek::server {

namespace {

std::optional<std::vector<std::string>> string_list(const json& b, const char* key, Response& err) {
  auto it = b.find(key);
  if (it == b.end() || it->is_null()) return std::vector<std::string>{};
  if (!it->is_array()) {
    err = error_response(400, "invalid", fmt::format("{} must be a list of strings.", key), "", key);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) {
      err = error_response(400, "invalid", fmt::format("{} must be a list of strings.", key), "", key);
      return std::nullopt;
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

std::optional<ScanSelection> scan_selection(const json& body, Response& err) {
  auto regions = string_list(body, "regions", err);
  if (!regions) return std::nullopt;
  auto services = string_list(body, "services", err);
  if (!services) return std::nullopt;
  const auto& known_regions = meta_regions();
  for (const auto& r : *regions)
    if (std::find(known_regions.begin(), known_regions.end(), r) == known_regions.end()) {
      err = error_response(400, "invalid", fmt::format("\"{}\" is not an AWS region CloudPeek knows.", r),
                           "GET /api/v1/meta lists them.", "regions");
      return std::nullopt;
    }
  auto known_services = meta_services();
  for (const auto& s : *services)
    if (std::find(known_services.begin(), known_services.end(), s) == known_services.end()) {
      err = error_response(400, "invalid", fmt::format("\"{}\" is not a service CloudPeek scans.", s),
                           "GET /api/v1/meta lists them.", "services");
      return std::nullopt;
    }
  return ScanSelection{std::move(*regions), std::move(*services)};
}

void App::add_scan_routes() {
  auto view = [this](const store::Scan& s) { return scan_json(s, scheduler_->progress(s.id)); };

  router_.add("POST", "/scans", [this, view](Ctx& c) {
    Response err;
    auto body = parse_json_body(c.req, err);
    if (!body) return err;
    auto pid = body->find("provider_id");
    if (pid == body->end() || !(pid->is_string() || pid->is_number_integer()))
      return error_response(400, "invalid", "provider_id is required.", "", "provider_id");
    std::string provider_id = pid->is_string() ? pid->get<std::string>() : pid->dump();
    auto selection = scan_selection(*body, err);
    if (!selection) return err;
    auto started = scheduler_->start(provider_id, selection->regions, selection->services, c.username());
    if (auto* e = std::get_if<StartError>(&started)) {
      json body_json = {{"error", error_json(e->code, e->message, e->advice, e->field)}};
      if (!e->steps.empty()) body_json["error"]["steps"] = e->steps;
      return json_response(e->status, body_json);
    }
    return json_response(202, view(std::get<store::Scan>(started)));
  });

  router_.add("GET", "/scans", [this, view](Ctx& c) {
    Response err;
    auto scope = account_scope(store_, c.req, err);  // provider_id, ou
    if (!scope) return err;
    auto request = page_request(c.req, err);
    if (!request) return err;
    auto ids = scope_provider_ids(store_, *scope);
    auto page = ids ? store_.list_scans(*ids, *request) : store_.list_scans(scope->provider_id, *request);
    return json_response(200, paged_json(page, view));
  });

  router_.add("GET", "/scans/{id}", [this, view](Ctx& c) {
    auto s = store_.get_scan(c.params[0]);
    if (!s) return error_response(404, "not_found", "No scan has that id.", "");
    return json_response(200, view(*s));
  });

  router_.add("GET", "/scans/{id}/events", [this, view](Ctx& c) {
    std::string id = c.params[0];
    if (!store_.get_scan(id)) return error_response(404, "not_found", "No scan has that id.", "");
    Response r;
    r.content_type = "text/event-stream";
    r.set_header("Cache-Control", "no-store");
    r.set_header("X-Accel-Buffering", "no");
    auto ended = std::make_shared<bool>(false);
    r.stream = Stream{std::chrono::milliseconds(1000), [this, id, ended, view]() -> std::optional<std::string> {
      if (*ended) return std::nullopt;
      auto s = store_.get_scan(id);
      if (!s) return std::nullopt;
      json j = view(*s);
      bool done = s->status != store::ScanStatus::kQueued && s->status != store::ScanStatus::kRunning;
      if (done) *ended = true;
      return fmt::format("event: {}\ndata: {}\n\n", done ? "done" : "progress",
                         j.dump(-1, ' ', false, json::error_handler_t::replace));
    }};
    return r;
  });

  router_.add("POST", "/scans/{id}/cancel", [this](Ctx& c) {
    auto s = store_.get_scan(c.params[0]);
    if (!s) return error_response(404, "not_found", "No scan has that id.", "");
    if (!scheduler_->cancel(s->id, c.username()))
      return error_response(409, "conflict", "That scan is not running.", "");
    return json_response(202, {{"id", s->id}, {"status", "cancelling"}});
  });

  router_.add("GET", "/meta", [this](Ctx&) {
    return json_response(200, {{"regions", meta_regions()}, {"services", meta_services()}, {"version", options_.version}});
  });
}

}  // namespace cloudpeek::server
