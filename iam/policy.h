// A policy document, parsed once into a typed, compiled form: the grammar of
// "IAM JSON policy element reference" (Version, Id, Statement, Sid, Effect,
// Principal/NotPrincipal, Action/NotAction, Resource/NotResource, Condition),
// with AWS's leniency: a single statement object or an array, a string or a
// list wherever a list is allowed. Action patterns are lower-cased and
// resources compiled with their variables here, so evaluation does not.
//
// Version 2012-10-17 substitutes policy variables; 2008-10-17 (and a missing
// Version, which AWS reads as 2008-10-17) takes `${...}` literally.
//
// Malformed input is an Error naming the element, never an exception.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "iam/condition.h"
#include "iam/match.h"
#include "iam/result.h"
#include "model/resource.h"

namespace cloudpeek::iam {

enum class Effect : std::uint8_t { kAllow, kDeny };

// The principals a Principal or NotPrincipal element names.
struct PrincipalSet {
  bool any = false;                      // "*" or {"AWS": "*"}: everyone, anonymous included
  std::vector<std::string> accounts;     // "123456789012" or arn:...:iam::123456789012:root, as the account id
  std::vector<std::string> arns;         // users, roles, assumed-role sessions, federated users
  std::vector<std::string> unique_ids;   // AIDA.../AROA...: what AWS shows for a deleted principal
  std::vector<std::string> services;     // "ec2.amazonaws.com", lower case
  std::vector<std::string> federated;    // "cognito-identity.amazonaws.com", arn:aws:iam::1:saml-provider/X
  std::vector<std::string> canonical_users;
};

struct Statement {
  size_t index = 0;  // position in the policy's Statement list
  std::string sid;
  Effect effect = Effect::kAllow;
  bool not_action = false;
  std::vector<Pattern> actions;     // lower case
  bool has_resource = false;        // false: no Resource/NotResource (trust policies): any resource
  bool not_resource = false;
  std::vector<Pattern> resources;
  bool has_principal = false;       // false in identity policies
  bool not_principal = false;
  PrincipalSet principals;
  Condition condition;

  bool matches_action(std::string_view action) const;
};

struct Policy {
  std::string name;          // the caller's name for it: a policy ARN, "user/alice inline ReadLogs"
  std::string version;       // "2012-10-17", "2008-10-17"
  std::string id;            // the document's Id element
  bool variables = false;    // Version 2012-10-17
  std::vector<Statement> statements;
  std::vector<std::string> warnings;  // accepted but suspicious (an unknown element, a date that never matches)
};

// `document` is the parsed JSON, or a JSON string holding the document text
// (as some AWS APIs return it).
Result<Policy> parse_policy(const json& document, std::string name = {});
Result<Policy> parse_policy_text(std::string_view text, std::string name = {});

}  // namespace cloudpeek::iam
