// Escaping for each output format.
#pragma once

#include <string>
#include <string_view>

namespace cloudpeek::report {

std::string html_escape(std::string_view s);  // & < > " ' → entities
// One CSV cell (RFC 4180 quoting), with spreadsheet-formula injection
// neutralised: a cell starting with = + - @ or a tab/CR gets a leading '.
std::string csv_cell(std::string_view s);

}  // namespace cloudpeek::report

namespace cloudpeek::report {
// Text for a terminal or a .txt file: control characters (ESC sequences a
// hostile name could carry) become '?'.
std::string printable(std::string_view s);
}  // namespace cloudpeek::report
