// The scan's inventory on disk, so `cloudpeek iam` (and anything else that
// reads an account offline) can work from a scan without calling AWS again:
//
//   <output-dir>/resources.json   one JSON object per line, one per resource
//                                 collected: type, arn, account, region, id,
//                                 name, tags, props, missing (not raw: what
//                                 AWS returned verbatim stays out of files)
//   <output-dir>/coverage.json    written at the end: account, partition,
//                                 principal_arn, regions_scanned, and every
//                                 coverage gap (what could not be collected)
//
// Collectors scrub secrets (Lambda and ECS environment values) before a
// resource leaves them, so nothing here is a secret.
#pragma once

#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "aws/core/result.h"
#include "model/inventory.h"
#include "scan/scan_result.h"
#include "scan/sinks.h"

namespace cloudpeek::cli {

inline constexpr const char* kResourcesFileName = "resources.json";
inline constexpr const char* kCoverageFileName = "coverage.json";

class ResourcesFile : public scan::ResourceSink {
 public:
  static Result<std::unique_ptr<ResourcesFile>> open(const std::string& path);
  void on_resource(const Resource& r) override;
  Status close();
  const std::string& path() const { return path_; }

 private:
  std::mutex mu_;
  std::ofstream out_;
  std::string path_;
};

Status write_coverage_file(const scan::ScanResult& result, const std::string& path);

// Reads what a scan wrote to `dir` back into an Inventory (resources and gaps).
// The error names the file and what is wrong with it.
Result<Inventory> load_scan_inventory(const std::string& dir);

}  // namespace cloudpeek::cli
