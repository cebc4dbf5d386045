#include "aws/client/timer_queue.h"

namespace cloudpeek {

TimerQueue::TimerQueue() : worker_([this] { run(); }) {}

TimerQueue::~TimerQueue() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void TimerQueue::post(std::function<void()> fn, std::chrono::milliseconds delay) {
  {
    std::lock_guard lock(mu_);
    tasks_.push(Task{std::chrono::steady_clock::now() + delay, seq_++, std::move(fn)});
  }
  cv_.notify_all();
}

void TimerQueue::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (tasks_.empty()) {
      if (stopping_) return;
      cv_.wait(lock);
      continue;
    }
    auto when = tasks_.top().when;
    // When stopping, run the remaining tasks at once so every callback fires.
    if (!stopping_ && std::chrono::steady_clock::now() < when) {
      cv_.wait_until(lock, when);
      continue;
    }
    auto fn = std::move(const_cast<Task&>(tasks_.top()).fn);
    tasks_.pop();
    lock.unlock();
    fn();
    lock.lock();
  }
}

}  // namespace cloudpeek
