#include "iam/catalogue.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <stdexcept>

// The data file, put in the program by the assembler stub that
// iam/catalogue/generate.mjs writes (.incbin: no C++ literal to compile).
extern "C" {
__attribute__((visibility("hidden"))) extern const char cloudpeek_iam_catalogue_data[];
__attribute__((visibility("hidden"))) extern const char cloudpeek_iam_catalogue_data_end[];
}

namespace cloudpeek::iam {
namespace {

// ASCII only: AWS's names are ASCII, and a locale must not change matching.
constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int icompare(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    char x = lower(a[i]), y = lower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}
bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && icompare(a, b) == 0; }
bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && icompare(s.substr(0, prefix.size()), prefix) == 0;
}

// AWS's wildcard match: "*" any run (also empty), "?" exactly one character,
// case-insensitive. Greedy with one backtrack point: linear in practice.
bool glob(std::string_view pat, std::string_view s) {
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pat.size() && (pat[p] == '?' || (pat[p] != '*' && lower(pat[p]) == lower(s[i])))) {
      ++p, ++i;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

bool has_wildcard(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

// A condition-key template ("aws:RequestTag/${TagKey}", "s3:ExistingObjectTag/<key>")
// against a key used in a policy: each variable stands for one or more characters.
bool template_match(std::string_view tmpl, std::string_view key) {
  std::size_t open = tmpl.find_first_of("$<");
  while (open != std::string_view::npos && tmpl[open] == '$' && (open + 1 >= tmpl.size() || tmpl[open + 1] != '{')) {
    open = tmpl.find_first_of("$<", open + 1);
  }
  if (open == std::string_view::npos) return iequals(tmpl, key);
  std::size_t close = tmpl.find(tmpl[open] == '$' ? '}' : '>', open);
  if (close == std::string_view::npos) return iequals(tmpl, key);
  std::string_view head = tmpl.substr(0, open), tail = tmpl.substr(close + 1);
  if (!istarts_with(key, head)) return false;
  std::string_view rest = key.substr(head.size());
  // The variable takes at least one character; the tail may hold more variables.
  for (std::size_t take = 1; take <= rest.size(); ++take) {
    if (template_match(tail, rest.substr(take))) return true;
  }
  return false;
}

constexpr std::array<std::string_view, kAccessLevelCount> kLevelNames = {
    "List", "Read", "Write", "Permissions management", "Tagging"};

}  // namespace

std::string_view to_string(AccessLevel level) { return kLevelNames[static_cast<std::size_t>(level)]; }

std::optional<AccessLevel> parse_access_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (iequals(text, kLevelNames[i])) return static_cast<AccessLevel>(i);
  }
  return std::nullopt;
}

// --- ActionSet

std::size_t ActionSet::size() const {
  std::size_t n = 0;
  for (const Range& r : ranges_) n += r.end - r.begin;
  return n;
}

bool ActionSet::contains(ActionId id) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), id, [](ActionId v, const Range& r) { return v < r.begin; });
  return it != ranges_.begin() && id < std::prev(it)->end;
}

std::vector<ActionId> ActionSet::ids() const {
  std::vector<ActionId> out;
  out.reserve(size());
  for (const Range& r : ranges_) {
    for (ActionId id = r.begin; id < r.end; ++id) out.push_back(id);
  }
  return out;
}

void ActionSet::add(Range r) {
  if (r.begin >= r.end) return;
  if (ranges_.empty() || r.begin > ranges_.back().end) {
    ranges_.push_back(r);
    return;
  }
  if (r.begin >= ranges_.back().begin) {
    ranges_.back().end = std::max(ranges_.back().end, r.end);
    return;
  }
  // Out of order: merge in place with every range it touches.
  auto first = std::lower_bound(ranges_.begin(), ranges_.end(), r.begin,
                                [](const Range& x, ActionId v) { return x.end < v; });
  auto last = first;
  while (last != ranges_.end() && last->begin <= r.end) {
    r.begin = std::min(r.begin, last->begin);
    r.end = std::max(r.end, last->end);
    ++last;
  }
  first = ranges_.erase(first, last);
  ranges_.insert(first, r);
}

ActionSet ActionSet::unite(const ActionSet& other) const {
  ActionSet out;
  out.ranges_.reserve(ranges_.size() + other.ranges_.size());
  auto a = ranges_.begin(), b = other.ranges_.begin();
  while (a != ranges_.end() || b != other.ranges_.end()) {
    if (b == other.ranges_.end() || (a != ranges_.end() && a->begin <= b->begin)) {
      out.add(*a++);
    } else {
      out.add(*b++);
    }
  }
  return out;
}

