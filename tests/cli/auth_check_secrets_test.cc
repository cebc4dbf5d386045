// The secrets test: `cloudpeek --debug auth check` with a session token, in
// text and JSON, on success and on every kind of failure, must not print the
// secret access key or the session token — not whole, not in part — on stdout
// or stderr; nor may they reach fakeaws' request log. Failure messages name
// where a secret leaked, never the secret.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

#include "tests/cli/auth_scenario.h"
#include "tests/cli/cloudpeek_cli.h"
#include "tests/cli/secret_search.h"
#include "tests/integration/fakeaws_process.h"

namespace cloudpeek::testing {
namespace {

using json = nlohmann::json;

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A secret of the right shape that belongs to no key: the wrong-secret case.
const std::string kWrongSecret = "Zq7/Tn2pWx9LmK4vRb8sYc3dHf6gJk1eNa5uPo0i";
// A token of the right shape that belongs to no session.
const std::string kWrongToken =
    "IQoJb3JpZ2luX2VjEWrOnGtOkEn/8xVb2Nq5Lm7Kp3Rt9Ws1Yz4Hc6Jd0Fg+Ae2Bi5Cj8Dk1El4Fm7Gn0Ho3Ip6Jq9Kr2Ls5Mt8Nu1Ov4Pw7Qx0";

std::string bash_paste(const ScenarioKey& k) {
  return "export AWS_ACCESS_KEY_ID=\"" + k.id + "\"\nexport AWS_SECRET_ACCESS_KEY=\"" + k.secret +
         "\"\nexport AWS_SESSION_TOKEN=\"" + k.token + "\"\n";
}

struct Case {
  std::string name;
  ScenarioKey key;
  enum { kFlags, kPaste, kEnvironment, kProfile } how;
  std::string want_kind;  // empty: the credentials work
  bool closed_port = false;
};

class AuthCheckSecrets : public ::testing::Test {
 protected:
  // Every secret and token the runs could leak.
  std::vector<std::string> secrets() const {
    auto all = s.secrets();
    all.push_back(kWrongSecret);
    all.push_back(kWrongToken);
    return all;
  }

