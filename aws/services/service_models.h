// The read-only API models of the services CloudPeek collects, generated at
// build time from Debian's botocore data (aws/services/collected_services.txt
// lists them). Parsed on first use of each service; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "aws/protocol/model.h"
#include "aws/protocol/paginate.h"

namespace cloudpeek {

// botocore service name ("ec2", "s3", "elbv2", "logs"...), or nullptr when
// the service is not embedded.
const ServiceModel* find_service_model(std::string_view service);

// The paginator botocore defines for the operation, if any.
std::optional<Paginator> find_paginator(std::string_view service, std::string_view operation);

// The names of every embedded service.
std::vector<std::string_view> embedded_service_names();

}  // namespace cloudpeek
