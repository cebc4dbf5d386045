// Amazon WorkSpaces (regional): WorkSpaces with their volume encryption.
//
// Calls (issue 13): DescribeWorkspaces, paged; it carries the encryption of
// both volumes, so there is no per-WorkSpace call.
//
// AWS::WorkSpaces::Workspace  arn = arn:…:workspaces:<region>:<account>:workspace/<WorkspaceId>,
//                             id = WorkspaceId, name = WorkspaceName, else "<UserName> (<id>)"
//   props.state, props.directory_id
//   props.user_volume_encrypted   UserVolumeEncryptionEnabled (absent: false, AWS's default)
//   props.root_volume_encrypted   RootVolumeEncryptionEnabled (absent: false)
//   props.volume_encryption_key   VolumeEncryptionKey (KMS key), or null
#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

const char kSvc[] = "workspaces";
constexpr const char* kWorkspace = "AWS::WorkSpaces::Workspace";

void collect(CollectContext& ctx, const std::string& region) {
  auto out = call_all_pages(ctx, kSvc, "DescribeWorkspaces", json::object(), region);
  if (!out) {
    record_failure(ctx, out.error(), kSvc, "DescribeWorkspaces", region, {kWorkspace});
    return;
  }
  for (auto& w : (*out)["Workspaces"]) {
    Resource r;
    r.type = kWorkspace;
    r.account = ctx.account();
    r.region = region;
    r.id = w.value("WorkspaceId", "");
    r.arn = "arn:" + ctx.partition() + ":workspaces:" + region + ":" + ctx.account() + ":workspace/" + r.id;
    const std::string name = w.value("WorkspaceName", "");
    r.name = !name.empty() ? name : w.value("UserName", "") + " (" + r.id + ")";
    r.props["state"] = w.value("State", "");
    r.props["directory_id"] = w.value("DirectoryId", "");
    r.props["user_volume_encrypted"] = w.value("UserVolumeEncryptionEnabled", false);
    r.props["root_volume_encrypted"] = w.value("RootVolumeEncryptionEnabled", false);
    const std::string key = w.value("VolumeEncryptionKey", "");
    r.props["volume_encryption_key"] = key.empty() ? json(nullptr) : json(key);
    r.raw = std::move(w);
    ctx.emit(std::move(r));
  }
}

const RegisterCollector reg({.service = "workspaces", .global = false, .produces = {kWorkspace}, .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
