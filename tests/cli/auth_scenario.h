// The identities of tests/cli/auth_scenario.json, read from the file so the
// tests and the fakeaws server cannot disagree. Its secrets and tokens are
// random base64 like AWS's: the paste parser takes them, and a search for any
// 16-character piece of one finds nothing by chance.
#pragma once

#include <string>
#include <vector>

namespace cloudpeek::testing {

struct ScenarioKey {
  std::string id, secret, token;  // token empty for long-term keys
};

struct AuthScenario {
  static std::string path();
  static const AuthScenario& get();  // loaded once

  ScenarioKey alice;               // IAM user alice, long-term
  ScenarioKey root;                // the account's root user
  ScenarioKey alice_session;       // temporary, valid for hours
  ScenarioKey expired_session;     // temporary, expired a minute before the server started
  ScenarioKey role_session;        // assumed role AuditRole, session ci-run
  ScenarioKey sso_session;         // IAM Identity Center permission set SecurityAuditor
  ScenarioKey federated_session;   // federated user carol

  // Every secret access key and session token in the file.
  std::vector<std::string> secrets() const;
};

}  // namespace cloudpeek::testing
