// What a scan can select: AWS's commercial regions and the services CloudPeek
// collects or checks.
#pragma once

#include <string>
#include <vector>

namespace cloudpeek::server {

const std::vector<std::string>& meta_regions();
std::vector<std::string> meta_services();  // sorted, unique

}  // namespace cloudpeek::server
