// Private to the response parsers: XML (query, ec2, rest-xml bodies and
// their errors) into output JSON, driven by botocore shapes.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "aws/protocol/response_shape.h"

namespace cloudpeek::parse_detail {

// Loads body into doc; a ParseFailure naming what was wrong (and where) if
// it is not well-formed XML or has no root element.
void load_xml(pugi::xml_document& doc, std::string_view body);

// Tag name without its namespace prefix ("xsi:foo" → "foo").
std::string_view local_name(std::string_view tag);
// First child element with this local name, or an empty node.
pugi::xml_node child_element(pugi::xml_node node, std::string_view name);
// The node's own text (text and CDATA children), like botocore's node.text.
std::string element_text(pugi::xml_node node);

// A structure's body members from the children (and attributes) of node.
// Members bound to HTTP (header, headers, statusCode, ...) are left out.
json parse_xml_structure(const ShapeRef& shape, pugi::xml_node node, const std::string& path,
                         int depth = 0);

// Any shape from one element.
json parse_xml_value(const ShapeRef& shape, pugi::xml_node node, const std::string& path,
                     int depth = 0);

}  // namespace cloudpeek::parse_detail
