#include "aws/services/service_models.h"

#include <map>
#include <memory>
#include <mutex>

#include "aws/services/service_models_data.h"

namespace cloudpeek {

namespace {

struct ParsedService {
  ServiceModel model;
  json paginators;
};

const ParsedService* parsed(std::string_view service) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<ParsedService>, std::less<>> cache;
  std::lock_guard lock(mu);
  if (auto it = cache.find(service); it != cache.end()) return it->second.get();
  for (const auto& embedded : embedded_service_models()) {
    if (embedded.name != service) continue;
    json doc = json::parse(embedded.json);
    auto p = std::make_unique<ParsedService>();
    p->model.metadata = std::move(doc["metadata"]);
    p->model.operations = std::move(doc["operations"]);
    p->model.shapes = std::move(doc["shapes"]);
    p->paginators = std::move(doc["paginators"]);
    return cache.emplace(std::string(service), std::move(p)).first->second.get();
  }
  return nullptr;
}

}  // namespace

const ServiceModel* find_service_model(std::string_view service) {
  const ParsedService* p = parsed(service);
  return p ? &p->model : nullptr;
}

std::optional<Paginator> find_paginator(std::string_view service, std::string_view operation) {
  const ParsedService* p = parsed(service);
  if (!p) return std::nullopt;
  auto it = p->paginators.find(std::string(operation));
  if (it == p->paginators.end()) return std::nullopt;
  return paginator_from_botocore(*it);
}

std::vector<std::string_view> embedded_service_names() {
  std::vector<std::string_view> names;
  for (const auto& embedded : embedded_service_models()) names.push_back(embedded.name);
  return names;
}

}  // namespace cloudpeek
