// A check: its metadata beside a pure function from one resource (and the
// inventory, for context) to PASS, FAIL or NOT_ASSESSED. A check never calls
// AWS. Each check lives in its own file and registers itself:
//
//   namespace {
//   CheckResult evaluate(const Resource& bucket, const Inventory& inv) { ... }
//   const RegisterCheck reg({.meta = {...}, .evaluate = evaluate});
//   }
//
// Missing data is never a PASS: when a property the check reads is in
// Resource::missing, or a context type's listing has a gap, the check returns
// not_assessed(reason) naming what was missing.
//
// A resource outside the check's scope (a Network Load Balancer for a check of
// Application Load Balancers, a private hosted zone for public DNS query
// logging) is neither: the check returns not_applicable(reason) and the scan
// records no finding for it, as Security Hub reports NOT_APPLICABLE. A PASS
// there would count a control as met by resources it says nothing about.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/check_metadata.h"
#include "model/finding.h"
#include "model/inventory.h"
#include "model/resource.h"

namespace cloudpeek::checks {

struct CheckResult {
  CheckStatus status = CheckStatus::kNotAssessed;
  std::string detail;
  // False: the resource is outside the check's scope; no finding is made.
  // Its status is then NOT_ASSESSED, so a caller that ignored this flag would
  // say "not assessed", never PASS.
  bool applicable = true;
};

inline CheckResult pass(std::string detail) { return {CheckStatus::kPass, std::move(detail)}; }
inline CheckResult fail(std::string detail) { return {CheckStatus::kFail, std::move(detail)}; }
inline CheckResult not_assessed(std::string detail) { return {CheckStatus::kNotAssessed, std::move(detail)}; }
inline CheckResult not_applicable(std::string why) { return {CheckStatus::kNotAssessed, std::move(why), false}; }

using EvaluateFn = CheckResult (*)(const Resource&, const Inventory&);

struct Check {
  CheckMetadata meta;
  // Other resource types the check reads from the inventory; the scan
  // evaluates it only once their collection is complete.
  std::vector<std::string> context_types;
  // The properties (Resource::props) the check reads, so a scan makes the
  // per-resource calls that fill them only when a selected check reads them
  // (issue 13). "encryption": of its own resource type ("*": all of them); "AWS::S3::Bucket.logging":
  // of a context type; "AWS::S3::AccountPublicAccessBlock.*": all of a type's.
  // Empty: not declared, every property of its own and its context types is
  // read. A declared list is complete: a property left out is not collected
  // when no other selected check reads it, and is then in Resource::missing
  // ("not collected: ..."), so a wrong list gives NOT_ASSESSED, never a PASS.
  std::vector<std::string> reads;
  // The context types whose Resource::raw (what AWS returned verbatim) the
  // check reads. Unset: all of them. The scan keeps context resources for
  // the whole collection, and raw is most of their size (2,500 EC2 instances
  // held with their DescribeInstances answers took 45 MB), so a check that
  // reads only props says so and the engine keeps them without raw.
  std::optional<std::vector<std::string>> context_raw;
  EvaluateFn evaluate = nullptr;
};

// Every registered check, sorted by id.
const std::vector<const Check*>& all_checks();
const Check* find_check(std::string_view id);

struct RegisterCheck {
  explicit RegisterCheck(Check check);
};

// One finding per resource of the check's type it applies to, plus one
// NOT_ASSESSED per region whose listing of that type is incomplete
// (Inventory::gap).
std::vector<Finding> run_check(const Check& check, const Inventory& inventory);

// The NOT_ASSESSED findings run_check adds: one per region (or once for
// "global") whose listing of the check's type has a gap. The scan engine calls
// this after streaming evaluate_one over the resources.
std::vector<Finding> gap_findings(const Check& check, const Inventory& inventory);

// The finding for one resource (what run_check does per resource); none when
// the check does not apply to it (not_applicable).
std::optional<Finding> evaluate_one(const Check& check, const Resource& resource, const Inventory& inventory);

// Checks may share an analysis of the inventory they are given (the IAM
// principal graph, checks/iam_analysis.h), memoised by its owner, which
// registers how to free the analyses of one inventory. The scan engine calls
// release_shared_analyses when the checks that were ready have run: a later
// one builds it anew, and a scan's memory does not carry it to its end.
using ReleaseSharedAnalyses = void (*)(const Inventory& inventory);
struct RegisterSharedAnalysis {
  explicit RegisterSharedAnalysis(ReleaseSharedAnalyses release);
};
void release_shared_analyses(const Inventory& inventory);

}  // namespace cloudpeek::checks
