// The read-only API models of the services CloudPeek collects, generated at
// build time from Debian's botocore data (aws/services/collected_services.txt
// lists them). Parsed on first use; thread-safe. A scan asks for one
// operation's model (find_operation_model): only the operations it calls and
// the shapes they reach are parsed, not whole services.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "aws/protocol/model.h"
#include "aws/protocol/paginate.h"

namespace cloudpeek {

// botocore service name ("ec2", "s3", "elbv2", "logs"...), or nullptr when
// the service is not embedded. The whole service: every read operation and
// shape (for tests and tools that walk a model; calls use the one below).
const ServiceModel* find_service_model(std::string_view service);

// A model holding one operation (absent from `operations` when the service
// has no such read operation: the client then refuses the call), the shapes it
// reaches and the service's modeled errors; nullptr when the service is not
// embedded. Enough for AwsClient::call of that operation.
const ServiceModel* find_operation_model(std::string_view service, std::string_view operation);

// The paginator botocore defines for the operation, if any.
std::optional<Paginator> find_paginator(std::string_view service, std::string_view operation);

// Whether botocore's endpoints.json (built in: Debian's python3-botocore)
// lists an endpoint of the service in the region; nullopt when it cannot say
// (the service has no regional list there — global endpoints — or the region
// is newer than the data). Data that old is no reason to skip a region: a
// collector still calls, and only an endpoint that does not resolve where the
// data agrees the service is absent means "not offered" (collect/collector.h).
std::optional<bool> service_offered_in(std::string_view service, std::string_view region);

// The names of every embedded service.
std::vector<std::string_view> embedded_service_names();

}  // namespace cloudpeek
