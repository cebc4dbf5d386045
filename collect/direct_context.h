// DirectContext: a plain CollectContext — a fixed pool of worker threads,
// every call straight to one AwsClient, resources into an Inventory. Used by
// collector tests against fakeaws; the scan engine (scan/) has its own with
// rate limits and streaming.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "aws/client/client.h"
#include "collect/collector.h"
#include "model/inventory.h"

namespace cloudpeek::collect {

class DirectContext : public CollectContext {
 public:
  DirectContext(AwsClient& client, std::string account, int workers = 8, std::string partition = "aws");
  ~DirectContext() override;

  const std::string& account() const override { return account_; }
  const std::string& partition() const override { return partition_; }
  Result<json> call(std::string_view service, std::string_view operation, const json& params,
                    const std::string& region) override;
  void spawn(std::function<void()> task) override;
  void emit(Resource resource) override;
  void gap(CoverageGap gap) override;

  // Runs the collector for the region and waits for it and all it spawned.
  void run(const Collector& collector, const std::string& region);
  Inventory& inventory() { return inventory_; }
  int calls() const;

 private:
  void worker();

  AwsClient& client_;
  std::string account_;
  std::string partition_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  int pending_ = 0;  // queued + running
  int calls_ = 0;
  bool stop_ = false;
  Inventory inventory_;
  std::vector<std::thread> threads_;
};

}  // namespace cloudpeek::collect
