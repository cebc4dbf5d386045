#include "aws/services/service_models.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "aws/services/service_models_data.h"

namespace cloudpeek {

namespace {

const EmbeddedServiceModel* embedded(std::string_view service) {
  for (const auto& e : embedded_service_models())
    if (e.name == service) return &e;
  return nullptr;
}

const EmbeddedNamedJson* named(std::span<const EmbeddedNamedJson> list, std::string_view name) {
  auto it = std::lower_bound(list.begin(), list.end(), name,
                             [](const EmbeddedNamedJson& e, std::string_view n) { return e.name < n; });
  return it != list.end() && it->name == name ? &*it : nullptr;
}

// Adds the shape and every shape it refers to (members, list member, map key
// and value) to `shapes`.
void add_closure(const EmbeddedServiceModel& service, const std::string& root, json& shapes) {
  std::vector<std::string> stack{root};
  while (!stack.empty()) {
    std::string name = std::move(stack.back());
    stack.pop_back();
    if (shapes.contains(name)) continue;
    const EmbeddedNamedJson* text = named(service.shapes, name);
    if (!text) continue;
    json shape = json::parse(text->json);
    if (auto m = shape.find("members"); m != shape.end() && m->is_object())
      for (const auto& [_, member] : m->items())
        if (member.contains("shape")) stack.push_back(member["shape"].get<std::string>());
    for (const char* key : {"member", "key", "value"})
      if (auto r = shape.find(key); r != shape.end() && r->is_object() && r->contains("shape"))
        stack.push_back((*r)["shape"].get<std::string>());
    shapes[name] = std::move(shape);
  }
}

ServiceModel base_model(const EmbeddedServiceModel& service) {
  ServiceModel m;
  m.metadata = json::parse(service.metadata);
  m.shapes = json::object();
  return m;
}

// One operation with the shapes it reaches, plus the service's modeled errors
// (an error answer is matched against them by code).
std::unique_ptr<ServiceModel> operation_model(const EmbeddedServiceModel& service, std::string_view operation) {
  auto m = std::make_unique<ServiceModel>(base_model(service));
  const EmbeddedNamedJson* op = named(service.operations, operation);
  if (!op) return m;  // the client says the operation is not one CloudPeek may call
  json o = json::parse(op->json);
  for (const char* key : {"input", "output"})
    if (o.contains(key) && o[key].contains("shape")) add_closure(service, o[key]["shape"].get<std::string>(), m->shapes);
  if (o.contains("errors"))
    for (const auto& e : o["errors"])
      if (e.contains("shape")) add_closure(service, e["shape"].get<std::string>(), m->shapes);
  for (const auto& e : json::parse(service.error_shapes)) add_closure(service, e.get<std::string>(), m->shapes);
  m->operations[std::string(operation)] = std::move(o);
  return m;
}

std::unique_ptr<ServiceModel> whole_model(const EmbeddedServiceModel& service) {
  auto m = std::make_unique<ServiceModel>(base_model(service));
  for (const auto& op : service.operations) m->operations[std::string(op.name)] = json::parse(op.json);
  for (const auto& s : service.shapes) m->shapes[std::string(s.name)] = json::parse(s.json);
  return m;
}

struct Cache {
  std::mutex mu;
  std::map<std::string, std::unique_ptr<ServiceModel>, std::less<>> whole;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<ServiceModel>> by_operation;
  std::map<std::string, json, std::less<>> paginators;
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

const ServiceModel* find_service_model(std::string_view service) {
  const EmbeddedServiceModel* e = embedded(service);
  if (!e) return nullptr;
  Cache& c = cache();
  std::lock_guard lock(c.mu);
  auto it = c.whole.find(service);
  if (it == c.whole.end()) it = c.whole.emplace(std::string(service), whole_model(*e)).first;
  return it->second.get();
}

const ServiceModel* find_operation_model(std::string_view service, std::string_view operation) {
  const EmbeddedServiceModel* e = embedded(service);
  if (!e) return nullptr;
  Cache& c = cache();
  std::lock_guard lock(c.mu);
  auto key = std::make_pair(std::string(service), std::string(operation));
  auto it = c.by_operation.find(key);
  if (it == c.by_operation.end()) it = c.by_operation.emplace(key, operation_model(*e, operation)).first;
  return it->second.get();
}

std::optional<Paginator> find_paginator(std::string_view service, std::string_view operation) {
  const EmbeddedServiceModel* e = embedded(service);
  if (!e) return std::nullopt;
  Cache& c = cache();
  std::lock_guard lock(c.mu);
  auto it = c.paginators.find(service);
  if (it == c.paginators.end()) it = c.paginators.emplace(std::string(service), json::parse(e->paginators)).first;
  auto p = it->second.find(std::string(operation));
  if (p == it->second.end()) return std::nullopt;
  return paginator_from_botocore(*p);
}

std::vector<std::string_view> embedded_service_names() {
  std::vector<std::string_view> names;
  for (const auto& embedded : embedded_service_models()) names.push_back(embedded.name);
  return names;
}

std::optional<bool> service_offered_in(std::string_view service, std::string_view region) {
  // Parsed once: a few hundred short strings.
  static const auto data = [] {
    std::map<std::string, std::set<std::string>, std::less<>> offered;
    for (const auto& e : embedded_service_models()) {
      json regions = json::parse(e.regions);
      if (regions.is_array()) offered[std::string(e.name)] = regions.get<std::set<std::string>>();
    }
    return std::pair{json::parse(endpoint_data_regions()).get<std::set<std::string>>(), std::move(offered)};
  }();
  const auto& [known, offered] = data;
  auto it = offered.find(service);
  if (it == offered.end() || !known.count(std::string(region))) return std::nullopt;
  return it->second.count(std::string(region)) > 0;
}

}  // namespace cloudpeek
