// Input values as the JSON body of the json and rest-json protocols: members
// renamed by locationName, blobs base64, timestamps as epoch seconds unless a
// timestampFormat trait says otherwise, documents passed through untouched.
#pragma once

#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

Params json_body_value(const ShapeRef& ref, const Params& value);

}  // namespace cloudpeek
