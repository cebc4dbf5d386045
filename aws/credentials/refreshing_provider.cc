#include "aws/credentials/refreshing_provider.h"

#include <algorithm>

namespace cloudpeek {

RefreshingProvider::RefreshingProvider(std::string name, Fetch fetch, NowFn now, RefreshWindows windows)
    : name_(std::move(name)), fetch_(std::move(fetch)), now_(now ? std::move(now) : NowFn([] { return Clock::now(); })),
      windows_(windows) {}

bool RefreshingProvider::fresh(const Credentials& c, std::chrono::seconds window, int divisor,
                               Clock::time_point now) const {
  if (!c.expiration) return true;
  Clock::duration w = window;
  if (windows_.scale_to_lifetime && *c.expiration > fetched_at_) w = std::min(w, (*c.expiration - fetched_at_) / divisor);
  return now < *c.expiration - w;
}

int RefreshingProvider::fetches() const {
  std::lock_guard lock(mu_);
  return fetches_;
}

Result<Credentials> RefreshingProvider::get() {
  bool mandatory;
  {
    std::lock_guard lock(mu_);
    Clock::time_point now = now_();
    if (cached_ && fresh(*cached_, windows_.advisory, 4, now)) return *cached_;
    mandatory = !cached_ || !fresh(*cached_, windows_.mandatory, 8, now);
  }

  std::unique_lock refresh(refresh_mu_, std::defer_lock);
  if (mandatory) {
    refresh.lock();
  } else if (!refresh.try_lock()) {
    std::lock_guard lock(mu_);  // another thread is refreshing; the cache is still good
    return *cached_;
  }
  {
    // Someone else may have refreshed while this thread waited.
    std::lock_guard lock(mu_);
    Clock::time_point now = now_();
    if (cached_ && fresh(*cached_, windows_.advisory, 4, now)) return *cached_;
    mandatory = !cached_ || !fresh(*cached_, windows_.mandatory, 8, now);
    ++fetches_;
  }

  Result<Credentials> fetched = fetch_();
  std::lock_guard lock(mu_);
  if (fetched.ok()) {
    cached_ = *fetched;
    fetched_at_ = now_();
    return fetched;
  }
  if (!mandatory && cached_) return *cached_;  // advisory refresh failed: serve what still works
  return fetched;
}

}  // namespace cloudpeek
