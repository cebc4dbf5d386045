// CancelToken: a flag shared by the scan's workers. Cancelling makes every
// blocking call of a collector return a kCancelled error at once (calls in
// flight are abandoned, their answers dropped), so a cancelled scan ends as
// soon as the tasks already queued have run through.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace cloudpeek::scan {

class CancelToken {
 public:
  CancelToken() : state_(std::make_shared<State>()) {}
  void cancel() const {
    std::lock_guard lock(state_->mu);
    state_->flag.store(true);
    state_->cv.notify_all();
  }
  bool cancelled() const { return state_->flag.load(); }
  // Sleeps until `deadline` or the cancellation, whichever comes first, in one
  // wait: threads waiting for a rate-limit token used to wake every 50 ms to
  // look at the flag, and with a hundred of them parked behind a slow API
  // that was most of a scan's system CPU (issue 13). False when cancelled.
  template <class Clock, class Duration>
  bool sleep_until(std::chrono::time_point<Clock, Duration> deadline) const {
    std::unique_lock lock(state_->mu);
    return !state_->cv.wait_until(lock, deadline, [&] { return state_->flag.load(); });
  }

 private:
  struct State {
    std::atomic<bool> flag{false};
    std::mutex mu;
    std::condition_variable cv;
  };
  std::shared_ptr<State> state_;  // copies share the state
};

}  // namespace cloudpeek::scan
