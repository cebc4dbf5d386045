// CodeBuild (regional): build projects.
//
// Calls (issue 13: bulk where AWS allows it):
//   ListProjects (paged; the account's own projects, shared ones are ListSharedProjects')
//   → BatchGetProjects, 100 names a call (AWS's maximum). Every CodeBuild check
//   reads its answer, and a type no selected check reads is collected whole,
//   so it is always made. The newest build of each project (ListBuildsForProject
//   per project, BatchGetBuilds per 100) only when a selected check reads
//   last_build_time (CollectContext::needs).
//
// AWS::CodeBuild::Project  arn = arn, id = name = name
//   props.environment_variables  [{name, type}] type PLAINTEXT | PARAMETER_STORE | SECRETS_MANAGER
//   props.env_secret_values      [{name, kind}]: PLAINTEXT variables whose VALUE has the shape of a
//                                credential (collect/credential_shapes.h); the kind, never the value
//   props.privileged_mode        bool (environment.privilegedMode)
//   props.sources                [{id ("primary" or the sourceIdentifier), type, location, credentials}]
//                                credentials: "a user name and password" | "an access token" when the
//                                location URL carries them, else null; the location is kept with its
//                                credentials replaced by "***"
//   props.cloudwatch_logs        bool (logsConfig.cloudWatchLogs.status ENABLED)
//   props.s3_logs                {enabled (bool), encrypted (bool: not encryptionDisabled)}
//   props.artifacts              [{id, type, encrypted}] of the primary and secondary artifacts that
//                                are stored (NO_ARTIFACTS is left out)
//   props.created                ISO 8601 (created)
//   props.last_build_time        ISO 8601 end (else start) of the newest build, null when never built:
//                                ListBuildsForProject (newest first) per project, then BatchGetBuilds for
//                                the batch's newest builds (100 a call); only when a selected check reads it
// Values are dropped here: raw keeps environmentVariables' names and types
// only, and the locations with their credentials replaced.
// When BatchGetProjects fails, the projects it would have described are
// emitted with every property above missing, with the reason.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "collect/collector.h"
#include "collect/credential_shapes.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "codebuild";
constexpr const char* kProject = "AWS::CodeBuild::Project";
constexpr const char* kProps[] = {"environment_variables", "env_secret_values", "privileged_mode", "sources",
                                  "cloudwatch_logs",       "s3_logs",           "artifacts",       "created",
                                  "last_build_time"};

Resource base(CollectContext& ctx, const std::string& region, const std::string& name) {
  Resource r;
  r.type = kProject;
  r.account = ctx.account();
  r.region = region;
  r.id = r.name = name;
  r.arn = "arn:" + ctx.partition() + ":codebuild:" + region + ":" + ctx.account() + ":project/" + name;
  return r;
}

