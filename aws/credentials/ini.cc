#include "aws/credentials/ini.h"

#include "aws/core/bounded_read.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace cloudpeek {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view strip_inline_comment(std::string_view v) {
  for (size_t i = 1; i < v.size(); ++i)
    if ((v[i] == '#' || v[i] == ';') && is_space(v[i - 1])) return trim(v.substr(0, i));
  return v;
}

Error parse_error(const std::string& path, int line, const std::string& what) {
  Error e = make_error(ErrorKind::kInvalidInput, path + ":" + std::to_string(line) + ": " + what,
                       "Fix that line of the file (it is read as the AWS CLI reads it).");
  e.code = "ConfigParseError";
  return e;
}

}  // namespace

Result<IniFile> parse_ini(std::string_view text, const std::string& path) {
  IniFile file;
  file.path = path;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM

  IniSection* section = nullptr;
  IniValue* last = nullptr;  // the last key set in this section, for indented lines
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    bool indented = is_space(raw.front());

    if (indented && last != nullptr) {
      if (last->value.empty()) {  // a sub-section: "  key = value"
        size_t eq = line.find('=');
        if (eq == std::string_view::npos)
          return parse_error(path, line_no, "expected 'key = value' in the nested section");
        std::string key = lower(trim(line.substr(0, eq)));
        if (key.empty()) return parse_error(path, line_no, "a nested key is empty");
        last->sub[key] = std::string(strip_inline_comment(trim(line.substr(eq + 1))));
      } else {  // continuation of a multi-line value
        if (!last->sub.empty())
          return parse_error(path, line_no, "indented line after a nested section's value");
        last->value += "\n";
        last->value += strip_inline_comment(line);
      }
      continue;
    }

    if (line.front() == '[') {
      size_t close = line.find(']');
      if (close == std::string_view::npos)
        return parse_error(path, line_no, "section header has no closing ']'");
      std::string_view rest = trim(line.substr(close + 1));
      if (!rest.empty() && rest.front() != '#' && rest.front() != ';')
        return parse_error(path, line_no, "unexpected text after the section header's ']'");
      std::string name(trim(line.substr(1, close - 1)));
      if (name.empty()) return parse_error(path, line_no, "section name is empty");
      section = nullptr;
      for (auto& s : file.sections)
        if (s.name == name) section = &s;
      if (section == nullptr) {
        file.sections.push_back(IniSection{name, line_no, {}});
        section = &file.sections.back();
      }
      last = nullptr;
      continue;
    }

    size_t eq = line.find('=');
    if (eq == std::string_view::npos)
      return parse_error(path, line_no, "expected '[section]' or 'key = value'");
    if (section == nullptr)
      return parse_error(path, line_no, "'key = value' before any [section] header");
    std::string key = lower(trim(line.substr(0, eq)));
    if (key.empty()) return parse_error(path, line_no, "key before '=' is empty");
    IniValue v;
    v.value = std::string(strip_inline_comment(trim(line.substr(eq + 1))));
    v.line = line_no;
    section->values[key] = std::move(v);
    last = &section->values[key];
  }
  return file;
}

Result<IniFile> load_ini(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      IniFile empty;
      empty.path = path;
      return empty;
    }
    return make_error(ErrorKind::kInvalidInput, "Cannot read " + path + ": " + std::strerror(errno) + ".");
  }
  if (S_ISDIR(st.st_mode))
    return make_error(ErrorKind::kInvalidInput, path + " is a directory, not a config file.");
  auto text = read_file_limited(path, kMaxIniBytes, "the AWS config or credentials file");
  if (!text) return std::move(text).error();
  return parse_ini(*text, path);
}

}  // namespace cloudpeek
