// Caches credentials from a refreshable source (AssumeRole, SSO,
// credential_process) and fetches new ones before they expire, as the AWS
// SDKs do:
//  - advisory window (default 5 minutes before expiry): one caller refreshes;
//    if that fails the cached credentials are still served;
//  - mandatory window (default 1 minute before expiry, or already expired):
//    callers wait for the refresh and get its error if it fails.
// Credentials without an expiry are fetched once. Thread-safe; only one
// fetch runs at a time.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "aws/core/credentials.h"

namespace cloudpeek {

using NowFn = std::function<Clock::time_point()>;

struct RefreshWindows {
  std::chrono::seconds advisory = std::chrono::minutes(5);
  std::chrono::seconds mandatory = std::chrono::minutes(1);
  // Shrink the windows for short-lived credentials: at most a quarter
  // (advisory) and an eighth (mandatory) of the lifetime the credentials had
  // when fetched. Without it, keys valid for 2 minutes would be refreshed on
  // every call (IAM Identity Center role keys in tests; AssumeRole allows 15 minutes).
  bool scale_to_lifetime = false;
};

class RefreshingProvider : public CredentialsProvider {
 public:
  using Fetch = std::function<Result<Credentials>()>;
  RefreshingProvider(std::string name, Fetch fetch, NowFn now = {}, RefreshWindows windows = {});

  Result<Credentials> get() override;
  std::string name() const override { return name_; }
  int fetches() const;  // how many times the source was asked (for tests and debug logs)

 private:
  bool fresh(const Credentials& c, std::chrono::seconds window, int divisor, Clock::time_point now) const;

  std::string name_;
  Fetch fetch_;
  NowFn now_;
  RefreshWindows windows_;
  mutable std::mutex mu_;   // guards cached_ and fetches_
  std::mutex refresh_mu_;   // held while fetching
  std::optional<Credentials> cached_;
  Clock::time_point fetched_at_{};
  int fetches_ = 0;
};

}  // namespace cloudpeek
