// Many AwsClient::call_async at once, and what came back. Tests only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aws/client/client.h"

namespace cloudpeek::testing {

struct BatchResult {
  std::vector<json> values;    // successes, in completion order
  std::vector<Error> errors;   // failures, in completion order
  bool timed_out = false;      // not every callback ran within the deadline
  std::chrono::milliseconds elapsed{0};
};

// Issues `n` calls of `operation` without waiting, then waits (up to `deadline`)
// for every callback. The shared state outlives a timed-out wait, so late
// callbacks never touch a dead stack frame.
inline BatchResult call_batch(AwsClient& client, const ServiceModel& model, const std::string& operation, int n,
                              std::chrono::seconds deadline = std::chrono::seconds(60),
                              const std::string& region = {}) {
  struct State {
    std::mutex mu;
    std::condition_variable cv;
    BatchResult result;
    int done = 0;
  };
  auto state = std::make_shared<State>();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    client.call_async(model, operation, json::object(), region, [state](Result<json> r) {
      std::lock_guard lock(state->mu);
      if (r.ok()) state->result.values.push_back(std::move(r).value());
      else state->result.errors.push_back(std::move(r).error());
      ++state->done;
      state->cv.notify_all();
    });
  }
  std::unique_lock lock(state->mu);
  bool all = state->cv.wait_for(lock, deadline, [&] { return state->done == n; });
  BatchResult out = state->result;
  out.timed_out = !all;
  out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return out;
}

}  // namespace cloudpeek::testing