bool token_like(std::string_view s) {
  if (s.size() < 32) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

// The credentials a source URL carries ("https://user:pass@host/..."), and
// the location with them replaced. A user name alone (Bitbucket's
// "https://alice@bitbucket.org/...") is not a credential unless it has a
// token's shape.
std::pair<json, std::string> url_credentials(const std::string& location) {
  size_t scheme = location.find("://");
  if (scheme == std::string::npos) return {nullptr, location};
  size_t start = scheme + 3;
  size_t at = location.find('@', start), slash = location.find('/', start);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return {nullptr, location};
  std::string_view userinfo = std::string_view(location).substr(start, at - start);
  json kind = nullptr;
  if (size_t colon = userinfo.find(':'); colon != std::string_view::npos && colon + 1 < userinfo.size())
    kind = "a user name and password";
  else if (!credential_shape(userinfo).empty() || token_like(userinfo))
    kind = "an access token";
  if (kind.is_null()) return {nullptr, location};
  return {kind, location.substr(0, start) + "***" + location.substr(at)};
}

json source(json& s, const std::string& id) {
  std::string location = s.value("location", "");
  auto [credentials, kept] = url_credentials(location);
  if (s.contains("location")) s["location"] = kept;
  return {{"id", id}, {"type", s.value("type", "")}, {"location", kept}, {"credentials", credentials}};
}

json artifact(const json& a, const std::string& id) {
  return {{"id", id}, {"type", a.value("type", "")}, {"encrypted", !a.value("encryptionDisabled", false)}};
}

Resource make_project(CollectContext& ctx, const std::string& region, json p) {
  Resource r = base(ctx, region, p.value("name", ""));
  r.arn = p.value("arn", r.arn);
  if (p.contains("tags")) r.tags = tags_from_list(p["tags"]);
  json& env = p["environment"];
  if (!env.is_object()) env = json::object();
  r.props["privileged_mode"] = env.value("privilegedMode", false);
  json vars = json::array(), flagged = json::array(), scrubbed = json::array();
  for (const auto& v : env.value("environmentVariables", json::array())) {
    const std::string name = v.value("name", ""), type = v.value("type", "PLAINTEXT");
    vars.push_back({{"name", name}, {"type", type}});
    scrubbed.push_back({{"name", name}, {"type", type}});
    const json value = v.value("value", json());
    if (type == "PLAINTEXT" && value.is_string())
      if (std::string kind = credential_shape(value.get_ref<const std::string&>()); !kind.empty())
        flagged.push_back({{"name", name}, {"kind", kind}});
  }
  if (env.contains("environmentVariables")) env["environmentVariables"] = std::move(scrubbed);
  r.props["environment_variables"] = std::move(vars);
  r.props["env_secret_values"] = std::move(flagged);

  json sources = json::array();
  if (p.contains("source") && p["source"].is_object()) sources.push_back(source(p["source"], "primary"));
  if (p.contains("secondarySources") && p["secondarySources"].is_array())
    for (auto& s : p["secondarySources"]) sources.push_back(source(s, s.value("sourceIdentifier", "secondary")));
  r.props["sources"] = std::move(sources);

  const json logs = p.value("logsConfig", json::object());
  r.props["cloudwatch_logs"] = logs.value("cloudWatchLogs", json::object()).value("status", "DISABLED") == "ENABLED";
  const json s3 = logs.value("s3Logs", json::object());
  r.props["s3_logs"] = {{"enabled", s3.value("status", "DISABLED") == "ENABLED"},
                        {"encrypted", !s3.value("encryptionDisabled", false)}};

  json artifacts = json::array();
  if (const json a = p.value("artifacts", json::object()); a.value("type", "NO_ARTIFACTS") != "NO_ARTIFACTS")
    artifacts.push_back(artifact(a, "primary"));
  for (const auto& a : p.value("secondaryArtifacts", json::array()))
    if (a.value("type", "NO_ARTIFACTS") != "NO_ARTIFACTS")
      artifacts.push_back(artifact(a, a.value("artifactIdentifier", "secondary")));
  r.props["artifacts"] = std::move(artifacts);
  r.props["created"] = iso_timestamp(p.value("created", json()));
  r.raw = std::move(p);
  return r;
}

// The newest build of each project, for the checks that read
// last_build_time: ListBuildsForProject (newest first, one page) per project,
// then one BatchGetBuilds for the whole batch's newest builds (100 ids a call,
// as many as projects in a BatchGetProjects call). The projects are emitted
// when the last lookup is done.
struct LastBuilds {
  std::mutex mu;
  std::vector<Resource> projects;
  std::map<size_t, std::string> newest;  // project index → its newest build id
  size_t pending = 0;
};

void finish_last_builds(CollectContext& ctx, const std::string& region, LastBuilds& st) {
  std::vector<std::string> ids;
  for (const auto& [_, id] : st.newest) ids.push_back(id);
  std::map<std::string, json> time_of;  // build id → when it ran
  if (!ids.empty()) {
    auto out = ctx.call(kSvc, "BatchGetBuilds", json{{"ids", ids}}, region);
    if (!out) {
      std::string reason;
      for (const auto& [i, _] : st.newest) {
        Resource& r = st.projects[i];
        if (reason.empty()) {
          record_missing(ctx, r, "last_build_time", out.error(), kSvc, "BatchGetBuilds");
          reason = r.missing["last_build_time"];
        }
        r.missing["last_build_time"] = reason;
      }
    } else {
      // Only the builds asked for; their environment and logs are not kept.
      for (const auto& b : out->value("builds", json::array())) {
        json t = iso_timestamp(b.value("endTime", json()));
        if (t.is_null()) t = iso_timestamp(b.value("startTime", json()));
        time_of[b.value("id", "")] = t;
      }
    }
  }
  for (size_t i = 0; i < st.projects.size(); ++i) {
    Resource& r = st.projects[i];
    if (!r.missing.count("last_build_time")) {
      auto it = st.newest.find(i);
      if (it == st.newest.end()) {
        r.props["last_build_time"] = nullptr;  // never built
      } else if (auto t = time_of.find(it->second); t != time_of.end() && t->second.is_string()) {
        r.props["last_build_time"] = t->second;
      } else {
        r.missing["last_build_time"] = "codebuild:BatchGetBuilds did not return build " + it->second + " of " + r.name;
      }
    }
    ctx.emit(std::move(r));
  }
}

void lookup_last_builds(CollectContext& ctx, const std::string& region, std::vector<Resource> projects) {
  if (projects.empty()) return;
  if (!ctx.needs(kProject, "last_build_time")) {
    for (auto& r : projects) {
      not_needed(r, "last_build_time");
      ctx.emit(std::move(r));
    }
    return;
  }
  auto st = std::make_shared<LastBuilds>();
  st->pending = projects.size();
  st->projects = std::move(projects);
  for (size_t i = 0; i < st->projects.size(); ++i)
    ctx.spawn([&ctx, region, st, i] {
      const std::string name = st->projects[i].name;
      auto out = ctx.call(kSvc, "ListBuildsForProject", json{{"projectName", name}, {"sortOrder", "DESCENDING"}}, region);
      std::lock_guard<std::mutex> lock(st->mu);
      if (!out) {
        record_missing(ctx, st->projects[i], "last_build_time", out.error(), kSvc, "ListBuildsForProject");
      } else if (const json ids = out->value("ids", json::array()); !ids.empty() && ids.front().is_string()) {
        st->newest[i] = ids.front().get<std::string>();
      }
      if (--st->pending == 0) finish_last_builds(ctx, region, *st);
    });
}

void describe(CollectContext& ctx, const std::string& region, std::vector<std::string> names) {
  auto out = ctx.call(kSvc, "BatchGetProjects", json{{"names", names}}, region);
  if (!out) {
    std::string reason;
    for (const auto& n : names) {
      Resource r = base(ctx, region, n);
      if (reason.empty()) {
        record_missing(ctx, r, kProps[0], out.error(), kSvc, "BatchGetProjects");
        reason = r.missing[kProps[0]];
      }
      for (const char* p : kProps) r.missing[p] = reason;
      ctx.emit(std::move(r));
    }
    return;
  }
  std::vector<Resource> projects;
  if (out->contains("projects") && (*out)["projects"].is_array())
    for (auto& p : (*out)["projects"]) projects.push_back(make_project(ctx, region, std::move(p)));
  // projectsNotFound: deleted between the listing and the description — gone.
  lookup_last_builds(ctx, region, std::move(projects));
}

void collect(CollectContext& ctx, const std::string& region) {
  std::vector<std::string> batch;
  Status listed = for_each_page(ctx, kSvc, "ListProjects", json::object(), region, [&](json& page) {
    for (const auto& n : page.value("projects", json::array()))
      if (n.is_string()) {
        batch.push_back(n.get<std::string>());
        if (batch.size() == 100)
          ctx.spawn([&ctx, region, b = std::exchange(batch, {})]() mutable { describe(ctx, region, std::move(b)); });
      }
  });
  if (!batch.empty()) describe(ctx, region, std::move(batch));
  if (!listed) record_failure(ctx, listed.error(), kSvc, "ListProjects", region, {kProject});
}

const RegisterCollector reg({.service = "codebuild", .global = false, .produces = {kProject}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
