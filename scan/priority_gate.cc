#include "scan/priority_gate.h"

#include <algorithm>
#include <chrono>

namespace cloudpeek::scan {

PriorityGate::PriorityGate(std::size_t slots) : free_(std::max<std::size_t>(1, slots)) {}

bool PriorityGate::acquire(long priority, const CancelToken& cancel) {
  std::unique_lock lock(mu_);
  // Free and nobody ahead: at once (a waiter is only ever queued while no slot is free).
  if (free_ > 0 && waiters_.empty()) {
    --free_;
    return true;
  }
  if (cancel.cancelled()) return false;
  Waiter me;
  auto it = waiters_.emplace(priority, &me);
  // The cancellation does not signal this waiter's variable: it is looked at
  // once a second, which costs nothing while slots are handed over.
  while (!me.granted) {
    if (cancel.cancelled()) {
      waiters_.erase(it);
      return false;
    }
    me.cv.wait_for(lock, std::chrono::seconds(1));
  }
  return true;  // release() removed it from the queue
}

void PriorityGate::release() {
  std::lock_guard lock(mu_);
  if (waiters_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the best waiter: it cannot be taken by a
  // caller arriving in between.
  auto it = waiters_.begin();
  Waiter* w = it->second;
  waiters_.erase(it);
  w->granted = true;
  w->cv.notify_one();
}

std::size_t PriorityGate::waiting() const {
  std::lock_guard lock(mu_);
  return waiters_.size();
}

}  // namespace cloudpeek::scan
