// WorkPool: a fixed set of threads sized for I/O-bound work (collectors block
// in AWS calls). submit() only enqueues, never runs a task inline, so a task
// that spawns others cannot deadlock the pool.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cloudpeek::scan {

class WorkPool {
 public:
  explicit WorkPool(int threads);
  ~WorkPool();  // runs what is queued, then joins
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  void submit(std::function<void()> task);
  // Blocks until no task is queued or running.
  void wait_idle();

 private:
  void worker();
  std::mutex mu_;
  std::condition_variable work_, idle_;
  std::deque<std::function<void()>> queue_;
  int pending_ = 0;  // queued + running
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace cloudpeek::scan
