#include "aws/credentials/env.h"

#include <cstdlib>

namespace cloudpeek {

std::optional<std::string> env_var(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

std::string home_dir() { return env_var("HOME").value_or(""); }

std::string expand_home(const std::string& path) {
  if (path == "~") return home_dir();
  if (path.rfind("~/", 0) == 0) return home_dir() + path.substr(1);
  return path;
}

}  // namespace cloudpeek
