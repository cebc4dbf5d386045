#include "collect/direct_context.h"

#include "aws/services/service_models.h"

namespace cloudpeek::collect {

DirectContext::DirectContext(AwsClient& client, std::string account, int workers, std::string partition)
    : client_(client), account_(std::move(account)), partition_(std::move(partition)) {
  inventory_.account = account_;
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this] { worker(); });
}

DirectContext::~DirectContext() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

Result<json> DirectContext::call(std::string_view service, std::string_view operation, const json& params,
                                 const std::string& region) {
  {
    std::lock_guard lock(mu_);
    ++calls_;
  }
  const ServiceModel* model = find_operation_model(service, operation);
  if (!model)
    return make_error(ErrorKind::kInvalidInput, "CloudPeek has no API model for service " + std::string(service) + ".",
                      "Add it to aws/services/collected_services.txt.");
  return client_.call(*model, std::string(operation), params, region);
}

void DirectContext::spawn(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(task));
    ++pending_;
  }
  cv_.notify_one();
}

void DirectContext::emit(Resource resource) {
  std::lock_guard lock(mu_);
  inventory_.add(std::move(resource));
}

void DirectContext::gap(CoverageGap gap) {
  std::lock_guard lock(mu_);
  inventory_.add_gap(std::move(gap));
}

void DirectContext::run(const Collector& collector, const std::string& region) {
  spawn([this, &collector, region] { collector.collect(*this, region); });
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return pending_ == 0; });
}

int DirectContext::calls() const {
  std::lock_guard lock(mu_);
  return calls_;
}

void DirectContext::worker() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_ && queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
    {
      std::lock_guard lock(mu_);
      if (--pending_ == 0) idle_.notify_all();
    }
  }
}

}  // namespace cloudpeek::collect
