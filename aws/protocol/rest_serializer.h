// The rest-json and rest-xml protocols: members bound to the URI path, the
// query string and headers by their location trait; the rest is the body,
// either one payload member or the remaining members as a JSON object / XML
// document.
#pragma once

#include "aws/protocol/serialize.h"
#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

SerializedRequest serialize_rest(const ServiceModel& service, const OperationModel& op,
                                 const Params& params, bool xml);

}  // namespace cloudpeek
