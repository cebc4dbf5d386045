// When temporary credentials end, if nobody said. The access portal's export
// lines carry no expiry, so pasted SSO keys had expiry "unknown" and no
// reminder ever fired. CloudPeek never leaves temporary (ASIA...) credentials
// without an estimate: the latest their session can end.
//   - a role session (IAM Identity Center permission sets are roles named
//     AWSReservedSSO_<set>_<hash>): now + the role's MaxSessionDuration,
//     read with iam:GetRole (part of SecurityAudit) — "role_max_session";
//   - a GetSessionToken or federation session: 12 hours, the default
//     duration — "session_default";
//   - a role whose maximum could not be read: 1 hour, AWS's default maximum
//     and the safe side — "default".
// The user may say how long their session is (1 to 12 hours); capped at the
// role's maximum when known. The estimate is labelled as such everywhere, and
// the scheduler checks such credentials with GetCallerIdentity until AWS says
// they expired (scheduler.cc), so the banner fires at the real moment.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/identity/caller_identity.h"
#include "store/store.h"

namespace cloudpeek::server {

struct ExpiryEstimate {
  store::Time expires_at{};
  std::string source;                          // "role_max_session", "session_default", "default", "user"
  std::optional<int64_t> max_session_seconds;  // the role's, when read
  std::string role_name;                       // for role sessions
  std::optional<int> session_hours;            // what the user said, if anything

  // {"expires_at", "source", "max_session_seconds", "role_name", "session_hours"}
  nlohmann::json to_json() const;
};

// "AWSReservedSSO_SecurityAuditor_0123" from
// arn:aws:sts::123:assumed-role/AWSReservedSSO_SecurityAuditor_0123/alice; "" otherwise.
std::string role_name_of(const CallerIdentity& identity);

ExpiryEstimate estimate_expiry(const CallerIdentity& identity, std::optional<int64_t> max_session_seconds,
                               std::optional<int> session_hours, store::Time now);

// The provider's identity JSON keeps its estimate under "expiry_estimate";
// an identity written anew (a test, a scan) carries the old one over.
void keep_estimate(const nlohmann::json& old_identity, nlohmann::json& new_identity);
bool expires_estimated(const store::Provider& p);

}  // namespace cloudpeek::server
