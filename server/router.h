// Matching "/providers/{id}/credentials"-style routes: literal segments and
// {param} segments, per method.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/auth.h"
#include "server/http_types.h"

namespace cloudpeek::server {

struct Ctx {
  const Request& req;
  std::vector<std::string> params;
  std::optional<AuthedUser> who;
  const std::string& username() const {
    static const std::string anonymous = "anonymous";
    return who ? who->user.username : anonymous;
  }
};

using RouteFn = std::function<Response(Ctx&)>;

struct Route {
  std::string method;
  std::vector<std::string> segments;  // "{}" for a parameter
  bool public_route = false;          // no session needed
  RouteFn fn;
};

class Router {
 public:
  void add(std::string method, const std::string& pattern, RouteFn fn, bool public_route = false);
  // The route for method+path (params filled), or nullptr; path_known tells 405 from 404.
  const Route* match(const std::string& method, const std::string& path, std::vector<std::string>& params,
                     bool& path_known) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace cloudpeek::server
