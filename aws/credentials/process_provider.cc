#include "aws/credentials/process_provider.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aws/core/json_text.h"
#include "aws/core/secret.h"
#include "aws/core/time_format.h"

extern char** environ;

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

}  // namespace

Result<Credentials> parse_credential_process_output(std::string_view output, const std::string& what) {
  auto parsed = parse_json_text(output, "its output", JsonLimits{16, output.size()});
  if (!parsed && !json_nesting_within(output, 16))
    return bad(what, "printed JSON nested deeper than 16 levels; the credential_process format is flat.");
  if (!parsed) return bad(what, "printed " + std::to_string(output.size()) + " bytes that are not valid JSON.");
  json doc = std::move(*parsed);
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

Result<Credentials> run_credential_process(const std::string& command, const std::string& what,
                                           ProcessLimits limits) {
  std::fflush(nullptr);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return bad(what, std::string("could not be started: ") + std::strerror(errno) + ".");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);  // stdin and stderr are inherited
  const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    return bad(what, std::string("could not be started: ") + std::strerror(rc) + ".");
  }

  // Read until end of output, the size cap or the deadline — a command that
  // never stops printing (`yes`) or never answers must not hang CloudPeek.
  std::string out;
  enum { kDone, kTooBig, kTimedOut } ended = kDone;
  auto deadline = std::chrono::steady_clock::now() + limits.timeout;
  char buf[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      ended = kTimedOut;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (out.size() + static_cast<size_t>(n) > limits.max_output) {
      ended = kTooBig;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fds[0]);  // whatever still writes gets SIGPIPE
  Secret wipe(std::move(out));  // the output holds the secret: wiped when this returns
  if (ended != kDone) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return bad(what, std::string("could not be waited for: ") + std::strerror(errno) + ".");
  }
  if (ended == kTimedOut) {
    Error e = bad(what, fmt::format("({}) did not finish within {:g} seconds and was stopped.", command,
                                    limits.timeout.count() / 1000.0));
    e.advice = "Run the command yourself: it must print the credential JSON and exit (an interactive sign-in "
               "it waits for counts against the time).";
    return e;
  }
  if (ended == kTooBig) {
    Error e = bad(what, fmt::format("({}) printed more than {} bytes and was stopped; the credential JSON is far "
                                    "smaller.", command, limits.max_output));
    e.advice = "Run the command yourself: it must print only the credential JSON on stdout (messages go to stderr).";
    return e;
  }
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
