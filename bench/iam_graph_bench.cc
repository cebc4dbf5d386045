// bench_iam_graph: the IAM analyzer at organisation scale (issue 10 section 5).
//
//   build/bench/bench/bench_iam_graph [--principals 5000] [--policies 20000] [--seed S]
//
// Generates an account's IAM as the collector stores it (collect/iam.h):
// `--principals` users and roles (one user in three), 1 group per 25 users,
// `--policies` customer-managed policies, plus Lambda functions and EC2
// instances that run as roles. The mix is what large accounts hold: most
// policies scoped to named resources, a few with wildcard services, some with
// escalation actions (iam:CreatePolicyVersion, iam:PassRole with a compute
// service, iam:Attach*Policy, ...), a handful of administrators; role trust
// policies naming the account, a service, another principal of the account or
// an outside account.
//
// Then, single-threaded, as a scan's IAM checks do (checks/iam_analysis.cc):
// AuthorizationData::build (every document parsed), Graph::build (every
// principal against every escalation technique and every role it may assume),
// and the shortest path to administrator from every principal. Prints each
// phase's wall and CPU seconds, edges, principals that are or can become
// administrators, and the peak RSS against the goal (under 5 s on one core,
// under 500 MB).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "iam/authorization_data.h"
#include "iam/graph.h"
#include "model/inventory.h"

using namespace cloudpeek;
using json = nlohmann::json;

namespace {

constexpr const char* kAcct = "111122223333";
const std::string kArn = std::string("arn:aws:iam::") + kAcct + ":";

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
double wall_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // KiB on Linux
}

json doc(json statements) { return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}}; }
json allow(json action, json resource = "*") {
  return {{"Effect", "Allow"}, {"Action", std::move(action)}, {"Resource", std::move(resource)}};
}

Resource base(const char* type, std::string arn, std::string name) {
  Resource r;
  r.type = type;
  r.arn = std::move(arn);
  r.account = kAcct;
  r.region = "global";
  r.id = name;
  r.name = std::move(name);
  return r;
}

json attached(const std::vector<std::string>& arns) {
  json a = json::array();
  for (const auto& arn : arns) a.push_back({{"name", arn.substr(arn.rfind('/') + 1)}, {"arn", arn}});
  return a;
}

const char* kServices[] = {"lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
                           "glue.amazonaws.com", "codebuild.amazonaws.com", "cloudformation.amazonaws.com"};
const char* kReadActions[] = {"s3:GetObject", "s3:ListBucket", "dynamodb:GetItem", "dynamodb:Query",
                              "sqs:ReceiveMessage", "sns:Publish", "kms:Decrypt", "logs:PutLogEvents",
                              "ec2:Describe*", "cloudwatch:GetMetricData", "secretsmanager:GetSecretValue"};
const char* kEscalations[][2] = {{"iam:CreatePolicyVersion", ""}, {"iam:AttachUserPolicy", ""},
                                 {"iam:PutRolePolicy", ""},        {"iam:PassRole", "lambda:CreateFunction"},
                                 {"iam:PassRole", "ec2:RunInstances"}, {"iam:UpdateAssumeRolePolicy", ""},
                                 {"lambda:UpdateFunctionCode", ""}, {"iam:CreateAccessKey", ""},
                                 {"iam:PassRole", "cloudformation:CreateStack"}, {"ssm:SendCommand", ""}};

// One customer-managed policy: mostly scoped reads and writes, some risky.
json policy_document(std::mt19937& rng, int i) {
  int kind = static_cast<int>(rng() % 1000);
  json stmts = json::array();
  const std::string bucket = "arn:aws:s3:::bucket-" + std::to_string(i % 997);
  if (kind < 3) {  // 0.3%: administrator
    stmts.push_back(allow("*"));
  } else if (kind < 23) {  // 2%: an escalation technique on *
    const auto& e = kEscalations[rng() % (sizeof kEscalations / sizeof kEscalations[0])];
    json actions = json::array({e[0]});
    if (e[1][0]) actions.push_back(e[1]);
    if (e[1][0] && rng() % 2) actions.push_back("lambda:InvokeFunction");
    stmts.push_back(allow(actions));
  } else if (kind < 80) {  // wildcard service actions
    stmts.push_back(allow(json::array({"s3:*", "dynamodb:*"}), json::array({bucket, bucket + "/*"})));
  } else {
    json actions = json::array();
    for (int k = 0; k < 3; ++k) actions.push_back(kReadActions[rng() % (sizeof kReadActions / sizeof kReadActions[0])]);
    stmts.push_back(allow(actions, json::array({bucket, bucket + "/*"})));
    if (kind % 3 == 0)
      stmts.push_back({{"Effect", "Deny"}, {"Action", "s3:DeleteObject"}, {"Resource", bucket + "/*"},
                       {"Condition", {{"Bool", {{"aws:MultiFactorAuthPresent", "false"}}}}}});
  }
  return doc(stmts);
}

