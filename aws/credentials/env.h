// The process environment as credential sources read it.
#pragma once

#include <optional>
#include <string>

namespace cloudpeek {

// The variable's value; an unset or empty variable is nullopt (as the AWS SDKs treat it).
std::optional<std::string> env_var(const char* name);
// $HOME (the AWS CLI's ~); empty if unset.
std::string home_dir();
// "~/x" and "~" → home_dir() + "/x"; other paths unchanged.
std::string expand_home(const std::string& path);

}  // namespace cloudpeek
