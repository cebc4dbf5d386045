#include "aws/credentials/paste.h"

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/core/json_text.h"
#include "aws/core/time_format.h"

namespace cloudpeek {

using json = nlohmann::json;

namespace {

enum Field { kKeyId, kSecret, kToken, kExpiration, kRegion, kFieldCount };
constexpr std::array<const char*, kFieldCount> kEnvName = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                          "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION",
                                                          "AWS_REGION"};

struct Found {
  std::string value;
  int line = 0;
  bool set = false;
};

struct State {
  std::array<Found, kFieldCount> f;
  std::vector<std::string> formats;
  std::optional<Error> error;

  void fail(std::string msg) {
    if (!error) {
      Error e = make_error(ErrorKind::kInvalidInput, std::move(msg),
                           "Copy the credentials again from the AWS access portal (\"Access keys\") or the CLI, "
                           "and paste all of the lines.");
      e.code = "InvalidPaste";
      error = std::move(e);
    }
  }
  void format(const char* name) {
    for (auto& f : formats)
      if (f == name) return;
    formats.emplace_back(name);
  }
  void set(Field field, std::string value, int line) {
    Found& x = f[field];
    if (x.set && x.value != value) {
      std::string what = kEnvName[field];
      if (field == kKeyId || field == kRegion || field == kExpiration)
        what += " ('" + x.value + "' and '" + value + "')";  // not secret: may be shown
      fail(std::string("The paste gives two different values for ") + what + ", on line " + std::to_string(x.line) +
           " and line " + std::to_string(line) + ". Paste one set of credentials.");
      return;
    }
    x = Found{std::move(value), line, true};
  }
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (upper(a[i]) != upper(b[i])) return false;
  return true;
}
bool istarts(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::optional<Field> env_field(std::string_view name) {
  if (iequals(name, "AWS_ACCESS_KEY_ID")) return kKeyId;
  if (iequals(name, "AWS_SECRET_ACCESS_KEY")) return kSecret;
  if (iequals(name, "AWS_SESSION_TOKEN") || iequals(name, "AWS_SECURITY_TOKEN")) return kToken;
  if (iequals(name, "AWS_CREDENTIAL_EXPIRATION")) return kExpiration;
  if (iequals(name, "AWS_REGION") || iequals(name, "AWS_DEFAULT_REGION")) return kRegion;
  return std::nullopt;
}

std::optional<Field> file_field(std::string_view name) {
  if (iequals(name, "aws_access_key_id")) return kKeyId;
  if (iequals(name, "aws_secret_access_key")) return kSecret;
  if (iequals(name, "aws_session_token") || iequals(name, "aws_security_token")) return kToken;
  if (iequals(name, "region")) return kRegion;
  return std::nullopt;
}

// A value after '=': "..." or '...' (then anything after, e.g. ';' or a comment, is ignored), or bare.
std::optional<std::string> value_of(std::string_view v, Field field, int line, State& st) {
  v = trim(v);
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
    char q = v.front();
    size_t close = v.find(q, 1);
    if (close == std::string_view::npos) {
      st.fail(std::string(kEnvName[field]) + " on line " + std::to_string(line) + " opens a " +
              (q == '"' ? "double" : "single") + " quote that is not closed (a value must be on one line).");
      return std::nullopt;
    }
    return std::string(v.substr(1, close - 1));
  }
  while (!v.empty() && v.back() == ';') v.remove_suffix(1);
  for (size_t i = 1; i < v.size(); ++i)
    if (v[i] == '#' && space(v[i - 1])) v = trim(v.substr(0, i));
  v = trim(v);
  for (char c : v)
    if (space(c)) {
      st.fail(std::string(kEnvName[field]) + " on line " + std::to_string(line) + " has a space inside its value.");
      return std::nullopt;
    }
  return std::string(v);
}

void parse_line(std::string_view line, int n, State& st) {
  line = trim(line);
  if (line.empty() || line.front() == '#' || line.substr(0, 2) == "//" || line.substr(0, 2) == "::" ||
      istarts(line, "REM "))
    return;
  if (line.front() == '[') {
    if (line.find(']') != std::string_view::npos) st.format("credentials file");
    return;
  }
  const char* format = "bash";
  std::string_view rest = line;
  if (istarts(rest, "export ")) {
    rest = trim(rest.substr(7));
  } else if (istarts(rest, "$env:")) {
    rest = rest.substr(5);
    format = "powershell";
  } else if (istarts(rest, "set ")) {
    rest = trim(rest.substr(4));
    format = "windows";
    if (!rest.empty() && rest.front() == '"') {  // set "NAME=value"
      rest.remove_prefix(1);
      size_t close = rest.rfind('"');
      if (close != std::string_view::npos) rest = rest.substr(0, close);
    }
  }
  size_t eq = rest.find('=');
  if (eq == std::string_view::npos) return;  // not an assignment: surrounding text
  std::string_view name = trim(rest.substr(0, eq));
  // Lower-case names are the credentials file's (aws_access_key_id = ...).
  bool lower_case = !name.empty() && name.front() >= 'a' && name.front() <= 'z';
  std::optional<Field> field = lower_case ? file_field(name) : env_field(name);
  if (field && lower_case) format = "credentials file";
  if (!field && !lower_case && (field = file_field(name))) format = "credentials file";
  if (!field && lower_case) field = env_field(name);
  if (!field) return;
  auto v = value_of(rest.substr(eq + 1), *field, n, st);
  if (!v) return;
  st.format(format);
  st.set(*field, std::move(*v), n);
}

void parse_json(std::string_view text, State& st) {
  size_t open = text.find('{');
  size_t close = text.rfind('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return;
  auto parsed = parse_json_text(text.substr(open, close + 1 - open), "the paste", JsonLimits{16, text.size()});
  json doc = parsed ? std::move(*parsed) : json();
  if (!doc.is_object()) {
    if (text.find("AccessKeyId") != std::string_view::npos)
      st.fail("The paste looks like JSON with AccessKeyId but is not valid JSON (was part of it cut off?).");
    return;
  }
  const json* c = &doc;
  bool portal = false;
  if (doc.contains("Credentials") && doc["Credentials"].is_object()) c = &doc["Credentials"];
  else if (doc.contains("roleCredentials") && doc["roleCredentials"].is_object()) {
    c = &doc["roleCredentials"];
    portal = true;
  }
  auto str = [&](const char* k, Field f) {
    auto it = c->find(k);
    if (it == c->end()) return;
    if (!it->is_string()) {
      if (!(f == kExpiration && it->is_number())) {
        st.fail(std::string("\"") + k + "\" in the pasted JSON is not a string.");
        return;
      }
      double v = it->get<double>();
      if (!(v > 0 && v < 1e15)) {
        st.fail(std::string("\"") + k + "\" in the pasted JSON is not a valid time.");
        return;
      }
      long long s = portal ? static_cast<long long>(v / 1000) : static_cast<long long>(v);
      st.set(f, format_iso8601(Clock::time_point(std::chrono::seconds(s))), 0);
      return;
    }
    st.set(f, it->get<std::string>(), 0);
  };
  if (portal) {
    str("accessKeyId", kKeyId), str("secretAccessKey", kSecret), str("sessionToken", kToken);
    str("expiration", kExpiration);
  } else {
    str("AccessKeyId", kKeyId), str("SecretAccessKey", kSecret), str("SessionToken", kToken);
    str("Expiration", kExpiration);
  }
  if (st.f[kKeyId].set || st.f[kSecret].set) st.format("json");
}

bool base64ish(std::string_view s) {
  for (unsigned char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '+' ||
          c == '='))
      return false;
  return true;
}

}  // namespace

