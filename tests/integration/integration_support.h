// What the integration tests share: the identities of scenarios/basic.json,
// an environment scrubbed of the host's AWS setup, a client pointed at
// fakeaws, botocore's own service models, and fakeaws' request log.
// Header-only, tests only.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "aws/client/client.h"
#include "aws/core/time_format.h"
#include "aws/credentials/static_provider.h"
#include "aws/credentials/test_support.h"
#include "aws/http/transport.h"
#include "tests/integration/fakeaws_process.h"

extern char** environ;

namespace cloudpeek::testing {

// --- scenarios/basic.json (every secret in it is fake) ----------------------

inline constexpr const char* kAccount = "111122223333";

struct ScenarioKey {
  const char* id;
  const char* secret;
  const char* token;  // "" for long-term keys
};

inline constexpr ScenarioKey kAlice{"AKIAFAKEALICE0000001", "fakeSecretAlice/0000000000000000000000001", ""};
inline constexpr ScenarioKey kBob{"AKIAFAKEBOB000000001", "fakeSecretBob/000000000000000000000000001", ""};
inline constexpr ScenarioKey kRoot{"AKIAFAKEROOT00000001", "fakeSecretRoot/00000000000000000000000001", ""};
inline constexpr ScenarioKey kAliceSession{"ASIAFAKESESSION00001", "fakeSecretSession/000000000000000000000001",
                                           "fakeSessionToken-valid-0001"};
inline constexpr ScenarioKey kExpiredSession{"ASIAFAKEEXPIRED00001", "fakeSecretExpired/000000000000000000000001",
                                             "fakeSessionToken-expired-0001"};
inline constexpr ScenarioKey kSsoSession{"ASIAFAKESSOSESSION01", "fakeSecretSsoSession/0000000000000000000001",
                                         "fakeSessionToken-sso-0001"};
inline constexpr ScenarioKey kFederatedSession{"ASIAFAKEFEDERATED001", "fakeSecretFederated/00000000000000000000001",
                                               "fakeSessionToken-fed-0001"};

inline constexpr const char* kAliceArn = "arn:aws:iam::111122223333:user/alice";
inline constexpr const char* kBobArn = "arn:aws:iam::111122223333:user/bob";
inline constexpr const char* kSsoRole = "AWSReservedSSO_SecurityAuditor_0123456789abcdef";
inline constexpr const char* kSsoRoleArn =
    "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0123456789abcdef/alice@example.com";
inline constexpr const char* kSsoStartUrl = "https://d-1234567890.awsapps.com/start";
inline constexpr const char* kSsoValidToken = "fakeSsoAccessToken-valid";
inline constexpr const char* kSsoRevokedToken = "fakeSsoAccessToken-expired";  // the portal rejects it

inline CredentialsProviderPtr static_credentials(const ScenarioKey& k, std::string source = "static") {
  auto p = StaticProvider::make(k.id, Secret(k.secret), Secret(k.token), std::nullopt, std::move(source));
  if (!p.ok()) throw std::runtime_error("static credentials: " + p.error().message);
  return p.value();
}

// --- environment --------------------------------------------------------------

// ScopedEnv (no AWS credential variables, no HOME) plus: no endpoint or retry
// overrides from the host, and loopback never sent through a proxy.
class CleanEnv : public ScopedEnv {
 public:
  CleanEnv() {
    std::vector<std::string> names;
    for (char** e = environ; e && *e; ++e) {
      std::string entry(*e);
      std::string name = entry.substr(0, entry.find('='));
      if (name.rfind("AWS_ENDPOINT_URL", 0) == 0) names.push_back(name);
    }
    for (const auto& n : names) unset(n);
    for (const char* v : {"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                          "AWS_STS_REGIONAL_ENDPOINTS", "AWS_SDK_LOAD_CONFIG"})
      unset(v);
    set("NO_PROXY", "127.0.0.1,localhost");
    set("no_proxy", "127.0.0.1,localhost");
  }
};

// --- clients ------------------------------------------------------------------

inline EndpointOverrides fake_endpoints(const FakeAws& fake) {
  EndpointOverrides o;
  o.global = fake.url();
  return o;
}

inline ClientConfig fake_config(const FakeAws& fake, RetryConfig retry = {}, std::string region = "us-east-1") {
  ClientConfig c;
  c.region = std::move(region);
  c.endpoints = fake_endpoints(fake);
  c.retry = retry;
  return c;
}

// --- botocore's service models (the ones fakeaws serves) ---------------------

// botocore's data directory: Debian's python3-botocore, else wherever python3 finds it.
inline std::string botocore_data_dir() {
  static const std::string dir = [] {
    std::string debian = "/usr/lib/python3/dist-packages/botocore/data";
    if (std::filesystem::is_directory(debian)) return debian;
    std::string out;
    if (FILE* p = ::popen("/usr/bin/python3 -c 'import botocore, os; print(os.path.dirname(botocore.__file__))'", "r")) {
      char buf[512];
      while (std::fgets(buf, sizeof buf, p)) out += buf;
      ::pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out + "/data";
  }();
  return dir;
}

// The newest API version of a botocore service ("iam", "ec2"), parsed once.
inline const ServiceModel& botocore_model(const std::string& service) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<ServiceModel>> cache;
  std::lock_guard lock(mu);
  auto& slot = cache[service];
  if (!slot) {
    std::filesystem::path newest;
    for (const auto& e : std::filesystem::directory_iterator(botocore_data_dir() + "/" + service))
      if (e.is_directory() && e.path().filename() > newest.filename()) newest = e.path();
    std::ifstream in(newest / "service-2.json");
    if (!in) throw std::runtime_error("no botocore model for " + service + " in " + botocore_data_dir());
    json doc = json::parse(in);
    slot = std::make_unique<ServiceModel>();
    slot->metadata = doc["metadata"];
    slot->shapes = doc["shapes"];
    slot->operations = doc["operations"];
  }
  return *slot;
}

// --- fakeaws' request log -----------------------------------------------------

struct LoggedRequest {
  std::string service, action, region, access_key_id, error, fault;
  std::string status;  // "200", "403", "dropped", "200 (malformed)"
  std::string time;
};

inline std::vector<LoggedRequest> logged_requests(FakeAws& fake) {
  json doc = json::parse(fake.requests());
  auto str = [](const json& j, const char* k) -> std::string {
    if (!j.contains(k) || j[k].is_null()) return "";
    return j[k].is_string() ? j[k].get<std::string>() : j[k].dump();
  };
  std::vector<LoggedRequest> out;
  for (const json& r : doc["requests"])
    out.push_back({str(r, "service"), str(r, "action"), str(r, "region"), str(r, "access_key_id"), str(r, "error"),
                   str(r, "fault"), str(r, "status"), str(r, "time")});
  return out;
}

// Waits until fakeaws has logged `n` requests (it logs each as it answers, so
// a request the client gave up on shows up late); false after `timeout`.
inline bool wait_for_requests(FakeAws& fake, size_t n, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (logged_requests(fake).size() < n) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// One line per request, for failure messages (no secrets: fakeaws logs none).
inline std::string describe_log(const std::vector<LoggedRequest>& log) {
  std::string out;
  for (const auto& r : log)
    out += "  " + r.time + " " + r.service + ":" + r.action + " " + r.region + " key=" + r.access_key_id + " -> " + r.status + " " +
           r.error + (r.fault.empty() ? "" : " [" + r.fault + "]") + "\n";
  return out;
}

inline size_t count_requests(const std::vector<LoggedRequest>& log, const std::string& action,
                             const std::string& error = "*") {
  size_t n = 0;
  for (const auto& r : log)
    if (r.action == action && (error == "*" || r.error == error)) ++n;
  return n;
}

// ISO 8601 time `seconds` from now (negative: in the past).
inline std::string iso_from_now(long long seconds) {
  return format_iso8601(Clock::now() + std::chrono::seconds(seconds));
}

}  // namespace cloudpeek::testing
