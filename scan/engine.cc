#include "scan/engine.h"

#include "aws/endpoints/endpoints.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <limits>
#include <optional>
#include <set>
#include <shared_mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "aws/services/service_models.h"
#include "checks/check.h"
#include "collect/collector.h"
#include "model/inventory.h"
#include "scan/check_selection.h"
#include "scan/priority_gate.h"
#include "scan/rate_limits.h"
#include "scan/rate_limits_shared.h"
#include "scan/work_pool.h"

namespace cloudpeek::scan {

namespace {

using collect::Collector;
using checks::Check;

// One collector in one region, and the tasks it has spawned that are still
// queued or running: when none is left, the run is complete.
struct CollectorRun {
  const Collector* collector = nullptr;
  std::string region;
  ScanProgress::Unit* unit = nullptr;  // its service and region in the progress
  std::atomic<int> pending{0};  // spawned tasks not finished (queued here, queued in the pool, running)
  // Microseconds per call at the slowest rate limit of the APIs it calls (its
  // service's slowest to begin with; raised by every call of a slower API).
  std::atomic<long> us_per_call{50'000};
  std::atomic<bool> listed{false};  // its first task (the collector's collect(), the listing) has returned
  // Its tasks started after the listing that have run, and their time, waits included.
  std::atomic<long> tasks_done{0}, task_us{0};
  // At most max_tasks_per_run of its tasks are in the pool at once; the rest
  // wait here, so one collector fanning out over thousands of resources
  // shares the workers with the others instead of filling the pool's queue.
  std::mutex mu;
  std::deque<std::function<void()>> held;
  int in_pool = 0;
  // Its tasks running now (guarded by mu). Once one of its calls had to wait
  // for a rate-limit token (token_bound), at most kTokenBoundTasks run at
  // once and the next ones wait in `held`: every task waiting for a token
  // holds a paused thread and the pool starts another to keep the work going
  // (issue 13: ~230 threads, mostly a few slow-rate fan-outs' tasks queued
  // for tokens, each with its stack and its malloc thread cache).
  int running = 0;
  std::atomic<bool> token_bound{false};
};

// Enough to keep a slow bucket's schedule booked ahead (at 15/s, a task's
// two calls of ~100 ms at AWS leave five of eight waiting) while the tasks
// that got their token make their calls.
constexpr int kTokenBoundTasks = 8;

thread_local CollectorRun* current_run = nullptr;

// One selected check: ready once every context type is complete; until then
// resources of its type wait in `buffer`, or, when the type is itself kept as
// context (from_inventory), in the context inventory alone.
struct CheckState {
  const Check* check = nullptr;
  std::mutex mu;
  bool ready = false;
  int waiting = 0;  // context types not yet complete (guarded by the engine's types mutex)
  // Shared with the other checks of the type that wait: one copy per resource, not one per check.
  std::vector<std::shared_ptr<const Resource>> buffer;
  // Its type is a context type and the inventory's copy holds all it reads
  // (props, and raw when it does not declare its reads): what arrives before
  // it is ready is judged from the inventory, not copied into `buffer` (issue
  // 13: 1,100 IAM principals, 2,500 EC2 instances and 500 S3 buckets were
  // each held twice, in a check's buffer and as context). Set before the scan starts.
  bool from_inventory = false;
  // How many resources of its type the inventory held when it became ready:
  // make_ready judges those, emit() the ones added later (guarded by mu).
  size_t ready_at = 0;
  std::string not_assessed_reason;  // the first NOT_ASSESSED finding's detail (guarded by mu)
  std::atomic<uint64_t> pass{0}, fail{0}, not_assessed{0};
};

Error cancelled_error(std::string_view service, std::string_view operation) {
  Error e = make_error(ErrorKind::kCancelled,
                       "The scan was cancelled before " + collect::iam_action(service, operation) + " was answered.");
  e.code = "Cancelled";
  return e;
}

// "ec2" from "AWS::EC2::Instance".
std::string service_of_type(const std::string& type) {
  auto a = type.find("::");
  auto b = a == std::string::npos ? std::string::npos : type.find("::", a + 2);
  std::string s = b == std::string::npos ? type : type.substr(a + 2, b - a - 2);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s.empty() ? "account" : s;
}

}  // namespace

class ScanEngine::Run : public collect::CollectContext {
 public:
  Run(ScanEngine& engine, FindingSink& findings, ResourceSink* resources)
      : e_(engine),
        findings_(findings),
        resources_(resources),
        limiters_(shared_rate_limiters(engine.identity_.account, engine.options_.rate_limits)),
        in_flight_(std::max(1, engine.options_.max_in_flight)),
        pool_(engine.options_.workers, engine.options_.max_threads) {
    inventory_.account = e_.identity_.account;
  }

