// CancelToken: a flag shared by the scan's workers. Cancelling makes every
// blocking call of a collector return a kCancelled error at once (calls in
// flight are abandoned, their answers dropped), so a cancelled scan ends as
// soon as the tasks already queued have run through.
#pragma once

#include <atomic>
#include <memory>

namespace cloudpeek::scan {

class CancelToken {
 public:
  CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true); }
  bool cancelled() const { return flag_->load(); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;  // copies share the flag
};

}  // namespace cloudpeek::scan