struct Generated {
  Inventory inventory;
  std::size_t users = 0, roles = 0, groups = 0, policies = 0, inline_policies = 0, workloads = 0;
};

Generated generate(std::size_t principals, std::size_t policies, unsigned seed) {
  std::mt19937 rng(seed);
  Generated g;
  std::vector<std::string> policy_arns;
  for (std::size_t i = 0; i < policies; ++i) {
    std::string name = "policy-" + std::to_string(i);
    Resource r = base("AWS::IAM::Policy", kArn + "policy/" + name, name);
    r.props = {{"policy_name", name}, {"aws_managed", false}, {"document", policy_document(rng, static_cast<int>(i))},
               {"attachment_count", 1}};
    policy_arns.push_back(r.arn);
    g.inventory.add(std::move(r));
  }
  g.policies = policies;
  auto some_policies = [&](std::size_t n) {
    std::vector<std::string> v;
    for (std::size_t k = 0; k < n && !policy_arns.empty(); ++k) v.push_back(policy_arns[rng() % policy_arns.size()]);
    return v;
  };
  auto add_inline = [&](const char* type, const std::string& owner, const std::string& owner_arn, json& names) {
    std::string pname = "inline-0";
    names.push_back(pname);
    Resource r = base("AWS::IAM::InlinePolicy", owner_arn + "/inline-policy/" + pname, pname);
    r.props = {{"policy_name", pname}, {"principal_type", type}, {"principal_name", owner},
               {"principal_arn", owner_arn}, {"document", policy_document(rng, static_cast<int>(rng() % 100000))}};
    g.inventory.add(std::move(r));
    ++g.inline_policies;
  };

  std::size_t users = principals / 3, roles = principals - users, groups = std::max<std::size_t>(1, users / 25);
  for (std::size_t i = 0; i < groups; ++i) {
    std::string name = "group-" + std::to_string(i);
    Resource r = base("AWS::IAM::Group", kArn + "group/" + name, name);
    json names = json::array();
    if (i % 4 == 0) add_inline("group", name, r.arn, names);
    r.props = {{"group_name", name}, {"attached_policies", attached(some_policies(2))}, {"inline_policies", names}};
    g.inventory.add(std::move(r));
  }
  std::vector<std::string> user_arns;
  for (std::size_t i = 0; i < users; ++i) {
    std::string name = "user-" + std::to_string(i);
    Resource r = base("AWS::IAM::User", kArn + "user/" + name, name);
    json names = json::array();
    if (i % 5 == 0) add_inline("user", name, r.arn, names);
    r.props = {{"user_name", name}, {"user_id", "AIDA" + std::to_string(i)}, {"path", "/"},
               {"groups", json::array({"group-" + std::to_string(rng() % groups)})},
               {"attached_policies", attached(some_policies(rng() % 3))}, {"inline_policies", names}};
    user_arns.push_back(r.arn);
    g.inventory.add(std::move(r));
  }
  std::vector<std::string> role_names;
  for (std::size_t i = 0; i < roles; ++i) {
    std::string name = "role-" + std::to_string(i);
    Resource r = base("AWS::IAM::Role", kArn + "role/" + name, name);
    r.id = "AROA" + std::to_string(i);
    int t = static_cast<int>(rng() % 100);
    json principal;
    if (t < 45) principal = {{"AWS", kArn + "root"}};
    else if (t < 80) principal = {{"Service", kServices[rng() % (sizeof kServices / sizeof kServices[0])]}};
    else if (t < 95 && !user_arns.empty()) principal = {{"AWS", user_arns[rng() % user_arns.size()]}};
    else principal = {{"AWS", "arn:aws:iam::" + std::to_string(100000000000ULL + rng() % 50) + ":root"}};
    json trust = doc(json::array({{{"Effect", "Allow"}, {"Principal", principal}, {"Action", "sts:AssumeRole"}}}));
    json names = json::array();
    if (i % 3 == 0) add_inline("role", name, r.arn, names);
    r.props = {{"role_name", name}, {"path", "/"}, {"trust_policy", trust},
               {"attached_policies", attached(some_policies(1 + rng() % 3))}, {"inline_policies", names}};
    if (t >= 45 && t < 80) r.raw["InstanceProfileList"] = json::array({{{"Arn", kArn + "instance-profile/" + name}}});
    role_names.push_back(name);
    g.inventory.add(std::move(r));
  }
  g.users = users;
  g.roles = roles;
  g.groups = groups;
  // Workloads that already run as roles (Lambda code and SSM reach them).
  for (std::size_t i = 0; i < roles / 4; ++i) {
    std::string fn = "fn-" + std::to_string(i);
    Resource f = base("AWS::Lambda::Function", std::string("arn:aws:lambda:us-east-1:") + kAcct + ":function:" + fn, fn);
    f.region = "us-east-1";
    std::string role = kArn + "role/" + role_names[rng() % role_names.size()];
    f.props = {{"runtime", "python3.12"}, {"package_type", "Zip"}, {"role", role}};
    g.inventory.add(std::move(f));
    ++g.workloads;
  }
  for (std::size_t i = 0; i < roles / 4; ++i) {
    std::string id = "i-" + std::to_string(i);
    Resource v = base("AWS::EC2::Instance", std::string("arn:aws:ec2:us-east-1:") + kAcct + ":instance/" + id, id);
    v.region = "us-east-1";
    v.props = {{"state", "running"},
               {"iam_instance_profile", kArn + "instance-profile/" + role_names[rng() % role_names.size()]}};
    g.inventory.add(std::move(v));
    ++g.workloads;
  }
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t principals = 5000, policies = 20000;
  unsigned seed = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--principals")) principals = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--policies")) policies = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
    else {
      std::fprintf(stderr, "usage: %s [--principals N] [--policies N] [--seed S]\n", argv[0]);
      return 2;
    }
  }
  if (principals < 3) {
    std::fprintf(stderr, "--principals must be at least 3\n");
    return 2;
  }
  Generated gen = generate(principals, policies, seed);
  const double rss_inventory = peak_rss_mb();
  std::printf("account: %zu users, %zu roles, %zu groups, %zu managed + %zu inline policies, %zu workloads\n", gen.users,
              gen.roles, gen.groups, gen.policies, gen.inline_policies, gen.workloads);
  std::printf("peak RSS after generating the inventory: %.1f MB\n", rss_inventory);

  double w0 = wall_seconds(), c0 = cpu_seconds();
  iam::AuthorizationData data = iam::AuthorizationData::build(gen.inventory);
  double w1 = wall_seconds(), c1 = cpu_seconds();
  const double rss_data = peak_rss_mb();
  auto graph = iam::Graph::build(data);
  double w2 = wall_seconds(), c2 = cpu_seconds();
  const double rss_graph = peak_rss_mb();
  std::size_t admins = 0, escalate = 0, internal = 0, longest = 0;
  for (std::size_t n = 0; n < data.nodes().size(); ++n) {
    if (!data.node(n).internal) continue;
    ++internal;
    auto ps = iam::paths(*graph, n, iam::kAdmin, 1);
    if (ps.empty()) continue;
    if (ps.front().steps.empty()) ++admins;
    else ++escalate;
    longest = std::max(longest, ps.front().steps.size());
  }
  double w3 = wall_seconds(), c3 = cpu_seconds();
  const double peak = peak_rss_mb();

  std::printf("parse (AuthorizationData::build): %.2f s wall, %.2f s CPU, peak RSS +%.1f MB\n", w1 - w0, c1 - c0,
              rss_data - rss_inventory);
  std::printf("graph (Graph::build):             %.2f s wall, %.2f s CPU, peak RSS +%.1f MB, %zu edges over %zu nodes\n",
              w2 - w1, c2 - c1, rss_graph - rss_data, graph->edges().size(), data.nodes().size());
  std::map<std::string, std::size_t> by_kind;
  for (const iam::Edge& e : graph->edges())
    ++by_kind[e.rule ? std::string(e.rule->id) : std::string(iam::to_string(e.kind))];
  std::string kinds;
  for (const auto& [k, c] : by_kind) kinds += (kinds.empty() ? "" : ", ") + k + " " + std::to_string(c);
  std::printf("edges by kind: %s\n", kinds.c_str());
  std::printf("paths (every principal to admin): %.2f s wall, %.2f s CPU\n", w3 - w2, c3 - c2);
  std::printf("principals: %zu, administrators %zu, can escalate %zu, longest shortest path %zu steps\n", internal, admins,
              escalate, longest);
  const double cpu = c3 - c0;
  std::printf("total: %.2f s CPU (goal < 5 s on one core: %.2fx of it), peak RSS %.1f MB (goal < 500 MB: %.2fx; %.1f MB above "
              "the inventory)\n",
              cpu, cpu / 5.0, peak, peak / 500.0, peak - rss_inventory);
  return 0;
}
