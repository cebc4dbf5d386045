#include "server/router.h"

namespace cloudpeek::server {

namespace {
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    out.push_back(seg);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();  // trailing slash
  return out;
}
}  // namespace

void Router::add(std::string method, const std::string& pattern, RouteFn fn, bool public_route) {
  Route r;
  r.method = std::move(method);
  for (auto& s : split_path(pattern)) r.segments.push_back(s.front() == '{' ? "{}" : s);
  r.public_route = public_route;
  r.fn = std::move(fn);
  routes_.push_back(std::move(r));
}

const Route* Router::match(const std::string& method, const std::string& path, std::vector<std::string>& params,
                           bool& path_known) const {
  auto segs = split_path(path);
  path_known = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::vector<std::string> p;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (r.segments[i] == "{}") {
        if (segs[i].empty()) ok = false;
        else p.push_back(segs[i]);
      } else if (r.segments[i] != segs[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    path_known = true;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      params = std::move(p);
      return &r;
    }
  }
  return nullptr;
}

}  // namespace cloudpeek::server
