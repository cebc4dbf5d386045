// Input values as the XML body of the rest-xml protocol: elements named by
// locationName, xmlNamespace and xmlAttribute traits, flattened lists and
// maps, ISO 8601 timestamps unless a timestampFormat trait says otherwise.
#pragma once

#include <string>

#include "aws/protocol/shape_ref.h"

namespace cloudpeek {

// The whole document: `value` written as one element named `root_name`.
std::string xml_document(const ShapeRef& root, const Params& value, const std::string& root_name);

}  // namespace cloudpeek