ActionSet ActionSet::intersect(const ActionSet& other) const {
  ActionSet out;
  auto a = ranges_.begin(), b = other.ranges_.begin();
  while (a != ranges_.end() && b != other.ranges_.end()) {
    ActionId lo = std::max(a->begin, b->begin), hi = std::min(a->end, b->end);
    if (lo < hi) out.ranges_.push_back({lo, hi});
    if (a->end < b->end) {
      ++a;
    } else {
      ++b;
    }
  }
  return out;
}

ActionSet ActionSet::complement(ActionId universe) const {
  ActionSet out;
  ActionId at = 0;
  for (const Range& r : ranges_) {
    if (r.begin >= universe) break;
    if (at < r.begin) out.ranges_.push_back({at, r.begin});
    at = r.end;
  }
  if (at < universe) out.ranges_.push_back({at, universe});
  return out;
}

ActionSet ActionSet::subtract(const ActionSet& other) const {
  if (ranges_.empty() || other.ranges_.empty()) return *this;
  return intersect(other.complement(ranges_.back().end));
}

ActionSet::iterator& ActionSet::iterator::operator++() {
  if (++id_ >= range_->end) {
    ++range_;
    if (range_ != end_) id_ = range_->begin;
  }
  return *this;
}

// --- NameList

NameList::iterator::iterator(const char* cur, const char* end, char sep) : cur_(cur), end_(end), sep_(sep) {
  const char* at = cur_ == end_ ? end_ : static_cast<const char*>(std::memchr(cur_, sep_, end_ - cur_));
  item_end_ = at ? at : end_;
}

NameList::iterator& NameList::iterator::operator++() {
  if (item_end_ == end_) {
    cur_ = end_;
    return *this;
  }
  *this = iterator(item_end_ + 1, end_, sep_);
  return *this;
}

std::size_t NameList::size() const {
  if (text_.empty()) return 0;
  return 1 + static_cast<std::size_t>(std::count(text_.begin(), text_.end(), sep_));
}

bool NameList::contains(std::string_view name) const {
  for (std::string_view item : *this) {
    if (iequals(item, name)) return true;
  }
  return false;
}

std::vector<std::string_view> NameList::to_vector() const { return {begin(), end()}; }

// --- Catalogue

struct Catalogue::Impl {
  struct Service {
    std::string_view prefix, name;
    ActionId first = 0, last = 0;        // its actions
    std::uint32_t rt_first = 0, rt_last = 0;  // its resource types
    std::uint32_t ck_first = 0, ck_last = 0;  // its condition keys
  };
  struct Act {
    std::string_view full;       // "s3:GetObject"
    std::string_view resources;  // the resource types field
    std::string_view keys;       // the condition keys field
    ServiceId service = 0;
    std::uint16_t colon = 0;
    AccessLevel level = AccessLevel::kRead;
    std::string_view name() const { return full.substr(colon + 1); }
  };
  struct Resource {
    std::string_view name, arn, keys;
  };

  std::string_view package, version, updated_at;
  std::vector<Service> services;
  std::vector<Act> actions;
  std::vector<Resource> resources;
  std::vector<ConditionKey> keys;
  // Every condition key once (the first entry of its name), sorted; and those
  // among them that are templates, for keys like "aws:RequestTag/team".
  std::vector<std::uint32_t> key_index;
  std::vector<std::uint32_t> key_templates;
  std::array<ActionSet, kAccessLevelCount> by_level;

  const Service* service(std::string_view prefix) const {
    auto it = std::lower_bound(services.begin(), services.end(), prefix,
                               [](const Service& s, std::string_view p) { return icompare(s.prefix, p) < 0; });
    return it != services.end() && iequals(it->prefix, prefix) ? &*it : nullptr;
  }

  // Ids of the service's actions whose name starts with prefix (any case).
  ActionSet::Range with_prefix(const Service& s, std::string_view prefix) const {
    auto b = actions.begin() + s.first, e = actions.begin() + s.last;
    auto lo = std::lower_bound(b, e, prefix, [](const Act& a, std::string_view p) { return icompare(a.name(), p) < 0; });
    auto hi = std::upper_bound(lo, e, prefix, [](std::string_view p, const Act& a) {
      return icompare(p, a.name().substr(0, p.size())) < 0;
    });
    return {static_cast<ActionId>(lo - actions.begin()), static_cast<ActionId>(hi - actions.begin())};
  }

