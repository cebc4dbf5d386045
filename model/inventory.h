// The inventory checks read: resources by type, the account's regions, and
// the coverage gaps that say which listings are incomplete.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/coverage.h"
#include "model/resource.h"

namespace cloudpeek {

struct RegionStatus {
  std::string name;
  std::string opt_in_status;  // "opt-in-not-required", "opted-in", "not-opted-in"
  bool scanned = false;
};

class Inventory {
 public:
  std::string account;
  std::vector<RegionStatus> regions;

  void add(Resource r);
  void add_gap(CoverageGap gap);

  // Every resource of the type (empty span when none or not collected).
  const std::vector<Resource>& of_type(std::string_view type) const;
  // The one resource of a singleton type in a region ("AWS::::Account" in "global"), if collected.
  const Resource* find(std::string_view type, std::string_view region) const;
  const Resource* find_arn(std::string_view arn) const;

  // Why the listing of `type` in `region` is incomplete (a gap that named the
  // type for that region, or for "global"), if it is.
  std::optional<std::string> gap(std::string_view type, std::string_view region) const;
  // The same for any region: the first gap naming the type.
  std::optional<std::string> gap_any_region(std::string_view type) const;

  const std::vector<CoverageGap>& gaps() const { return gaps_; }
  // Identifies this inventory's content: unique in the process, changed by
  // every add/add_gap and by moving the content out. Caches of what is
  // derived from an inventory key on it (an address can be reused).
  std::uint64_t generation() const { return generation_.value; }
  std::vector<std::string> types() const;
  size_t size() const;

 private:
  std::map<std::string, std::vector<Resource>, std::less<>> by_type_;
  std::vector<CoverageGap> gaps_;
  struct Generation {
    std::uint64_t value = next();
    Generation() = default;
    Generation(const Generation&) = default;  // a copy holds the same content
    Generation& operator=(const Generation&) = default;
    Generation(Generation&& o) noexcept : value(o.value) { o.value = next(); }
    Generation& operator=(Generation&& o) noexcept {
      value = o.value;
      o.value = next();
      return *this;
    }
    static std::uint64_t next();
  } generation_;
};

}  // namespace cloudpeek