  ScanResult execute();

  const std::string& account() const override { return e_.identity_.account; }
  const std::string& partition() const override { return e_.identity_.partition; }
  Result<json> call(std::string_view service, std::string_view operation, const json& params,
                    const std::string& region) override;
  void spawn(std::function<void()> task) override;
  void emit(Resource resource) override;
  void gap(CoverageGap gap) override;
  bool needs(std::string_view type, std::string_view property) const override;

 private:
  // How long a call AWS keeps throttling is sent again (each time with the client's retries).
  static constexpr std::chrono::minutes kThrottledPatience{2};
  Result<json> send(TokenBucket& bucket, const ServiceModel& model, std::string_view service,
                    std::string_view operation, const json& params, const std::string& region,
                    std::chrono::steady_clock::time_point first_sent, bool& resend);
  void resolve_regions();
  void plan();
  void start_run(CollectorRun& run);
  void submit(CollectorRun* run, std::function<void()> task);
  long priority(const CollectorRun* run) const;
  // A run still listing: its fan-out, unknown yet, is taken to last 10 s.
  static constexpr long kListingUs = 10'000'000;
  void run_task(CollectorRun* run, std::function<void()>& task);
  void finish_run(CollectorRun& run);
  void make_ready(CheckState& s);
  // The finding of one check on one resource; inv_mu_ is held (shared) by the caller.
  std::optional<Finding> finding_for(CheckState& s, const Resource& r);
  // make_ready for each, then, when no other batch is being judged, frees
  // the analyses the checks shared (checks::release_shared_analyses): a
  // batch judged on another thread meanwhile keeps using its analysis.
  void judge(const std::vector<CheckState*>& ready);
  void evaluate(CheckState& s, const Resource& r);
  // evaluate() on the index'th resource of the check's type in the context inventory.
  void evaluate_stored(CheckState& s, size_t index);
  void emit_finding(CheckState& s, Finding f);
  void add_region_gaps(const std::string& region, const std::string& opt_in);

  ScanEngine& e_;
  FindingSink& findings_;
  ResourceSink* resources_;
  // Shared with the other scans of this account in the process (AWS meters per account).
  std::shared_ptr<RateLimiters> limiters_;
  PriorityGate in_flight_;
  std::atomic<uint64_t> calls_{0};
  const uint64_t client_retries_base_ = e_.client_.retries();  // the client may have served earlier scans

  ScanResult result_;
  std::vector<std::string> regions_;  // scanned

  // The context inventory: context-type resources, every gap, the regions.
  std::shared_mutex inv_mu_;
  Inventory inventory_;

  std::vector<const Collector*> collectors_;
  std::vector<std::unique_ptr<CollectorRun>> runs_;
  std::vector<std::unique_ptr<CheckState>> checks_;
  std::map<std::string, std::vector<CheckState*>, std::less<>> checks_by_type_;
  std::set<std::string, std::less<>> context_types_;
  std::set<std::string, std::less<>> context_raw_;  // context types kept with their raw (Check::context_raw)
  // What the selected checks read of each type they read (Check::reads).
  struct TypeReads {
    bool all = false;
    std::set<std::string, std::less<>> props;
  };
  std::map<std::string, TypeReads, std::less<>> reads_;

  std::mutex types_mu_;
  std::mutex judging_mu_;
  int judging_ = 0;  // batches in judge() (guarded by judging_mu_)
  std::map<std::string, int, std::less<>> producers_left_;  // type → runs producing it not yet complete
  std::map<std::string, std::vector<CheckState*>, std::less<>> waiting_on_;

  std::mutex counts_mu_;
  std::map<std::string, uint64_t> by_type_, by_service_;

