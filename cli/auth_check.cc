#include "cli/auth_check.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

#include "aws/core/time_format.h"

namespace cloudpeek::cli {

namespace {

// Temporary credentials this close to expiry get a reminder.
constexpr auto kExpiryWarning = std::chrono::minutes(30);

std::string principal_line(const Principal& p) {
  switch (p.type) {
    case PrincipalType::kIdentityCenter:
      return fmt::format("IAM Identity Center permission set \"{}\"{}", p.permission_set,
                         p.session.empty() ? "" : fmt::format(" (signed in as {})", p.session));
    case PrincipalType::kAssumedRole:
      return fmt::format("assumed IAM role \"{}\" (session {})", p.name, p.session);
    case PrincipalType::kIamUser:
      return fmt::format("IAM user \"{}\"", p.name);
    case PrincipalType::kFederatedUser:
      return fmt::format("federated user \"{}\"", p.name);
    case PrincipalType::kRoot:
      return "ROOT USER of the account";
    case PrincipalType::kUnknown:
      break;
  }
  return "unknown principal type";
}

std::string key_hint(const std::string& key_id) {
  // The key id is not secret, but showing only its end is what AWS's console does.
  if (key_id.size() <= 4) return key_id;
  return std::string(key_id.size() > 8 ? 4 : 0, '*') + "…" + key_id.substr(key_id.size() - 4);
}

std::vector<std::string> warnings_for(const AuthCheckReport& r) {
  std::vector<std::string> w;
  if (r.ok && r.identity.principal.type == PrincipalType::kRoot)
    w.push_back(
        "These are access keys of the ROOT USER. Root access keys should not exist: create an IAM "
        "user or an IAM Identity Center permission set with the SecurityAudit policy, use it, then "
        "delete the root access keys (IAM console > Security credentials).");
  if (r.credentials.expiration) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(*r.credentials.expiration - r.now);
    if (left.count() <= 0)
      w.push_back("These credentials have expired: get new ones from your AWS access portal.");
    else if (left <= kExpiryWarning)
      w.push_back(fmt::format(
          "These credentials expire in {}: get fresh ones from your AWS access portal before a long scan.",
          human_duration(left)));
  }
  return w;
}

}  // namespace

std::string human_duration(std::chrono::seconds d) {
  bool past = d.count() < 0;
  long long s = past ? -d.count() : d.count();
  std::string text;
  if (s >= 3600)
    text = fmt::format("{} h {} min", s / 3600, (s % 3600) / 60);
  else if (s >= 60)
    text = fmt::format("{} min", s / 60);
  else
    text = fmt::format("{} s", s);
  return past ? "expired " + text + " ago" : text;
}

int print_auth_check(const AuthCheckReport& r, OutputFormat format, bool color, std::ostream& out,
                     std::ostream& err) {
  auto warnings = warnings_for(r);
  std::optional<long long> seconds_left;
  if (r.credentials.expiration)
    seconds_left = std::chrono::duration_cast<std::chrono::seconds>(*r.credentials.expiration - r.now).count();

  if (format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["ok"] = r.ok;
    j["region"] = r.region;
    j["credentials"] = {{"source", r.credentials.source},
                        {"access_key_id", r.credentials.access_key_id},
                        {"temporary", r.credentials.temporary()}};
    if (r.credentials.expiration) {
      j["credentials"]["expiration"] = format_iso8601(*r.credentials.expiration);
      j["credentials"]["seconds_left"] = *seconds_left;
    }
    if (r.ok) {
      const auto& p = r.identity.principal;
      j["account"] = r.identity.account;
      j["arn"] = r.identity.arn;
      j["user_id"] = r.identity.user_id;
      j["principal"] = {{"type", std::string(to_string(p.type))}, {"name", p.name}};
      if (!p.session.empty()) j["principal"]["session"] = p.session;
      if (!p.permission_set.empty()) j["principal"]["permission_set"] = p.permission_set;
    } else {
      const Error& e = r.error;
      j["error"] = {{"kind", std::string(to_string(e.kind))}, {"message", e.message}, {"advice", e.advice},
                    {"code", e.code}, {"request_id", e.request_id}, {"action", e.action},
                    {"http_status", e.http_status}};
      if (e.clock_offset) j["error"]["clock_offset_seconds"] = e.clock_offset->count();
      if (!e.permission_set.empty()) j["error"]["permission_set"] = e.permission_set;
    }
    j["warnings"] = warnings;
    out << j.dump(2) << "\n";
    // Also on stderr: a script that reads only the JSON's account must not hide
    // that these are root keys or about to expire.
    for (const auto& w : warnings) err << (w.find("ROOT") != std::string::npos ? "WARNING: " : "! ") << w << "\n";
    return r.ok ? 0 : 1;
  }

  auto paint = [&](const char* code, const std::string& s) {
    return color ? fmt::format("\033[{}m{}\033[0m", code, s) : s;
  };
  if (!r.ok) {
    const Error& e = r.error;
    err << paint("1;31", "✘ The credentials do not work") << " (" << to_string(e.kind) << ")\n";
    err << "  " << e.message << "\n";
    if (!e.advice.empty()) err << "  What to do: " << e.advice << "\n";
    if (!e.code.empty()) err << "  AWS error code: " << e.code << "\n";
    if (!e.request_id.empty()) err << "  AWS request id: " << e.request_id << "\n";
    if (!e.action.empty() && e.kind == ErrorKind::kAccessDenied) err << "  Action: " << e.action << "\n";
    if (!r.credentials.source.empty()) err << "  Credentials from: " << r.credentials.source << "\n";
    for (const auto& w : warnings) err << paint("33", "! " + w) << "\n";
    return 1;
  }
  const auto& id = r.identity;
  out << paint("1;32", "✔ The credentials work") << "\n";
  out << fmt::format("  {:<13}{}\n", "Account:", id.account);
  out << fmt::format("  {:<13}{}\n", "ARN:", id.arn);
  out << fmt::format("  {:<13}{}\n", "Principal:", principal_line(id.principal));
  out << fmt::format("  {:<13}{} key {} from {}\n", "Credentials:",
                     r.credentials.temporary() ? "temporary" : "long-term",
                     key_hint(r.credentials.access_key_id), r.credentials.source);
  if (r.credentials.expiration)
    out << fmt::format("  {:<13}{} ({})\n", "Expires:", format_iso8601(*r.credentials.expiration),
                       *seconds_left > 0 ? "in " + human_duration(std::chrono::seconds(*seconds_left))
                                         : human_duration(std::chrono::seconds(*seconds_left)));
  else if (r.credentials.temporary())
    out << fmt::format("  {:<13}{}\n", "Expires:", "unknown (temporary credentials last 1 to 12 hours)");
  out << fmt::format("  {:<13}{}\n", "Region:", r.region);
  for (const auto& w : warnings) {
    bool loud = w.find("ROOT") != std::string::npos;
    err << paint(loud ? "1;41;97" : "33", (loud ? "WARNING: " : "! ") + w) << "\n";
  }
  return 0;
}

}  // namespace cloudpeek::cli