Result<PastedCredentials> parse_pasted_credentials(std::string_view text, Clock::time_point now) {
  State st;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int n = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    parse_line(text.substr(pos, nl - pos), ++n, st);
    pos = nl + 1;
  }
  parse_json(text, st);
  if (st.error) return *st.error;

  auto& f = st.f;
  if (!f[kKeyId].set && !f[kSecret].set && !f[kToken].set)
    return make_error(ErrorKind::kInvalidInput,
                      "No AWS credentials found in the pasted text.",
                      "Paste lines like `export AWS_ACCESS_KEY_ID=...` (bash), `$Env:AWS_ACCESS_KEY_ID=\"...\"` "
                      "(PowerShell), `set AWS_ACCESS_KEY_ID=...` (Windows), a [profile] block with "
                      "aws_access_key_id = ..., or the JSON printed by `aws sts get-session-token`, "
                      "`aws sts assume-role` or `aws configure export-credentials`.");
  std::vector<std::string> have, missing;
  for (Field x : {kKeyId, kSecret, kToken}) (f[x].set ? have : missing).push_back(kEnvName[x]);
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i == 0 ? "" : i + 1 == v.size() ? " and " : ", ") + v[i];
    return s;
  };
  auto fail = [&](std::string msg) {
    st.fail(std::move(msg));
    return *st.error;
  };
  if (!f[kKeyId].set || !f[kSecret].set) {
    std::vector<std::string> need;
    if (!f[kKeyId].set) need.push_back(kEnvName[kKeyId]);
    if (!f[kSecret].set) need.push_back(kEnvName[kSecret]);
    return fail("Found " + list(have) + " but no " + list(need) + ".");
  }
  const std::string& key = f[kKeyId].value;
  bool key_chars = !key.empty() && key.size() <= 128;
  for (char c : key) key_chars = key_chars && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  bool temporary = key.rfind("ASIA", 0) == 0;
  if (!key_chars || key.size() < 16 || !(temporary || key.rfind("AKIA", 0) == 0)) {
    // Echo the id only if it looks like one (upper-case letters and digits): a secret pasted
    // into the wrong place must not be shown.
    std::string shown = key_chars ? "'" + key + "'" : "(" + std::to_string(key.size()) + " characters, not all A-Z/0-9)";
    return fail("The access key id " + shown + " is not 16-128 upper-case letters and digits starting with AKIA "
                "(long-term) or ASIA (temporary).");
  }
  const std::string& secret = f[kSecret].value;
  if (secret.size() < 16 || secret.size() > 128 || !base64ish(secret))
    return fail("The secret access key is not valid: expected about 40 characters of letters, digits, '/', '+' "
                "(got " + std::to_string(secret.size()) + " characters" + (base64ish(secret) ? "" : ", some of them other") +
                ").");
  if (f[kToken].set) {
    const std::string& token = f[kToken].value;
    if (token.size() < 16 || !base64ish(token))
      return fail("The session token is not valid: expected a long run of letters, digits, '/', '+', '=' (got " +
                  std::to_string(token.size()) + " characters" + (base64ish(token) ? "" : ", some of them other") + ").");
    if (!temporary)
      return fail("A session token was pasted with the long-term access key id " + key +
                  " (AKIA…); temporary credentials have an ASIA… key id. Paste the three values of one set.");
  } else if (temporary) {
    return fail("The access key id " + key + " is temporary (ASIA…) but no AWS_SESSION_TOKEN was pasted.");
  }

  PastedCredentials out;
  if (f[kExpiration].set) {
    auto t = parse_any_timestamp(f[kExpiration].value);
    if (!t) return fail("The expiration '" + f[kExpiration].value + "' is not an ISO 8601 time.");
    if (*t <= now) {
      Error e = make_error(ErrorKind::kExpiredToken,
                           "These credentials expired at " + format_iso8601(*t) + ".",
                           "Sign in to your AWS access portal again and copy new credentials.");
      e.code = "ExpiredToken";
      return e;
    }
    out.expiration = *t;
  }
  out.access_key_id = key;
  out.secret_access_key = Secret(f[kSecret].value);
  if (f[kToken].set) out.session_token = Secret(f[kToken].value);
  out.region = f[kRegion].value;
  for (size_t i = 0; i < st.formats.size(); ++i) out.format += (i ? ", " : "") + st.formats[i];
  return out;
}

}  // namespace cloudpeek
