#include "aws/credentials/shared_config.h"

#include "aws/credentials/env.h"

namespace cloudpeek {

std::optional<std::string> Profile::get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end() || it->second.value.value.empty()) return std::nullopt;
  return it->second.value.value;
}

std::string Profile::where(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return config_path;
  return (it->second.from_credentials_file ? credentials_path : config_path) + ":" +
         std::to_string(it->second.value.line);
}

const Profile* SharedConfig::profile(const std::string& name) const {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

const Profile* SharedConfig::sso_session(const std::string& name) const {
  auto it = sso_sessions.find(name);
  return it == sso_sessions.end() ? nullptr : &it->second;
}

std::string config_file_path() {
  return expand_home(env_var("AWS_CONFIG_FILE").value_or("~/.aws/config"));
}

std::string credentials_file_path() {
  return expand_home(env_var("AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"));
}

namespace {

// "profile  dev" → "dev"; nullopt if the header is not "profile" + whitespace + name.
std::optional<std::string> prefixed(const std::string& header, const std::string& prefix) {
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  size_t i = prefix.size();
  if (header[i] != ' ' && header[i] != '\t') return std::nullopt;
  while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
  std::string name = header.substr(i);
  if (name.empty()) return std::nullopt;
  return name;
}

void put(Profile& p, const IniSection& s, bool from_credentials, bool overwrite) {
  for (const auto& [k, v] : s.values) {
    if (!overwrite && p.values.count(k)) continue;
    p.values[k] = ProfileValue{v, from_credentials};
  }
}

}  // namespace

SharedConfig merge_shared_config(const IniFile& config, const IniFile& credentials) {
  SharedConfig out;
  out.config_path = config.path;
  out.credentials_path = credentials.path;
  auto profile = [&](std::map<std::string, Profile>& m, const std::string& name) -> Profile& {
    Profile& p = m[name];
    p.name = name;
    p.config_path = config.path;
    p.credentials_path = credentials.path;
    return p;
  };
  // [profile default] wins over [default] for a key in both, as in the SDKs.
  for (const auto& s : config.sections)
    if (s.name == "default") put(profile(out.profiles, "default"), s, false, false);
  for (const auto& s : config.sections) {
    if (s.name == "default") continue;
    if (auto n = prefixed(s.name, "profile")) {
      put(profile(out.profiles, *n), s, false, true);
    } else if (auto n = prefixed(s.name, "sso-session")) {
      put(profile(out.sso_sessions, *n), s, false, true);
    } else {
      out.ignored_sections.push_back(s.name);
    }
  }
  for (const auto& s : credentials.sections) put(profile(out.profiles, s.name), s, true, true);
  return out;
}

Result<SharedConfig> load_shared_config(const std::string& config_path, const std::string& credentials_path) {
  auto config = load_ini(config_path);
  if (!config.ok()) return std::move(config).error();
  auto creds = load_ini(credentials_path);
  if (!creds.ok()) return std::move(creds).error();
  return merge_shared_config(*config, *creds);
}

Result<SharedConfig> load_shared_config() {
  return load_shared_config(config_file_path(), credentials_file_path());
}

}  // namespace cloudpeek