  void expand_in_service(const Service& s, std::string_view pat, ActionSet& out) const {
    std::string_view literal = pat.substr(0, std::min(pat.find_first_of("*?"), pat.size()));
    ActionSet::Range r = with_prefix(s, literal);
    std::string_view rest = pat.substr(literal.size());
    if (rest.empty()) {  // no wildcard: the one action of that name
      for (ActionId id = r.begin; id < r.end; ++id) {
        if (actions[id].name().size() == literal.size()) out.add(id);
      }
    } else if (rest.find_first_not_of('*') == std::string_view::npos) {
      out.add(r);
    } else {
      for (ActionId id = r.begin; id < r.end; ++id) {
        if (glob(rest, actions[id].name().substr(literal.size()))) out.add(id);
      }
    }
  }

  ActionSet expand(std::string_view pattern) const {
    ActionSet out;
    std::size_t colon = pattern.find(':');
    if (colon == std::string_view::npos) {
      // "*" is everything; other patterns without a colon match full names.
      if (!pattern.empty() && pattern.find_first_not_of('*') == std::string_view::npos) {
        out.add({0, static_cast<ActionId>(actions.size())});
        return out;
      }
      for (ActionId id = 0; id < actions.size(); ++id) {
        if (glob(pattern, actions[id].full)) out.add(id);
      }
      return out;
    }
    // Names have one colon, so a pattern's colon lines up with it: the part
    // before it matches the prefix, the part after it the action's name.
    std::string_view svc = pattern.substr(0, colon), act = pattern.substr(colon + 1);
    if (act.find(':') != std::string_view::npos) return out;
    if (!has_wildcard(svc)) {
      if (const Service* s = service(svc)) expand_in_service(*s, act, out);
      return out;
    }
    for (const Service& s : services) {
      if (glob(svc, s.prefix)) expand_in_service(s, act, out);
    }
    return out;
  }
};

namespace {

[[noreturn]] void malformed(std::size_t line, std::string_view why) {
  throw std::runtime_error("iam catalogue: line " + std::to_string(line) + ": " + std::string(why));
}

}  // namespace

std::unique_ptr<Catalogue> Catalogue::parse(std::string_view text) {
  auto impl = std::make_unique<Impl>();
  // Sizes of the current data, so that parsing does not reallocate.
  impl->services.reserve(512);
  impl->actions.reserve(24576);
  impl->resources.reserve(2560);
  impl->keys.reserve(16384);
  Impl::Service* svc = nullptr;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.size() < 2 || line[1] != '\t') malformed(line_no, "no record type");
    std::string_view rest = line.substr(2);
    // Fields: the first n-1 tab-separated; the last takes the rest.
    auto fields = [&](std::size_t n) {
      std::array<std::string_view, 4> f{};
      for (std::size_t i = 0; i + 1 < n; ++i) {
        std::size_t tab = rest.find('\t');
        if (tab == std::string_view::npos) malformed(line_no, "too few fields");
        f[i] = rest.substr(0, tab);
        rest.remove_prefix(tab + 1);
      }
      f[n - 1] = rest;
      return f;
    };
    switch (line[0]) {
      case 'V': {
        auto f = fields(3);
        impl->package = f[0], impl->version = f[1], impl->updated_at = f[2];
        break;
      }
      case 'S': {
        auto f = fields(2);
        if (!impl->services.empty() && icompare(impl->services.back().prefix, f[0]) >= 0) {
          malformed(line_no, "services out of order");
        }
        auto n = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
        impl->services.push_back({f[0], f[1], n(impl->actions.size()), n(impl->actions.size()),
                                  n(impl->resources.size()), n(impl->resources.size()), n(impl->keys.size()),
                                  n(impl->keys.size())});
        svc = &impl->services.back();
        break;
      }
      case 'R': {
        if (!svc) malformed(line_no, "resource type before any service");
        auto f = fields(3);
        if (svc->rt_last > svc->rt_first && icompare(impl->resources.back().name, f[0]) >= 0) {
          malformed(line_no, "resource types out of order");
        }
        impl->resources.push_back({f[0], f[1], f[2]});
        svc->rt_last = static_cast<std::uint32_t>(impl->resources.size());
        break;
      }
      case 'K': {
        if (!svc) malformed(line_no, "condition key before any service");
        auto f = fields(2);
        impl->keys.push_back({f[0], f[1]});
        svc->ck_last = static_cast<std::uint32_t>(impl->keys.size());
        break;
      }
      case 'A': {
        if (!svc) malformed(line_no, "action before any service");
        auto f = fields(4);
        std::size_t colon = f[0].find(':');
        if (colon != svc->prefix.size() || !iequals(f[0].substr(0, colon), svc->prefix)) {
          malformed(line_no, "action outside its service");
        }
        auto level = parse_access_level(f[1]);
        if (!level) malformed(line_no, "unknown access level");
        Impl::Act a{f[0], f[2], f[3], static_cast<ServiceId>(impl->services.size() - 1),
                    static_cast<std::uint16_t>(colon), *level};
        if (svc->last > svc->first && icompare(impl->actions.back().name(), a.name()) >= 0) {
          malformed(line_no, "actions out of order");
        }
        auto id = static_cast<ActionId>(impl->actions.size());
        impl->actions.push_back(a);
        impl->by_level[static_cast<std::size_t>(*level)].add(id);
        svc->last = id + 1;
        break;
      }
      default:
        malformed(line_no, "unknown record type");
    }
  }
  if (impl->version.empty()) malformed(line_no, "no version record");

  // The condition-key index: by name, the first entry of each name.
  std::vector<std::uint32_t>& idx = impl->key_index;
  idx.resize(impl->keys.size());
  for (std::uint32_t i = 0; i < idx.size(); ++i) idx[i] = i;
  const auto& keys = impl->keys;
  std::stable_sort(idx.begin(), idx.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return icompare(keys[a].name, keys[b].name) < 0; });
  idx.erase(std::unique(idx.begin(), idx.end(),
                        [&](std::uint32_t a, std::uint32_t b) { return iequals(keys[a].name, keys[b].name); }),
            idx.end());
  for (std::uint32_t i : idx) {
    std::string_view n = keys[i].name;
    if (n.find("${") != std::string_view::npos || n.find('<') != std::string_view::npos) {
      impl->key_templates.push_back(i);
    }
  }
  return std::unique_ptr<Catalogue>(new Catalogue(std::move(impl)));
}

