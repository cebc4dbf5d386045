// Test helpers for the credential sources: a scoped environment, a temp
// directory, and a fake AwsCaller that records calls. Header-only, tests only.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/credentials/aws_caller.h"

namespace cloudpeek::testing {

// Sets/unsets variables and restores them all on destruction. Starts by
// clearing every AWS_* credential variable so the host cannot leak in.
class ScopedEnv {
 public:
  ScopedEnv() {
    for (const char* v : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
                          "AWS_CREDENTIAL_EXPIRATION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION",
                          "AWS_DEFAULT_REGION", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "HOME"})
      unset(v);
  }
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) ::setenv(it->first.c_str(), it->second->c_str(), 1);
      else ::unsetenv(it->first.c_str());
    }
  }
  void set(const std::string& k, const std::string& v) { save(k); ::setenv(k.c_str(), v.c_str(), 1); }
  void unset(const std::string& k) { save(k); ::unsetenv(k.c_str()); }

 private:
  void save(const std::string& k) {
    const char* v = std::getenv(k.c_str());
    saved_.emplace_back(k, v ? std::optional<std::string>(v) : std::nullopt);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cpcredXXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string write(const std::string& rel, const std::string& text) {
    std::filesystem::path p = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::string path_;
};

struct RecordedCall {
  std::string service, operation, region;
  json params;
  CredentialsProviderPtr credentials;
};

class FakeCaller : public AwsCaller {
 public:
  std::function<Result<json>(const RecordedCall&)> respond;
  std::vector<RecordedCall> calls;
  Result<json> call(const ServiceModel& model, const std::string& op, const json& params, const std::string& region,
                    CredentialsProviderPtr creds) override {
    if (creds) {  // as the real client does: resolve the signing credentials first
      auto c = creds->get();
      if (!c.ok()) return c.error();
    }
    calls.push_back({model.metadata.value("endpointPrefix", ""), op, region, params, creds});
    return respond(calls.back());
  }
};

}  // namespace cloudpeek::testing
