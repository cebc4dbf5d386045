#include "aws/credentials/process_provider.h"

#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "aws/core/time_format.h"

namespace cloudpeek {

using json = nlohmann::json;

namespace {

Error bad(const std::string& what, const std::string& message) {
  Error e = make_error(ErrorKind::kInvalidInput, what + " " + message,
                       "Fix the command so it prints the credential_process JSON: "
                       "{\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ..., "
                       "\"SessionToken\": ..., \"Expiration\": ...}.");
  e.code = "CredentialProcessError";
  return e;
}

constexpr size_t kMaxOutput = 1 << 20;

}  // namespace

Result<Credentials> parse_credential_process_output(std::string_view output, const std::string& what) {
  json doc = json::parse(output.begin(), output.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return bad(what, "printed " + std::to_string(output.size()) + " bytes that are not valid JSON.");
  if (!doc.is_object()) return bad(what, "printed JSON that is not an object.");
  if (!doc.contains("Version")) return bad(what, "printed JSON without \"Version\" (it must be 1).");
  if (!doc["Version"].is_number_integer() || doc["Version"].get<long long>() != 1)
    return bad(what, "printed \"Version\": " + doc["Version"].dump() + "; only Version 1 is supported.");
  auto str = [&](const char* key) -> std::optional<std::string> {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return std::nullopt;
    return it->get<std::string>();
  };
  auto key = str("AccessKeyId");
  auto secret = str("SecretAccessKey");
  if (!key && !secret) return bad(what, "printed JSON without \"AccessKeyId\" and \"SecretAccessKey\".");
  if (!key) return bad(what, "printed JSON without \"AccessKeyId\".");
  if (!secret) return bad(what, "printed JSON without \"SecretAccessKey\" (access key id " + *key + ").");
  if (doc.contains("SessionToken") && !doc["SessionToken"].is_string() && !doc["SessionToken"].is_null())
    return bad(what, "printed a \"SessionToken\" that is not a string.");
  Credentials c;
  c.access_key_id = *key;
  c.secret_access_key = Secret(*secret);
  if (auto t = str("SessionToken")) c.session_token = Secret(*t);
  if (doc.contains("Expiration") && !doc["Expiration"].is_null()) {
    std::optional<TimePoint> t;
    if (doc["Expiration"].is_string()) t = parse_iso8601(doc["Expiration"].get<std::string>());
    if (!t) return bad(what, "printed an \"Expiration\" that is not an ISO 8601 time: " + doc["Expiration"].dump() + ".");
    c.expiration = *t;
  }
  c.source = what;
  return c;
}

Result<Credentials> run_credential_process(const std::string& command, const std::string& what) {
  std::fflush(nullptr);
  FILE* pipe = ::popen(command.c_str(), "r");  // /bin/sh -c command; stderr is inherited
  if (pipe == nullptr)
    return bad(what, std::string("could not be started: ") + std::strerror(errno) + ".");
  std::string out;
  char buf[4096];
  size_t n;
  bool too_big = false;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) {
    if (out.size() + n > kMaxOutput) {
      too_big = true;
      continue;  // keep draining so the process can exit
    }
    out.append(buf, n);
  }
  int status = ::pclose(pipe);
  Secret wipe(std::move(out));  // the output holds the secret: wiped when this returns
  if (status == -1) return bad(what, std::string("could not be waited for: ") + std::strerror(errno) + ".");
  if (WIFSIGNALED(status))
    return bad(what, "(" + command + ") was killed by signal " + std::to_string(WTERMSIG(status)) + ".");
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    int code = WEXITSTATUS(status);
    std::string msg = "(" + command + ") exited with status " + std::to_string(code) + ".";
    if (code == 127) msg += " The shell could not find the command.";
    Error e = bad(what, msg);
    e.advice = "Run the command yourself to see why; its error output is shown above.";
    return e;
  }
  if (too_big) return bad(what, "printed more than 1 MiB.");
  return parse_credential_process_output(wipe.reveal(), what);
}

CredentialsProviderPtr make_process_provider(const std::string& command, const std::string& profile,
                                             NowFn now) {
  std::string what = "credential_process of profile " + profile;
  return std::make_shared<RefreshingProvider>(
      "profile " + profile + " (credential_process)",
      [command, what] { return run_credential_process(command, what); }, std::move(now));
}

}  // namespace cloudpeek
