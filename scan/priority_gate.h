// PriorityGate: at most N holders at once (the AWS calls in flight), and when
// a slot frees up it goes to the waiter with the highest priority, first come
// first served among equals. A counting semaphore hands a freed slot to any
// waiter: at the start of a scan the 700 listings and the S3 per-bucket
// fan-out held the 64 slots while the calls of a slow-rate API (Lambda's
// GetPolicy at 15/s, the scan's critical path) queued behind them (issue 13).
//
// Waiters sleep on their own condition variable until a slot is handed to
// them or the scan is cancelled: no polling, one wake-up per slot.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>

#include "scan/cancel.h"

namespace cloudpeek::scan {

class PriorityGate {
 public:
  explicit PriorityGate(std::size_t slots);
  PriorityGate(const PriorityGate&) = delete;
  PriorityGate& operator=(const PriorityGate&) = delete;

  // Blocks until a slot is this caller's (true) or `cancel` is cancelled (false, no slot taken).
  bool acquire(long priority, const CancelToken& cancel);
  void release();

  std::size_t waiting() const;  // for tests

 private:
  struct Waiter {
    std::condition_variable cv;
    bool granted = false;
  };
  mutable std::mutex mu_;
  std::size_t free_;
  std::multimap<long, Waiter*, std::greater<>> waiters_;  // equal keys keep arrival order
};

}  // namespace cloudpeek::scan
