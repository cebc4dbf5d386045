// A check's remediation command, with the placeholders that stand for the
// finding's own resource filled in: `--bucket <bucket>` becomes the bucket
// the finding is about. Only placeholders that certainly mean this resource
// for its type are filled (a trail's `<trail-bucket>` is another resource and
// stays a placeholder), plus `<region>` for a regional finding.
#pragma once

#include <string>

#include "store/store.h"

namespace cloudpeek::server {

std::string fill_remediation(const std::string& command, const store::FindingRow& finding);

}  // namespace cloudpeek::server
