// WorkPool: a set of threads sized for I/O-bound work (collectors block in AWS
// calls). submit() only enqueues, never runs a task inline, so a task that
// spawns others cannot deadlock the pool. Queued tasks run highest priority
// first, in submission order among equals.
//
// A task that must wait for something other than its own I/O — a rate-limit
// token, possibly for seconds — says so with a Pause: while it waits the pool
// may start another thread (up to max_threads), so queued tasks of other
// services keep running instead of queueing behind a throttled one.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace cloudpeek::scan {

class WorkPool {
 public:
  // `threads` run tasks at once; paused ones are replaced while the pool has
  // fewer than `max_threads` (at least `threads`).
  explicit WorkPool(int threads, int max_threads = 0);
  ~WorkPool();  // runs what is queued, then joins
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  void submit(std::function<void()> task, long priority = 0);
  // Blocks until no task is queued or running.
  void wait_idle();

  // Marks the calling thread as waiting (not working) for its lifetime. A
  // no-op on threads that are not this pool's.
  class Pause {
   public:
    explicit Pause(WorkPool& pool);
    ~Pause();
    Pause(const Pause&) = delete;
    Pause& operator=(const Pause&) = delete;

   private:
    WorkPool* pool_;
  };

  size_t thread_count();  // for tests and progress: how far the pool grew

 private:
  void worker();
  void start_thread_if_short();  // with mu_ held
  std::mutex mu_;
  std::condition_variable work_, idle_;
  std::multimap<long, std::function<void()>, std::greater<>> queue_;  // equal keys keep insertion order
  int pending_ = 0;  // queued + running
  int idle_threads_ = 0;
  int paused_ = 0;
  size_t target_, max_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace cloudpeek::scan
