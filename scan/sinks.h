// Where a scan's output streams to while it runs: every resource collected
// (for inventory views and storage) and every finding as it is produced.
// Sinks are called from the scan's worker threads, concurrently: an
// implementation synchronizes itself.
#pragma once

#include <mutex>
#include <vector>

#include "model/finding.h"
#include "model/resource.h"

namespace cloudpeek::scan {

class ResourceSink {
 public:
  virtual ~ResourceSink() = default;
  virtual void on_resource(const Resource& resource) = 0;
};

class FindingSink {
 public:
  virtual ~FindingSink() = default;
  virtual void on_finding(const Finding& finding) = 0;
};

// Keeps every finding (tests, small scans).
class CollectingFindingSink : public FindingSink {
 public:
  void on_finding(const Finding& finding) override {
    std::lock_guard lock(mu_);
    findings_.push_back(finding);
  }
  std::vector<Finding> findings() const {
    std::lock_guard lock(mu_);
    return findings_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<Finding> findings_;
};

}  // namespace cloudpeek::scan
