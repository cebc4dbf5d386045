#include "tests/cli/auth_scenario.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace cloudpeek::testing {
namespace {

using json = nlohmann::json;

ScenarioKey key_of(const json& k) {
  return {k.at("id").get<std::string>(), k.at("secret").get<std::string>(), k.value("token", "")};
}

// The session whose `field` is `value`, valid or expired as asked.
ScenarioKey session(const json& sessions, const char* field, const std::string& value, bool expired = false) {
  for (const auto& s : sessions)
    if (s.value(field, "") == value && (s.at("expires").get<std::string>()[0] == '-') == expired) return key_of(s);
  throw std::runtime_error(std::string("auth_scenario.json has no session with ") + field + " " + value);
}

}  // namespace

std::string AuthScenario::path() { return CLOUDPEEK_CLI_SCENARIO; }

const AuthScenario& AuthScenario::get() {
  static const AuthScenario scenario = [] {
    std::ifstream in(path());
    if (!in) throw std::runtime_error("cannot read " + path());
    json doc = json::parse(in);
    const json& ids = doc.at("accounts").at("111122223333").at("identities");
    const json& sessions = ids.at("sessions");
    AuthScenario s;
    s.alice = key_of(ids.at("users").at(0).at("access_keys").at(0));
    s.root = key_of(ids.at("root").at("access_keys").at(0));
    s.alice_session = session(sessions, "user", "alice");
    s.expired_session = session(sessions, "user", "alice", true);
    s.role_session = session(sessions, "role", "AuditRole");
    s.sso_session = session(sessions, "role", "AWSReservedSSO_SecurityAuditor_0123456789abcdef");
    s.federated_session = session(sessions, "federated", "carol");
    return s;
  }();
  return scenario;
}

std::vector<std::string> AuthScenario::secrets() const {
  std::vector<std::string> out;
  for (const auto* k : {&alice, &root, &alice_session, &expired_session, &role_session, &sso_session,
                        &federated_session}) {
    out.push_back(k->secret);
    if (!k->token.empty()) out.push_back(k->token);
  }
  return out;
}

}  // namespace cloudpeek::testing