  // Runs the case and checks that it went the way it should, so the search
  // below looks at the output of a real success or of the intended failure.
  ProcessResult run(CloudpeekCli& cli, const Case& c, bool json_output, bool debug_after_subcommand) {
    std::vector<std::string> args = {"auth", "check"};
    args.insert(args.begin() + (debug_after_subcommand ? 2 : 0), "--debug");
    if (json_output) args.insert(args.end(), {"--output", "json"});
    std::string in;
    std::vector<std::string> env;
    switch (c.how) {
      case Case::kFlags:
        args.insert(args.end(), {"--access-key-id", c.key.id, "--secret-access-key-file",
                                 cli.write_file("secret", c.key.secret + "\n"), "--session-token-file",
                                 cli.write_file("token", c.key.token + "\n")});
        break;
      case Case::kPaste:
        args.push_back("--credentials-stdin");
        in = bash_paste(c.key);
        break;
      case Case::kEnvironment:
        env = {"AWS_ACCESS_KEY_ID=" + c.key.id, "AWS_SECRET_ACCESS_KEY=" + c.key.secret,
               "AWS_SESSION_TOKEN=" + c.key.token};
        break;
      case Case::kProfile:
        cli.write_file(".aws/credentials", "[audit]\naws_access_key_id = " + c.key.id + "\naws_secret_access_key = " +
                                               c.key.secret + "\naws_session_token = " + c.key.token + "\n");
        args.insert(args.end(), {"--profile", "audit"});
        break;
    }
    auto r = cli.run(args, in, env);
    const std::string where = c.name + (json_output ? " (json)" : " (text)");
    EXPECT_FALSE(r.timed_out) << where;
    EXPECT_EQ(r.exit_code, c.want_kind.empty() ? 0 : 1) << where;
    if (json_output) {
      auto j = json::parse(r.out, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << where << ": stdout is not JSON";
      if (!j.is_discarded() && !c.want_kind.empty()) {
        EXPECT_EQ(j["error"]["kind"], c.want_kind) << where;
      }
    } else if (c.want_kind.empty()) {
      EXPECT_TRUE(contains(r.out, "✔ The credentials work")) << where;
    } else {
      EXPECT_TRUE(contains(r.err, "(" + c.want_kind + ")")) << where << ": not the expected diagnosis";
    }
    // The runs must really log: a quiet --debug would make this test pass for nothing.
    if (c.want_kind != "invalid_input") {
      EXPECT_TRUE(contains(r.err, " debug aws: sts:GetCallerIdentity")) << where << ": no debug log";
    }
    return r;
  }

  void expect_no_secret(const std::string& text, const std::string& where) {
    for (const auto& secret : secrets())
      EXPECT_FALSE(contains_secret(text, secret)) << "a secret access key or session token leaked into " << where;
  }

  const AuthScenario& s = AuthScenario::get();
};

TEST_F(AuthCheckSecrets, NoSecretInAnyOutputOrInTheServerLog) {
  FakeAws fake(AuthScenario::path());
  ScenarioKey wrong_secret = s.alice_session;
  wrong_secret.secret = kWrongSecret;
  ScenarioKey wrong_token = s.alice_session;
  wrong_token.token = kWrongToken;
  ScenarioKey malformed = s.alice_session;
  malformed.token = s.alice_session.token.substr(0, 60) + "-\x01" + s.alice_session.token.substr(60);
  const std::vector<Case> cases = {
      {"success, flags and files", s.alice_session, Case::kFlags, ""},
      {"success, pasted", s.sso_session, Case::kPaste, ""},
      {"success, environment", s.role_session, Case::kEnvironment, ""},
      {"success, profile", s.federated_session, Case::kProfile, ""},
      {"wrong secret", wrong_secret, Case::kFlags, "wrong_secret"},
      {"wrong secret, pasted", wrong_secret, Case::kPaste, "wrong_secret"},
      {"wrong token", wrong_token, Case::kEnvironment, "invalid_key_id"},
      {"expired token", s.expired_session, Case::kPaste, "expired_token"},
      {"expired token, flags", s.expired_session, Case::kFlags, "expired_token"},
      {"malformed paste", malformed, Case::kPaste, "invalid_input"},
      {"network error", s.alice_session, Case::kFlags, "network", true},
      {"network error, environment", s.sso_session, Case::kEnvironment, "network", true},
  };
  const std::string closed = closed_port_url();
  int runs = 0;
  for (const auto& c : cases)
    for (bool json_output : {false, true}) {
      CloudpeekCli cli(c.closed_port ? closed : fake.url());
      auto r = run(cli, c, json_output, /*debug_after_subcommand=*/runs++ % 2 == 1);
      const std::string where = c.name + (json_output ? " (json)" : " (text)");
      expect_no_secret(r.out, "stdout: " + where);
      expect_no_secret(r.err, "stderr: " + where);
    }

  // What the server saw and logged: it must have seen the calls (or this proves
  // nothing), and only ever the key ids.
  const std::string log = fake.log();
  const std::string requests = fake.requests();
  EXPECT_TRUE(contains(log, s.alice_session.id)) << "fakeaws' log misses the calls";
  EXPECT_TRUE(contains(requests, s.sso_session.id)) << "fakeaws' request list misses the calls";
  expect_no_secret(log, "fakeaws' log");
  expect_no_secret(requests, "fakeaws' request list");
}

// Clock skew makes the client re-sign and retry: more logging, more chances to leak.
TEST_F(AuthCheckSecrets, NoSecretWhenReSigningForClockSkew) {
  FakeAws fake(AuthScenario::path());
  fake.set_faults(R"({"clock_offset_seconds": 900})");
  for (bool json_output : {false, true}) {
    CloudpeekCli cli(fake.url());
    auto r = run(cli, {"clock skew", s.alice_session, Case::kPaste, ""}, json_output, false);
    expect_no_secret(r.out, "stdout");
    expect_no_secret(r.err, "stderr");
  }
  expect_no_secret(fake.log(), "fakeaws' log");
  expect_no_secret(fake.requests(), "fakeaws' request list");
}

// The search the test relies on finds these very secrets in what was sent.
TEST_F(AuthCheckSecrets, SearchFindsTheScenarioSecrets) {
  for (const auto& secret : secrets()) {
    EXPECT_TRUE(contains_secret("export AWS_SECRET_ACCESS_KEY=" + secret + "\n", secret));
    EXPECT_TRUE(contains_secret("...truncated: " + secret.substr(secret.size() / 2 - 8, 16), secret));
  }
  EXPECT_TRUE(contains_secret(bash_paste(s.alice_session), s.alice_session.token));
  EXPECT_FALSE(contains_secret(bash_paste(s.alice_session), s.root.secret));
}

}  // namespace
}  // namespace cloudpeek::testing
