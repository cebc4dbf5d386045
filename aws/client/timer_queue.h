// TimerQueue: runs callbacks at a later time on one worker thread. The client
// uses it for retry backoff so that no thread sleeps per request and no work
// (signing, credential refresh) runs on the transport's event loop.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace cloudpeek {

class TimerQueue {
 public:
  TimerQueue();
  ~TimerQueue();  // runs what is due, drops nothing: pending tasks run immediately
  TimerQueue(const TimerQueue&) = delete;
  TimerQueue& operator=(const TimerQueue&) = delete;

  void post(std::function<void()> fn, std::chrono::milliseconds delay = std::chrono::milliseconds(0));

 private:
  struct Task {
    std::chrono::steady_clock::time_point when;
    unsigned long long seq;
    std::function<void()> fn;
    bool operator>(const Task& o) const { return when != o.when ? when > o.when : seq > o.seq; }
  };
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::priority_queue<Task, std::vector<Task>, std::greater<Task>> tasks_;
  unsigned long long seq_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace cloudpeek
