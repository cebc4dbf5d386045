#include "scan/work_pool.h"

#include <algorithm>

namespace cloudpeek::scan {

namespace {
thread_local WorkPool* this_threads_pool = nullptr;
}

WorkPool::WorkPool(int threads, int max_threads)
    : target_(static_cast<size_t>(std::max(1, threads))),
      max_(std::max(target_, static_cast<size_t>(std::max(0, max_threads)))) {
  std::lock_guard lock(mu_);
  for (size_t i = 0; i < target_; ++i) threads_.emplace_back([this] { worker(); });
}

WorkPool::~WorkPool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_.notify_all();
  // No thread starts once stop_ is set, so the list only shrinks from here.
  for (;;) {
    std::thread t;
    {
      std::lock_guard lock(mu_);
      if (threads_.empty()) break;
      t = std::move(threads_.back());
      threads_.pop_back();
    }
    t.join();
  }
}

void WorkPool::start_thread_if_short() {
  // Working threads: all but the paused ones. Short when a task is queued, no
  // thread is free to take it and fewer than target_ are working.
  if (stop_ || queue_.empty() || idle_threads_ > 0) return;
  if (threads_.size() - static_cast<size_t>(paused_) >= target_ || threads_.size() >= max_) return;
  threads_.emplace_back([this] { worker(); });
}

void WorkPool::submit(std::function<void()> task, long priority) {
  {
    std::lock_guard lock(mu_);
    queue_.emplace(priority, std::move(task));
    ++pending_;
    start_thread_if_short();
  }
  work_.notify_one();
}

void WorkPool::wait_idle() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return pending_ == 0; });
}

size_t WorkPool::thread_count() {
  std::lock_guard lock(mu_);
  return threads_.size();
}

WorkPool::Pause::Pause(WorkPool& pool) : pool_(this_threads_pool == &pool ? &pool : nullptr) {
  if (!pool_) return;
  std::lock_guard lock(pool_->mu_);
  ++pool_->paused_;
  pool_->start_thread_if_short();
}

WorkPool::Pause::~Pause() {
  if (!pool_) return;
  std::lock_guard lock(pool_->mu_);
  --pool_->paused_;
}

void WorkPool::worker() {
  this_threads_pool = this;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      ++idle_threads_;
      work_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      --idle_threads_;
      if (queue_.empty()) return;
      task = std::move(queue_.begin()->second);
      queue_.erase(queue_.begin());
      start_thread_if_short();  // more queued than free threads, while some are paused
    }
    task();
    {
      std::lock_guard lock(mu_);
      if (--pending_ == 0) idle_.notify_all();
    }
  }
}

}  // namespace cloudpeek::scan
