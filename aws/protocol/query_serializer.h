// The query and ec2 protocols: the input flattened into form parameters
// (Action, Version, then "Prefix.Name.1.Key=value" paths) in a POST body.
#pragma once

#include "aws/protocol/serialize.h"
#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

// ec2 differs from query in member names (queryName, else the locationName or
// member name with its first letter upper-cased) and in lists, which are
// always flattened ("Name.1", never "Name.member.1") and omitted when empty.
SerializedRequest serialize_query(const ServiceModel& service, const OperationModel& op,
                                  const Params& params, bool ec2);

}  // namespace cloudpeek
