#include "aws/credentials/access_key_csv.h"

#include <fmt/format.h>

#include <optional>

namespace cloudpeek {

namespace {

constexpr const char* kAdvice =
    "Use the .csv the IAM console offers when the access key is created (Users > the user > Security credentials > "
    "Create access key > Download .csv file), unedited. The secret cannot be downloaded again: if that file is lost, "
    "create a new access key.";

Error csv_error(std::string message, std::string advice = kAdvice) {
  Error e = make_error(ErrorKind::kInvalidInput, std::move(message), std::move(advice));
  e.code = "InvalidAccessKeyCsv";
  return e;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && is_blank(s[a])) ++a;
  while (b > a && is_blank(s[b - 1])) --b;
  return std::string(s.substr(a, b - a));
}

struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

// RFC 4180 records: ',' between fields, CRLF, LF or CR between records, "..." around a
// field that holds commas, quotes ("") or line breaks. Unquoted fields are trimmed.
Result<std::vector<Record>> split_records(std::string_view text, std::string_view source) {
  std::vector<Record> out;
  size_t i = 0;
  int line = 1;
  const size_t n = text.size();
  while (i < n) {
    Record r;
    r.line = line;
    std::string field;
    bool quoted = false;  // this field was quoted
    bool end = false;
    while (!end) {
      if (i >= n) break;
      char c = text[i];
      if (c == '"' && !quoted && trim(field).empty()) {
        // A quoted field: up to the closing quote.
        quoted = true;
        field.clear();
        int opened = line;
        ++i;
        for (;;) {
          if (i >= n)
            return csv_error(fmt::format("{} opens a quote on line {} that is never closed.", source, opened));
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
        continue;
      }
      if (c == ',') {
        r.fields.push_back(quoted ? field : trim(field));
        field.clear();
        quoted = false;
        ++i;
        continue;
      }
      if (c == '\n' || c == '\r') {
        i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
        ++line;
        end = true;
        continue;
      }
      // Text after a closing quote (`"a" ,`) is only blanks in sound files: kept as is otherwise.
      if (!(quoted && is_blank(c))) field += c;
      ++i;
    }
    r.fields.push_back(quoted ? field : trim(field));
    bool blank = true;
    for (const auto& f : r.fields) blank = blank && f.empty();
    if (!blank) out.push_back(std::move(r));
  }
  return out;
}

// "Access Key Id" → "access key id".
std::string header_name(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (is_blank(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  }
  return out;
}

// A header cell that may be repeated in a message: short and plainly a column name,
// not a run of the characters keys and secrets are made of (a file without its header).
bool showable_name(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  bool alnum_only = true;
  for (char c : s) {
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!(alnum || c == ' ' || c == '_' || c == '-' || c == '(' || c == ')' || c == '.')) return false;
    alnum_only = alnum_only && alnum;
  }
  return !(alnum_only && s.size() >= 16);
}

std::string columns_text(const std::vector<std::string>& header) {
  std::string out;
  size_t shown = 0;
  for (const auto& h : header) {
    if (!showable_name(h)) continue;
    if (shown == 8) {
      out += ", …";
      break;
    }
    out += (shown ? ", '" : "'") + h + "'";
    ++shown;
  }
  if (shown == 0) return fmt::format("{} column{}", header.size(), header.size() == 1 ? "" : "s");
  return out;
}

bool base64ish(std::string_view s) {
  for (unsigned char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '+' ||
          c == '='))
      return false;
  return true;
}

bool key_chars(std::string_view k) {
  if (k.empty() || k.size() > 128) return false;
  for (char c : k)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// IAM user names: 1-64 of letters, digits and + = , . @ _ -.
bool iam_user_name(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '=' ||
          c == ',' || c == '.' || c == '@' || c == '_' || c == '-'))
      return false;
  return true;
}

std::string_view first_line(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    if (!trim(l).empty()) return l;
    pos = nl + 1;
  }
  return {};
}

}  // namespace

bool looks_like_access_key_csv(std::string_view text) {
  std::string l = header_name(first_line(text));
  if (l.find(',') == std::string::npos || l.find('=') != std::string::npos) return false;
  return l.find("access key id") != std::string::npos || l.rfind("user,arn,", 0) == 0;
}

