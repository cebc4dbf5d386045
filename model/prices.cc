#include "model/prices.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

// The price files (model/prices/*.json as one JSON array), put in the program
// by the assembler stub model/embed_json_dir.cmake writes.
extern "C" {
__attribute__((visibility("hidden"))) extern const char cloudpeek_prices_data[];
__attribute__((visibility("hidden"))) extern const char cloudpeek_prices_data_end[];
}

namespace cloudpeek::prices {
namespace {

struct RegionPrices {
  std::string source;
  std::string as_of;
  std::map<std::string, double, std::less<>> items;
};

using Table = std::map<std::string, RegionPrices, std::less<>>;

// A file that does not say where its prices come from and when, or carries a
// price that is not a positive number, is a build of the data to fix: the
// message names the file's region and what is wrong.
Table load() {
  auto all = nlohmann::json::parse(cloudpeek_prices_data, cloudpeek_prices_data_end);
  Table out;
  for (const auto& f : all) {
    std::string region = f.value("region", "");
    auto bad = [&](const std::string& what) {
      return std::runtime_error("model/prices/" + (region.empty() ? std::string("<a file>") : region) + ".json: " +
                                what);
    };
    if (region.empty()) throw bad("no \"region\"");
    RegionPrices p;
    p.source = f.value("source", "");
    p.as_of = f.value("as_of", "");
    if (p.source.empty() || p.as_of.empty()) throw bad("needs \"source\" and \"as_of\" (where and when the prices were read)");
    if (f.value("currency", "") != "USD") throw bad("prices must be in USD (\"currency\": \"USD\")");
    if (!f.contains("items") || !f["items"].is_object() || f["items"].empty()) throw bad("no \"items\"");
    for (const auto& [item, price] : f["items"].items()) {
      if (!price.is_number() || price.get<double>() <= 0) throw bad("the price of " + item + " is not a positive number");
      p.items.emplace(item, price.get<double>());
    }
    if (!out.emplace(region, std::move(p)).second) throw bad("the region has two files");
  }
  return out;
}

const Table& table() {
  static const Table t = load();
  return t;
}

}  // namespace

std::optional<double> lookup(std::string_view region, std::string_view item) {
  auto r = table().find(region);
  if (r == table().end()) return std::nullopt;
  auto i = r->second.items.find(item);
  if (i == r->second.items.end()) return std::nullopt;
  return i->second;
}

std::string no_price(std::string_view item, std::string_view region) {
  return "no price for " + std::string(item) + " in " + std::string(region);
}

std::string as_of(std::string_view region) {
  auto r = table().find(region);
  return r == table().end() ? std::string() : r->second.as_of;
}

std::string source(std::string_view region) {
  auto r = table().find(region);
  return r == table().end() ? std::string() : r->second.source;
}

std::vector<std::string> regions() {
  std::vector<std::string> out;
  for (const auto& [name, p] : table()) out.push_back(name);
  return out;
}

std::string usd(double amount) {
  char buf[64];
  std::snprintf(buf, sizeof buf, amount > 0 && amount < 0.01 ? "$%.3f" : "$%.2f", amount);
  return buf;
}

std::string basis(std::string_view how, std::string_view region) {
  return "(" + std::string(how) + ", " + std::string(region) + " prices of " + as_of(region) +
         " from the AWS Price List)";
}

}  // namespace cloudpeek::prices
