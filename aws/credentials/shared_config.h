// ~/.aws/config and ~/.aws/credentials merged into profiles as the AWS CLI
// does: in the config file a profile is [profile NAME] (or [default]), and
// [sso-session NAME] sections hold SSO sessions; in the credentials file
// every [NAME] is a profile. For a key set in both files, the credentials
// file wins.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/core/result.h"
#include "aws/credentials/ini.h"

namespace cloudpeek {

struct ProfileValue {
  IniValue value;
  bool from_credentials_file = false;
};

struct Profile {
  std::string name;
  std::map<std::string, ProfileValue> values;

  // The value of `key` (lower case); nullopt if absent or empty.
  std::optional<std::string> get(const std::string& key) const;
  bool has(const std::string& key) const { return get(key).has_value(); }
  // "path:line" where the key was set, for messages.
  std::string where(const std::string& key) const;
  std::string config_path, credentials_path;
};

struct SharedConfig {
  std::string config_path;       // AWS_CONFIG_FILE or ~/.aws/config
  std::string credentials_path;  // AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials
  std::map<std::string, Profile> profiles;
  std::map<std::string, Profile> sso_sessions;
  // Config-file sections that are not profiles ([dev] instead of [profile dev]),
  // kept to explain a "profile not found".
  std::vector<std::string> ignored_sections;

  const Profile* profile(const std::string& name) const;
  const Profile* sso_session(const std::string& name) const;
};

std::string config_file_path();       // honours AWS_CONFIG_FILE
std::string credentials_file_path();  // honours AWS_SHARED_CREDENTIALS_FILE

// Missing files are fine (no profiles); unreadable or malformed files are errors.
Result<SharedConfig> load_shared_config();
Result<SharedConfig> load_shared_config(const std::string& config_path, const std::string& credentials_path);
SharedConfig merge_shared_config(const IniFile& config, const IniFile& credentials);

}  // namespace cloudpeek