  WorkPool pool_;  // last: its threads are joined before the rest is destroyed
};

ScanEngine::ScanEngine(AwsClient& client, ScanIdentity identity, ScanOptions options)
    : client_(client), identity_(std::move(identity)), options_(std::move(options)) {}

ScanEngine::~ScanEngine() = default;

namespace {

// glibc gives each thread that meets a locked arena a new one, up to 8 per
// core: the scan's hundred-odd I/O-bound threads (they mostly wait; two cores
// run them) spread over 16 heaps, and memory freed in one (a resource once
// judged) was not reused by another (bench/run-scan-bench peak RSS 124 -> 111
// MB with 2 arenas, wall time unchanged). Process-wide, set before the scan's
// threads first allocate; a no-op outside glibc.
void limit_malloc_arenas() {
#if defined(__GLIBC__)
  static const bool once = [] { return mallopt(M_ARENA_MAX, 2) == 1; }();
  (void)once;
#endif
}

// Hands free heap pages back to the system when a batch of checks has run
// (their buffered resources and a released analysis are gone), so what the
// scan allocates afterwards is not added on top of them: free() alone keeps
// the pages.
void return_free_memory() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  if (mallinfo2().fordblks < (8u << 20)) return;  // under 8 MB free: not worth a walk of the heap
  malloc_trim(0);
#endif
}

}  // namespace

ScanResult ScanEngine::run(FindingSink& findings, ResourceSink* resources) {
  limit_malloc_arenas();
  Run run(*this, findings, resources);
  return run.execute();
}

// --- CollectContext ---------------------------------------------------------

Result<json> ScanEngine::Run::call(std::string_view service, std::string_view operation, const json& params,
                                   const std::string& region) {
  const CancelToken& cancel = e_.cancel_;
  if (cancel.cancelled()) return cancelled_error(service, operation);
  const ServiceModel* model = find_operation_model(service, operation);
  if (!model)
    return make_error(ErrorKind::kInvalidInput, "CloudPeek has no API model for service " + std::string(service) + ".",
                      "Add it to aws/services/collected_services.txt.");
  TokenBucket& bucket = limiters_->bucket(service, operation, region);
  if (CollectorRun* run = current_run) {
    long us = static_cast<long>(1e6 / std::max(1e-3, e_.options_.rate_limits.lookup(service, operation).per_second));
    for (long seen = run->us_per_call.load(); us > seen && !run->us_per_call.compare_exchange_weak(seen, us);) {}
  }
  // The client retries a throttled call a few times; when AWS still says no,
  // the bucket slows down and the call goes again (for up to
  // kThrottledPatience), so a limit lower than the table's costs time, not
  // coverage.
  auto first_sent = std::chrono::steady_clock::now();
  for (;;) {
    bool resend = false;
    auto out = send(bucket, *model, service, operation, params, region, first_sent, resend);
    bool throttled = !out && out.error().kind == ErrorKind::kThrottled;
    if (!throttled) bucket.succeeded();
    if (!resend) return out;
    bucket.throttled();
    e_.progress_.retried();
  }
}

Result<json> ScanEngine::Run::send(TokenBucket& bucket, const ServiceModel& model, std::string_view service,
                                   std::string_view operation, const json& params, const std::string& region,
                                   std::chrono::steady_clock::time_point first_sent, bool& resend) {
  const CancelToken& cancel = e_.cancel_;
  {
    // TokenBucket::acquire, with the wait known before it starts.
    auto send_at = bucket.reserve();
    if (cancel.cancelled()) return cancelled_error(service, operation);
    if (std::chrono::steady_clock::now() < send_at) {
      if (CollectorRun* run = current_run) run->token_bound = true;
      // Waiting for a token is not work: the pool lets another thread run meanwhile.
      WorkPool::Pause pause(pool_);
      if (!cancel.sleep_until(send_at)) return cancelled_error(service, operation);
    }
  }
  // The calls of the run with the most rate-limited work left go first (priority()).
  if (!in_flight_.acquire(priority(current_run), cancel)) return cancelled_error(service, operation);
  if (cancel.cancelled()) {
    in_flight_.release();
    return cancelled_error(service, operation);
  }

  struct Pending {
    std::mutex mu;
    std::condition_variable cv;
    std::optional<Result<json>> result;
  };
  auto pending = std::make_shared<Pending>();
  ++calls_;
  e_.progress_.call_started();
  // Only the "organizations" collector's reads (the member's place and the
  // policies above it); "organizations-admin" judges the organization itself,
  // in the management account's scan, and still sees a member's own denial.
  const bool org_read = e_.organization_client_ && current_run && current_run->collector &&
                        current_run->collector->service == "organizations" && service == "organizations";
  AwsClient& client = org_read ? *e_.organization_client_ : e_.client_;
  client.call_async(model, std::string(operation), params, region, [pending](Result<json> r) {
    std::lock_guard lock(pending->mu);
    pending->result.emplace(std::move(r));
    pending->cv.notify_all();
  });
  std::optional<Result<json>> out;
  {
    std::unique_lock lock(pending->mu);
    // A cancelled scan abandons the call: its answer, when it comes, is dropped.
    while (!pending->result && !cancel.cancelled()) pending->cv.wait_for(lock, std::chrono::milliseconds(50));
    if (pending->result) out.emplace(std::move(*pending->result));
  }
  if (!out) out.emplace(cancelled_error(service, operation));
  // Still throttled after the client's retries: sent again while patience
  // lasts, so this answer is a retry, not a failed call (issue 9: "23 failed
  // calls" next to 1 coverage gap).
  resend = !out->ok() && out->error().kind == ErrorKind::kThrottled && !cancel.cancelled() &&
           std::chrono::steady_clock::now() - first_sent <= kThrottledPatience;
  // Counted as finished before the slot is freed, so the in-flight counter never exceeds the cap.
  e_.progress_.client_retries(e_.client_.retries() - client_retries_base_);
  e_.progress_.call_finished(!out->ok() && !resend, current_run ? current_run->unit : nullptr);
  in_flight_.release();
  return std::move(*out);
}

void ScanEngine::Run::spawn(std::function<void()> task) {
  CollectorRun* run = current_run;
  if (run) ++run->pending;  // the spawning task still holds its own count, so this never revives a finished run
  submit(run, std::move(task));
}

void ScanEngine::Run::submit(CollectorRun* run, std::function<void()> task) {
  e_.progress_.task_added(run ? run->unit : nullptr);  // known work, until run_task has done it
  if (run) {
    std::lock_guard lock(run->mu);
    if (run->in_pool >= std::max(1, e_.options_.max_tasks_per_run) ||
        (run->token_bound && run->in_pool >= kTokenBoundTasks)) {
      run->held.push_back(std::move(task));
      return;
    }
    ++run->in_pool;
  }
  pool_.submit([this, run, task = std::move(task)]() mutable { run_task(run, task); }, priority(run));
}

long ScanEngine::Run::priority(const CollectorRun* run) const {
  // The scan ends when its longest run ends, so runs go by how long their
  // outstanding work still takes (in microseconds), longest first: tasks left
  // x time per call at their slowest rate limit, or, when that is longer,
  // tasks left x their tasks' mean time / the tasks it may run at once. So a
  // fan-out behind Lambda's 15/s (364 GetPolicy calls: 24 s) or Route 53's
  // 5/s, or the S3 per-bucket one (500 buckets of ~11 calls each, 32 at a
  // time: 12 s), goes ahead of the many short ones, which fill the gaps
  // around it (issue 13: GetPolicy started 6-10 s in, behind 700 listings
  // and the S3 fan-out). A run still listing counts as kListingUs: what it
  // will find is unknown and its listing discovers the work, so listings go
  // before fan-outs of under 10 s; a global collector's first (S3, IAM,
  // Route 53: the whole account's resources in one run, at most
  // max_tasks_per_run at a time, where a regional service spreads them over
  // a run per region), then the slowest-rate services'. The engine's own
  // calls (DescribeRegions) come before everything.
  if (!run) return std::numeric_limits<long>::max();
  long per_call = run->us_per_call.load();
  // Among listings, a collector that lists more resource types (EC2: some
  // thirty, each its own paged listing, then the per-snapshot share reads
  // behind EC2's rate) goes before those listing one or two.
  if (!run->listed)
    return kListingUs * (run->collector->global ? 2 : 1) +
           per_call * static_cast<long>(std::max<size_t>(1, run->collector->produces.size()));
  long tasks = std::max(1, run->pending.load());
  long done = run->tasks_done.load();
  long per_task = done > 0 ? run->task_us.load() / done / std::max(1, e_.options_.max_tasks_per_run) : 0;
  return tasks * std::max(per_call, per_task);
}

void ScanEngine::Run::emit(Resource resource) {
  e_.progress_.resource();
  {
    std::lock_guard lock(counts_mu_);
    ++by_type_[resource.type];
    ++by_service_[current_run ? current_run->collector->service : service_of_type(resource.type)];
  }
  if (resources_) resources_->on_resource(resource);
  auto it = checks_by_type_.find(resource.type);
  bool checked = it != checks_by_type_.end();
  bool stored_checks = false;  // some check of the type judges it from the inventory
  if (checked) {
    // At most two copies for all the checks that wait: with AWS's raw answer
    // for those that do not declare what they read, without it for those that
    // do (issue 13: the 500 buckets of the benchmark waited for the S3 run to
    // end, once for each of some 20 checks, raw included).
    std::shared_ptr<const Resource> with_raw, without_raw;
    for (CheckState* s : it->second) {
      if (s->from_inventory) {
        stored_checks = true;
        continue;  // below, once the resource is in the inventory
      }
      {
        std::lock_guard lock(s->mu);
        if (!s->ready) {
          // Held until its context is complete (2,500 EC2 instances wait for
          // the SSM managed nodes of every region): a check that declares what
          // it reads reads props, so the copy goes without AWS's raw answer.
          bool raw = s->check->reads.empty();
          auto& held = raw ? with_raw : without_raw;
          if (!held) {
            Resource copy = raw ? resource : Resource{};
            if (!raw) {
              json kept_raw = std::move(resource.raw);  // not copied only to be dropped
              copy = resource;
              resource.raw = std::move(kept_raw);
            }
            held = std::make_shared<const Resource>(std::move(copy));
          }
          s->buffer.push_back(held);
          e_.progress_.buffered(1);
          continue;
        }
      }
      evaluate(*s, resource);
    }
  }
  if (!context_types_.count(resource.type)) return;
  if (!context_raw_.count(resource.type)) resource.raw = json();  // no selected check reads it: not held
  size_t index;
  {
    std::unique_lock lock(inv_mu_);
    index = inventory_.of_type(resource.type).size();
    inventory_.add(std::move(resource));
    e_.progress_.retained();
  }
  if (!stored_checks) return;
  // Added before looking at whether the check is ready, so either make_ready
  // counted it in ready_at (and judges it) or it is judged here: never both,
  // never neither.
  for (CheckState* s : it->second) {
    if (!s->from_inventory) continue;
    bool mine;
    {
      std::lock_guard lock(s->mu);
      mine = s->ready && index >= s->ready_at;
    }
    if (mine) evaluate_stored(*s, index);
  }
}

bool ScanEngine::Run::needs(std::string_view type, std::string_view property) const {
  auto it = reads_.find(type);
  // No selected check reads this type: it is collected for the inventory, whole.
  if (it == reads_.end()) return true;
  return it->second.all || it->second.props.count(property) > 0;
}

void ScanEngine::Run::gap(CoverageGap gap) {
  // A global collector runs in the home region, but what it misses is missing everywhere.
  if (current_run && current_run->collector->global && gap.region == current_run->region) gap.region = "global";
  e_.progress_.gap(current_run ? current_run->unit : nullptr);
  std::unique_lock lock(inv_mu_);
  inventory_.add_gap(std::move(gap));
}

// --- regions and plan ---------------------------------------------------------

void ScanEngine::Run::resolve_regions() {
  const ScanOptions& o = e_.options_;
  auto answer = call("ec2", "DescribeRegions", json{{"AllRegions", true}}, o.home_region);
  std::map<std::string, std::string> opt_in;  // region → OptInStatus
  if (answer) {
    for (const auto& r : answer->value("Regions", json::array())) {
      std::string name = r.value("RegionName", "");
      // Some endpoints list every partition's regions: only the credentials' own belong in the scan.
      if (partition_of(name).id != e_.identity_.partition) continue;
      opt_in[name] = r.value("OptInStatus", "opt-in-not-required");
    }
  } else {
    collect::record_failure(*this, answer.error(), "ec2", "DescribeRegions", o.home_region, {});
  }
  std::set<std::string> in_scope;
  if (!o.regions.empty()) {
    for (const auto& name : o.regions) {
      auto it = opt_in.find(name);
      if (partition_of(name).id != e_.identity_.partition) {
        result_.regions_skipped.push_back(
            {name, "not in the credentials' partition (" + e_.identity_.partition + "): other credentials reach it"});
      } else if (answer && it == opt_in.end()) {
        result_.regions_skipped.push_back({name, "not a region of this partition (DescribeRegions does not list it)"});
      } else if (answer && it->second == "not-opted-in") {
        result_.regions_skipped.push_back({name, "not enabled (not-opted-in)"});
        add_region_gaps(name, it->second);
        in_scope.insert(name);
      } else {
        regions_.push_back(name);
        in_scope.insert(name);
      }
    }
  } else if (answer) {
    for (const auto& [name, status] : opt_in) {
      if (status == "not-opted-in")
        result_.regions_skipped.push_back({name, "not enabled (not-opted-in)"});
      else
        regions_.push_back(name);
    }
  } else {
    regions_.push_back(o.home_region);  // DescribeRegions failed: the gap says so
  }
  for (const auto& r : regions_) in_scope.insert(r);
  std::unique_lock lock(inv_mu_);
  for (const auto& name : in_scope) {
    auto it = opt_in.find(name);
    // "scanned" in the inventory means in scope: a named region that is not
    // enabled is in scope, and its gaps make its checks NOT_ASSESSED.
    inventory_.regions.push_back({name, it == opt_in.end() ? "" : it->second, true});
  }
  for (const auto& [name, status] : opt_in)
    if (!in_scope.count(name)) inventory_.regions.push_back({name, status, false});
}

void ScanEngine::Run::add_region_gaps(const std::string& region, const std::string& opt_in) {
  for (const Collector* c : collectors_) {
    if (c->global) continue;
    CoverageGap g;
    g.service = c->service;
    g.region = region;
    g.action = collect::iam_action(c->service, "*");
    g.error_kind = "region_not_enabled";
    g.message = "Region " + region + " is not enabled for this account (opt-in status " + opt_in +
                "); enable it under Account settings to scan it.";
    g.resource_types = c->produces;
    gap(std::move(g));
  }
}

void ScanEngine::Run::plan() {
  const ScanOptions& o = e_.options_;
  auto selected = select_checks(CheckFilter::from(o));
  bool narrowed = !o.checks.empty() || !o.services.empty() || o.min_severity || o.cis_only;
  std::set<std::string, std::less<>> needed;
  for (const Check* c : selected) {
    auto state = std::make_unique<CheckState>();
    state->check = c;
    checks_by_type_[c->meta.resource_type].push_back(state.get());
    needed.insert(c->meta.resource_type);
    for (const auto& t : c->context_types) {
      needed.insert(t);
      context_types_.insert(t);
      if (!c->context_raw || std::find(c->context_raw->begin(), c->context_raw->end(), t) != c->context_raw->end())
        context_raw_.insert(t);
    }
    result_.checks_run.push_back(c->meta.id);
    checks_.push_back(std::move(state));
    // Undeclared reads: everything of its type and its context types.
    TypeReads& own = reads_[c->meta.resource_type];
    own.all |= c->reads.empty();
    for (const auto& t : c->context_types) reads_[t].all |= c->reads.empty();
    for (const auto& entry : c->reads) {
      auto dot = entry.rfind('.');
      if (entry.find("::") == std::string::npos || dot == std::string::npos) {
        if (entry == "*")
          own.all = true;
        else
          own.props.insert(entry);
        continue;
      }
      TypeReads& of = reads_[entry.substr(0, dot)];
      std::string prop = entry.substr(dot + 1);
      if (prop == "*")
        of.all = true;
      else
        of.props.insert(std::move(prop));
    }
  }
  for (const Collector* c : collect::all_collectors()) {
    bool wanted = !narrowed || std::find(o.services.begin(), o.services.end(), c->service) != o.services.end() ||
                  std::any_of(c->produces.begin(), c->produces.end(), [&](const std::string& t) { return needed.count(t); });
    if (wanted) collectors_.push_back(c);
  }
}

// --- collector runs -------------------------------------------------------------

void ScanEngine::Run::start_run(CollectorRun& run) {
  run.pending = 1;
  CollectorRun* r = &run;
  submit(r, [this, r] {
    r->collector->collect(*this, r->region);
    r->listed = true;
  });
}

void ScanEngine::Run::run_task(CollectorRun* run, std::function<void()>& task) {
  if (run) {
    // Queued in the pool before its run's calls began to wait for tokens (a
    // fan-out spawns its first 32 at once): it goes back to the front of the
    // run's held tasks instead of pausing one more thread behind the others;
    // a running one hands its place on when it ends.
    std::lock_guard lock(run->mu);
    if (run->token_bound && run->running >= kTokenBoundTasks) {
      run->held.push_front(std::move(task));
      --run->in_pool;
      return;
    }
    ++run->running;
  }
  current_run = run;
  const bool measured = run && run->listed;  // a task of its fan-out
  const auto started = std::chrono::steady_clock::now();
  try {
    task();
  } catch (const std::exception& ex) {
    // A collector bug must not take the scan down: its types become a gap.
    if (run) {
      CoverageGap g;
      g.service = run->collector->service;
      g.region = run->region;
      g.action = collect::iam_action(run->collector->service, "*");
      g.error_kind = "internal_error";
      g.message = "The " + run->collector->service + " collector failed: " + ex.what();
      g.resource_types = run->collector->produces;
      gap(std::move(g));
    }
  }
  current_run = nullptr;
  e_.progress_.task_done(run ? run->unit : nullptr);
  if (!run) return;
  if (measured) {
    run->task_us += std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
    ++run->tasks_done;
  }
  std::function<void()> next;
  {
    std::lock_guard lock(run->mu);
    --run->running;
    // While enough of its tasks run on a slow rate, this one's place is given
    // up: one of theirs goes to the next held task when it ends (running > 0:
    // they are in the pool, so the held tasks are never left behind).
    if (run->held.empty() || (run->token_bound && run->running >= kTokenBoundTasks)) {
      --run->in_pool;
    } else {
      next = std::move(run->held.front());  // takes over this task's place in the pool
      run->held.pop_front();
    }
  }
  if (next) pool_.submit([this, run, next = std::move(next)]() mutable { run_task(run, next); }, priority(run));
  if (--run->pending == 0) finish_run(*run);
}

void ScanEngine::Run::finish_run(CollectorRun& run) {
  e_.progress_.run_done(run.unit);
  std::vector<CheckState*> ready;
  {
    std::lock_guard lock(types_mu_);
    for (const auto& type : run.collector->produces) {
      auto it = producers_left_.find(type);
      if (it == producers_left_.end() || --it->second > 0) continue;
      for (CheckState* s : waiting_on_[type])
        if (--s->waiting == 0) ready.push_back(s);
    }
  }
  if (!ready.empty()) judge(ready);
}

void ScanEngine::Run::judge(const std::vector<CheckState*>& ready) {
  {
    std::lock_guard lock(judging_mu_);
    ++judging_;
  }
  for (CheckState* s : ready) make_ready(*s);
  std::lock_guard lock(judging_mu_);
  if (--judging_ == 0) {
    checks::release_shared_analyses(inventory_);
    return_free_memory();
  }
}

// --- checks ---------------------------------------------------------------------

void ScanEngine::Run::make_ready(CheckState& s) {
  std::vector<std::shared_ptr<const Resource>> buffered;
  size_t stored = 0;
  {
    // inv_mu_ before s.mu (emit_finding takes s.mu alone): ready_at counts
    // exactly the resources added before the check became ready.
    std::shared_lock inv(inv_mu_);
    std::lock_guard lock(s.mu);
    if (s.ready) return;
    s.ready = true;
    buffered.swap(s.buffer);
    if (s.from_inventory) stored = s.ready_at = inventory_.of_type(s.check->meta.resource_type).size();
  }
  e_.progress_.buffered(-static_cast<int64_t>(buffered.size()));
  for (auto& r : buffered) {
    evaluate(s, *r);
    r.reset();  // the last check to judge it frees it
  }
  for (size_t i = 0; i < stored; ++i) evaluate_stored(s, i);
}

std::optional<Finding> ScanEngine::Run::finding_for(CheckState& s, const Resource& r) {
  try {
    return checks::evaluate_one(*s.check, r, inventory_);
  } catch (const std::exception& ex) {
    auto f = checks::evaluate_one(
        Check{.meta = s.check->meta,
              .evaluate = [](const Resource&, const Inventory&) { return checks::not_assessed(""); }}, r,
        inventory_);
    f->detail = std::string("the check could not evaluate this resource: ") + ex.what();
    return f;
  }
}

void ScanEngine::Run::evaluate(CheckState& s, const Resource& r) {
  std::optional<Finding> f;
  {
    std::shared_lock lock(inv_mu_);
    f = finding_for(s, r);
  }
  if (f) emit_finding(s, std::move(*f));
}

void ScanEngine::Run::evaluate_stored(CheckState& s, size_t index) {
  std::optional<Finding> f;
  {
    // By index under the lock: the type's vector moves as the inventory grows.
    std::shared_lock lock(inv_mu_);
    f = finding_for(s, inventory_.of_type(s.check->meta.resource_type)[index]);
  }
  if (f) emit_finding(s, std::move(*f));
}

void ScanEngine::Run::emit_finding(CheckState& s, Finding f) {
  // Once the scan is cancelled, what it could no longer read says nothing
  // about the account: no NOT_ASSESSED findings ("s3:ListBuckets failed:
  // Cancelled") from then on. PASS and FAIL still count: a check only passes
  // on data it has, so they are as true as in a whole scan.
  if (f.status == CheckStatus::kNotAssessed && e_.cancel_.cancelled()) return;
  switch (f.status) {
    case CheckStatus::kPass: ++s.pass; break;
    case CheckStatus::kFail: ++s.fail; break;
    default:
      if (s.not_assessed++ == 0) {
        std::lock_guard lock(s.mu);
        s.not_assessed_reason = f.detail;
      }
      break;
  }
  e_.progress_.finding(f.status);
  findings_.on_finding(f);
  std::lock_guard lock(counts_mu_);
  ++result_.findings.by_status[f.status];
  ++result_.findings_by_severity[f.severity].by_status[f.status];
  ++result_.findings_by_service[f.service].by_status[f.status];
  ++result_.findings_by_check[f.check_id].by_status[f.status];
}

// --- the scan -------------------------------------------------------------------

ScanResult ScanEngine::Run::execute() {
  ScanProgress& progress = e_.progress_;
  result_.started = std::chrono::system_clock::now();
  result_.account = e_.identity_.account;
  result_.principal_arn = e_.identity_.arn;
  result_.partition = e_.identity_.partition;

  plan();
  progress.set_phase(ScanPhase::kRegions);
  resolve_regions();

  for (const Collector* c : collectors_) {
    std::vector<std::string> where = c->global ? std::vector<std::string>{e_.options_.home_region} : regions_;
    for (const auto& region : where) {
      auto run = std::make_unique<CollectorRun>();
      run->collector = c;
      run->region = region;
      run->unit = progress.unit(c->service, c->global ? "global" : region);
      run->us_per_call = static_cast<long>(1e6 / e_.options_.rate_limits.slowest_rate(c->service));
      ++run->unit->runs_total;
      for (const auto& t : c->produces) ++producers_left_[t];
      runs_.push_back(std::move(run));
    }
  }
  std::vector<CheckState*> ready_now;
  for (auto& s : checks_) {
    const std::string& own = s->check->meta.resource_type;
    s->from_inventory = context_types_.count(own) && (!s->check->reads.empty() || context_raw_.count(own));
    for (const auto& t : s->check->context_types) {
      if (producers_left_[t] > 0) {
        ++s->waiting;
        waiting_on_[t].push_back(s.get());
      }
    }
    if (s->waiting == 0) ready_now.push_back(s.get());
  }
  judge(ready_now);

  progress.set_runs_total(runs_.size());
  progress.set_phase(ScanPhase::kCollecting);
  for (auto& run : runs_) start_run(*run);
  pool_.wait_idle();

  progress.set_phase(ScanPhase::kFinishing);
  {
    std::vector<CheckState*> all;  // only when cancelled can one still wait
    for (auto& s : checks_) all.push_back(s.get());
    judge(all);
  }
  for (auto& s : checks_) {
    std::vector<Finding> gaps;
    {
      std::shared_lock lock(inv_mu_);
      gaps = checks::gap_findings(*s->check, inventory_);
    }
    for (auto& f : gaps) emit_finding(*s, std::move(f));
  }

  result_.cancelled = e_.cancel_.cancelled();
  result_.regions_scanned = regions_;
  result_.gaps = inventory_.gaps();
  if (result_.cancelled)  // calls cut short by the cancellation are not gaps in the account's coverage
    std::erase_if(result_.gaps, [](const CoverageGap& g) { return g.error_kind == to_string(ErrorKind::kCancelled); });
  result_.api_calls = calls_.load();
  result_.resources_by_type = by_type_;
  result_.resources_by_service = by_service_;
  std::vector<CheckCounts> counts;
  for (auto& s : checks_)
    counts.push_back({.check_id = s->check->meta.id, .cis = s->check->meta.cis, .pass = s->pass.load(),
                      .fail = s->fail.load(), .not_assessed = s->not_assessed.load(),
                      .not_assessed_reason = s->not_assessed_reason});
  if (std::any_of(counts.begin(), counts.end(), [](const CheckCounts& c) { return !c.cis.empty(); })) {
    result_.cis_controls = cis_v3_rollup(counts);
    result_.cis_sections = cis_v3_sections_rollup(result_.cis_controls);
  }
  result_.finished = std::chrono::system_clock::now();
  progress.set_phase(result_.cancelled ? ScanPhase::kCancelled : ScanPhase::kDone);
  return std::move(result_);
}

}  // namespace cloudpeek::scan
