// The IAM engine's view of one scan's inventory (iam/authorization_data.h,
// iam/graph.h), built once and shared by the checks that read it: building the
// principal graph evaluates every escalation technique for every principal, so
// it must not happen once per resource.
//
// The memo keys on the Inventory's address plus, for every type the engine
// reads, its count, where its listing lives and whether it has a gap: while a
// scan runs, the inventory object stays put, and every check that uses the
// memo declares iam_graph_types() as context, so it runs once they are all
// collected and they all see one key: one build per scan. (A check that did
// not wait for Lambda and EC2 would see the key change as they arrive, and
// rebuild.) At most two analyses are kept.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "iam/authorization_data.h"
#include "iam/graph.h"

namespace cloudpeek::checks {

struct IamAnalysis {
  explicit IamAnalysis(iam::AuthorizationData d);
  iam::AuthorizationData data;         // must not move: the graph points into it
  std::unique_ptr<iam::Graph> graph;
};

// The analysis of `inventory`, built on first use and reused while its IAM
// types are unchanged. Thread-safe.
std::shared_ptr<const IamAnalysis> iam_analysis(const Inventory& inventory);

// How many analyses were built since the program started (for tests).
std::size_t iam_analysis_builds();
// How many analyses the memo holds now (for tests).
std::size_t iam_analyses_held();

// The IAM listings the graph is built from (users, groups, roles, managed and
// inline policies), and with them the workloads (Lambda functions, EC2
// instances) that escalation techniques reach.
const std::vector<std::string>& iam_listing_types();
const std::vector<std::string>& iam_graph_types();
// Of those, the ones whose raw the graph reads (users' and roles' permission
// boundaries and instance profiles as GetAccountAuthorizationDetails gives
// them); instances and functions are read from their props.
const std::vector<std::string>& iam_graph_raw_types();

// A NOT_ASSESSED reason when one of `types` has a gap in the inventory.
std::optional<std::string> iam_listing_gap(const Inventory& inventory, const std::vector<std::string>& types);

// The notes of a node that mean its permissions were under-counted (a managed
// policy or a group that was not collected), if any: a PASS on it is not safe.
std::optional<std::string> undercounted(const iam::Node& node);

}  // namespace cloudpeek::checks

namespace cloudpeek::checks {

// The evaluations behind the principal checks (iam_user_* and iam_role_*),
// shared by the user and the role variant of each.
CheckResult effective_admin_result(const Resource& principal, const Inventory& inventory);
CheckResult escalation_result(const Resource& principal, const Inventory& inventory);
// Whether anyone with AWS credentials, in any account, can assume the role
// without a condition CloudPeek cannot decide.
CheckResult public_trust_result(const Resource& role, const Inventory& inventory);

}  // namespace cloudpeek::checks