std::string_view Catalogue::embedded_text() {
  return std::string_view(cloudpeek_iam_catalogue_data,
                          static_cast<std::size_t>(cloudpeek_iam_catalogue_data_end - cloudpeek_iam_catalogue_data));
}

const Catalogue& Catalogue::get() {
  // Parsed once and kept for the whole program (never destroyed, so code that
  // runs at exit can still use it).
  static std::once_flag once;
  static const Catalogue* catalogue = nullptr;
  std::call_once(once, [] { catalogue = parse(embedded_text()).release(); });
  return *catalogue;
}

Catalogue::Catalogue(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Catalogue::~Catalogue() = default;

std::string_view Catalogue::package() const { return impl_->package; }
std::string_view Catalogue::version() const { return impl_->version; }
std::string_view Catalogue::updated_at() const { return impl_->updated_at; }

std::size_t Catalogue::action_count() const { return impl_->actions.size(); }

std::optional<ActionId> Catalogue::find_action(std::string_view full_name) const {
  std::size_t colon = full_name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return find_action(full_name.substr(0, colon), full_name.substr(colon + 1));
}

std::optional<ActionId> Catalogue::find_action(std::string_view service, std::string_view action) const {
  const Impl::Service* s = impl_->service(service);
  if (!s || action.empty() || has_wildcard(action)) return std::nullopt;
  ActionSet::Range r = impl_->with_prefix(*s, action);
  for (ActionId id = r.begin; id < r.end; ++id) {
    if (impl_->actions[id].name().size() == action.size()) return id;
  }
  return std::nullopt;
}

std::size_t Catalogue::service_count() const { return impl_->services.size(); }

std::optional<ServiceId> Catalogue::find_service(std::string_view prefix) const {
  const Impl::Service* s = impl_->service(prefix);
  if (!s) return std::nullopt;
  return static_cast<ServiceId>(s - impl_->services.data());
}

std::string_view Catalogue::service_prefix(ServiceId id) const { return impl_->services.at(id).prefix; }
std::string_view Catalogue::service_name(ServiceId id) const { return impl_->services.at(id).name; }
ServiceId Catalogue::service_of(ActionId id) const { return impl_->actions.at(id).service; }

ActionSet Catalogue::service_actions(ServiceId id) const {
  const Impl::Service& s = impl_->services.at(id);
  return ActionSet({s.first, s.last});
}

std::vector<ResourceType> Catalogue::resource_types(ServiceId id) const {
  const Impl::Service& s = impl_->services.at(id);
  std::vector<ResourceType> out;
  for (std::uint32_t i = s.rt_first; i < s.rt_last; ++i) {
    const Impl::Resource& r = impl_->resources[i];
    out.push_back({s.prefix, r.name, r.arn, NameList(r.keys, ',')});
  }
  return out;
}

std::vector<ConditionKey> Catalogue::condition_keys(ServiceId id) const {
  const Impl::Service& s = impl_->services.at(id);
  return {impl_->keys.begin() + s.ck_first, impl_->keys.begin() + s.ck_last};
}

ActionSet Catalogue::all() const { return ActionSet({0, static_cast<ActionId>(impl_->actions.size())}); }

ActionSet Catalogue::expand(std::string_view pattern) const { return impl_->expand(pattern); }

ActionSet Catalogue::expand(std::span<const std::string> patterns) const {
  ActionSet out;
  for (const std::string& p : patterns) out = out.unite(impl_->expand(p));
  return out;
}

ActionSet Catalogue::expand(std::span<const std::string_view> patterns) const {
  ActionSet out;
  for (std::string_view p : patterns) out = out.unite(impl_->expand(p));
  return out;
}

ActionSet Catalogue::expand_not(std::span<const std::string> patterns) const {
  return expand(patterns).complement(static_cast<ActionId>(impl_->actions.size()));
}

ActionSet Catalogue::expand_not(std::span<const std::string_view> patterns) const {
  return expand(patterns).complement(static_cast<ActionId>(impl_->actions.size()));
}

bool Catalogue::matches(std::string_view pattern, std::string_view action_name) { return glob(pattern, action_name); }

const ActionSet& Catalogue::with_access_level(AccessLevel level) const {
  return impl_->by_level.at(static_cast<std::size_t>(level));
}

std::optional<ResourceType> Catalogue::resource_type(std::string_view service, std::string_view name) const {
  const Impl::Service* s = impl_->service(service);
  if (!s) return std::nullopt;
  auto b = impl_->resources.begin() + s->rt_first, e = impl_->resources.begin() + s->rt_last;
  auto it = std::lower_bound(b, e, name, [](const Impl::Resource& r, std::string_view n) { return icompare(r.name, n) < 0; });
  if (it == e || !iequals(it->name, name)) return std::nullopt;
  return ResourceType{s->prefix, it->name, it->arn, NameList(it->keys, ',')};
}

std::optional<std::string_view> Catalogue::arn_format(std::string_view service, std::string_view resource_type) const {
  auto r = this->resource_type(service, resource_type);
  if (!r) return std::nullopt;
  return r->arn_format;
}

std::optional<ConditionKey> Catalogue::condition_key(std::string_view key) const {
  const auto& keys = impl_->keys;
  const auto& idx = impl_->key_index;
  auto it = std::lower_bound(idx.begin(), idx.end(), key,
                             [&](std::uint32_t i, std::string_view k) { return icompare(keys[i].name, k) < 0; });
  if (it != idx.end() && iequals(keys[*it].name, key)) return keys[*it];
  for (std::uint32_t i : impl_->key_templates) {
    if (template_match(keys[i].name, key)) return keys[i];
  }
  return std::nullopt;
}

// --- Action

std::string_view Action::full_name() const { return c_->impl_->actions.at(id_).full; }
std::string_view Action::service() const {
  const auto& a = c_->impl_->actions.at(id_);
  return a.full.substr(0, a.colon);
}
std::string_view Action::name() const { return c_->impl_->actions.at(id_).name(); }
AccessLevel Action::access_level() const { return c_->impl_->actions.at(id_).level; }
NameList Action::condition_keys() const { return NameList(c_->impl_->actions.at(id_).keys, ','); }

std::vector<ActionResource> Action::resource_types() const {
  std::vector<ActionResource> out;
  // Items: "name", "name*" (required), "name*=key|key".
  for (std::string_view item : NameList(c_->impl_->actions.at(id_).resources, ',')) {
    ActionResource r;
    std::size_t eq = item.find('=');
    if (eq != std::string_view::npos) {
      r.condition_keys = NameList(item.substr(eq + 1), '|');
      item = item.substr(0, eq);
    }
    if (item.ends_with('*')) {
      r.required = true;
      item.remove_suffix(1);
    }
    r.name = item;
    out.push_back(r);
  }
  return out;
}

std::optional<std::string_view> Action::arn_format(std::string_view resource_type) const {
  return c_->arn_format(service(), resource_type);
}

}  // namespace cloudpeek::iam
