#include "aws/client/scrub.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace cloudpeek {
namespace {

constexpr std::string_view kRedacted = "[redacted]";
// Session tokens run to hundreds of characters; nothing a person needs to read does.
constexpr size_t kLongTokenRun = 100;

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=' || c == '%' ||
         c == '_' || c == '-';
}

size_t find_icase(const std::string& hay, std::string_view needle, size_t from) {
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(from), hay.end(), needle.begin(), needle.end(),
                        [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) ==
                                 std::tolower(static_cast<unsigned char>(b));
                        });
  return it == hay.end() ? std::string::npos : static_cast<size_t>(it - hay.begin());
}

// Replaces the value after each occurrence of `name` (skipping ':', '=', quotes,
// spaces). whole_line: the value runs to the end of the line (an Authorization
// header has spaces and commas in it).
void redact_after(std::string& s, std::string_view name, bool whole_line) {
  size_t pos = 0;
  while ((pos = find_icase(s, name, pos)) != std::string::npos) {
    size_t v = pos + name.size();
    bool assigned = name.back() == '=';
    while (v < s.size() && (s[v] == ':' || s[v] == '=' || s[v] == ' ' || s[v] == '"' || s[v] == '\'')) {
      assigned = assigned || s[v] == ':' || s[v] == '=';
      ++v;
    }
    // Only "Name: value" / "Name=value": prose such as "authorization failure" stays.
    if (!assigned) {
      pos = v;
      continue;
    }
    size_t end = v;
    if (whole_line) {
      while (end < s.size() && s[end] != '\n' && s[end] != '\r' && s[end] != '<' && s[end] != '"') ++end;
    } else {
      while (end < s.size() && is_token_char(s[end])) ++end;
    }
    if (end > v && s.compare(v, end - v, kRedacted) != 0) s.replace(v, end - v, kRedacted);
    pos = v + kRedacted.size();
  }
}

void redact_long_runs(std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!is_token_char(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && is_token_char(s[j])) ++j;
    if (j - i >= kLongTokenRun) {
      s.replace(i, j - i, kRedacted);
      i += kRedacted.size();
    } else {
      i = j;
    }
  }
}

}  // namespace

std::string scrub_aws_message(std::string_view message, size_t max_chars) {
  std::string s(message);
  redact_after(s, "Authorization", true);
  for (std::string_view name : {"X-Amz-Security-Token", "X-Amz-Signature", "Signature="})
    redact_after(s, name, false);
  redact_long_runs(s);
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  if (s.size() > max_chars) {
    size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    s = s.substr(0, cut) + "…";
  }
  return s;
}

}  // namespace cloudpeek