Result<AccessKeyCsv> parse_access_key_csv(std::string_view text, std::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto records = split_records(text, source);
  if (!records) return std::move(records).error();
  if (records->empty()) return csv_error(fmt::format("{} is empty.", source));

  const Record& head = records->front();
  std::vector<std::string> names;
  for (const auto& h : head.fields) names.push_back(header_name(h));
  auto column = [&](std::string_view name) -> std::optional<size_t> {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return i;
    return std::nullopt;
  };
  // The IAM credential report (user,arn,user_creation_time,password_enabled,...): dates, never secrets.
  if (column("arn") && (column("access_key_1_active") || column("password_enabled")))
    return csv_error(
        fmt::format("{} is the IAM credential report: it lists users and when their keys were used, never the "
                    "secret access keys.",
                    source),
        "Use instead the .csv the IAM console offers when an access key is created (Users > the user > Security "
        "credentials > Create access key > Download .csv file).");
  auto key_col = column("access key id");
  auto secret_col = column("secret access key");
  if (!key_col || !secret_col) {
    for (const auto& f : head.fields) {
      std::string v = trim(f);
      if (v.size() >= 16 && key_chars(v) && (v.rfind("AKIA", 0) == 0 || v.rfind("ASIA", 0) == 0))
        return csv_error(fmt::format("{} has no header: its first line (line {}) holds an access key id where the "
                                     "header 'Access key ID,Secret access key' belongs.",
                                     source, head.line));
    }
    std::string missing = !key_col && !secret_col ? "'Access key ID' and 'Secret access key' columns"
                          : !key_col              ? "'Access key ID' column"
                                                  : "'Secret access key' column";
    return csv_error(fmt::format("{} is not an AWS access key file: its header (line {}) has no {}; it has {}.",
                                 source, head.line, missing, columns_text(head.fields)));
  }
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t j = i + 1; j < names.size(); ++j)
      if (!names[i].empty() && names[i] == names[j] && (i == *key_col || i == *secret_col))
        return csv_error(fmt::format("{} has two '{}' columns (columns {} and {}).", source,
                                     showable_name(head.fields[i]) ? head.fields[i] : names[i], i + 1, j + 1));
  auto user_col = column("user name");
  auto password_col = column("password");

  AccessKeyCsv out;
  out.format = user_col || password_col || column("console login link") ? "user credentials file" : "access key file";
  for (size_t r = 1; r < records->size(); ++r) {
    const Record& rec = (*records)[r];
    if (rec.fields.size() > names.size()) {
      bool extra_empty = true;
      for (size_t i = names.size(); i < rec.fields.size(); ++i) extra_empty = extra_empty && rec.fields[i].empty();
      if (!extra_empty)
        return csv_error(fmt::format("{}: line {} has {} values but the header has {} columns (is a value with a "
                                     "comma not in quotes?).",
                                     source, rec.line, rec.fields.size(), names.size()));
    }
    auto cell = [&](std::optional<size_t> c) -> std::string {
      return c && *c < rec.fields.size() ? trim(rec.fields[*c]) : std::string();
    };
    std::string key = cell(key_col);
    std::string secret = cell(secret_col);
    if (password_col && !cell(password_col).empty()) out.has_password = true;
    if (key.empty() && secret.empty()) {
      ++out.rows_without_key;  // a user with console access only
      continue;
    }
    if (key.empty())
      return csv_error(fmt::format("{}: line {} has a Secret access key but no Access key ID.", source, rec.line));
    bool chars = key_chars(key);
    bool temporary = key.rfind("ASIA", 0) == 0;
    if (!chars || key.size() < 16 || !(temporary || key.rfind("AKIA", 0) == 0)) {
      // Echo the id only if it looks like one: a secret in the wrong column must not be shown.
      std::string shown = chars ? "'" + key + "'" : fmt::format("({} characters, not all A-Z/0-9)", key.size());
      return csv_error(fmt::format("{}: the Access key ID {} on line {} is not 16-128 upper-case letters and digits "
                                   "starting with AKIA.",
                                   source, shown, rec.line));
    }
    if (temporary)
      return csv_error(
          fmt::format("{}: the Access key ID {} on line {} is a temporary key (ASIA…), which needs its session token, "
                      "and a CSV carries none.",
                      source, key, rec.line),
          "Paste the access portal's export lines (with AWS_SESSION_TOKEN) instead, or use a long-term key's .csv.");
    if (secret.empty())
      return csv_error(
          fmt::format("{}: line {} has the Access key ID {} but no Secret access key.", source, rec.line, key));
    if (secret.size() < 16 || secret.size() > 128 || !base64ish(secret))
      return csv_error(fmt::format("{}: the Secret access key on line {} is not valid: expected about 40 characters of "
                                   "letters, digits, '/', '+' (got {} characters{}).",
                                   source, rec.line, secret.size(), base64ish(secret) ? "" : ", some of them other"));
    bool duplicate = false;
    for (const auto& seen : out.rows) {
      if (seen.access_key_id != key) continue;
      if (!(seen.secret_access_key.reveal() == secret))
        return csv_error(fmt::format("{}: lines {} and {} give the Access key ID {} with different secrets.", source,
                                     seen.line, rec.line, key));
      duplicate = true;
    }
    if (duplicate) continue;
    AccessKeyCsvRow row;
    row.line = rec.line;
    std::string user = cell(user_col);
    if (iam_user_name(user)) row.user_name = user;
    row.access_key_id = key;
    row.secret_access_key = Secret(std::move(secret));
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty()) {
    if (out.rows_without_key > 0)
      return csv_error(fmt::format("{} lists {} user{} but no access key: {} console access only.", source,
                                   out.rows_without_key, out.rows_without_key == 1 ? "" : "s",
                                   out.rows_without_key == 1 ? "it has" : "they have"),
                       "Create an access key for the user (Users > the user > Security credentials > Create access "
                       "key) and use the .csv offered then.");
    return csv_error(fmt::format("{} has the header but no row with an access key.", source));
  }
  return out;
}

}  // namespace cloudpeek
