// The INI dialect of ~/.aws/config and ~/.aws/credentials, as the AWS CLI
// reads it: [sections], key = value, full-line # and ; comments, keys
// case-insensitive, indented lines after "key =" forming a sub-section
// (s3 =\n  max_concurrent_requests = 10), indented lines after a value
// continuing it. Parse errors name the file and line.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aws/core/result.h"

namespace cloudpeek {

struct IniValue {
  std::string value;                            // empty for a sub-section
  std::map<std::string, std::string> sub;       // the nested keys, if any
  int line = 0;                                 // where the key was set
};

struct IniSection {
  std::string name;  // as written between the brackets, trimmed
  int line = 0;
  std::map<std::string, IniValue> values;  // keys lower-cased
};

struct IniFile {
  std::string path;
  std::vector<IniSection> sections;  // in file order; a repeated [name] is merged into the first
};

// A value's inline comment (" # ..." or " ; ..." after whitespace) is dropped,
// as in the AWS SDKs; a # or ; not preceded by whitespace stays part of the value.
Result<IniFile> parse_ini(std::string_view text, const std::string& path);

// A config file of thousands of profiles is well under 1 MiB.
inline constexpr size_t kMaxIniBytes = 16u << 20;

// Reads and parses a file; a file that does not exist is an empty IniFile,
// one larger than kMaxIniBytes (or a device that never ends) an error.
Result<IniFile> load_ini(const std::string& path);

}  // namespace cloudpeek
