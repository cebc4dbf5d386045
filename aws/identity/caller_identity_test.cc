#include "aws/identity/caller_identity.h"

#include <gtest/gtest.h>

namespace cloudpeek {
namespace {

TEST(ParsePrincipal, IamUserWithAndWithoutPath) {
  auto p = parse_principal("arn:aws:iam::111122223333:user/alice");
  EXPECT_EQ(p.type, PrincipalType::kIamUser);
  EXPECT_EQ(p.account, "111122223333");
  EXPECT_EQ(p.name, "alice");
  p = parse_principal("arn:aws:iam::111122223333:user/division/team/bob");
  EXPECT_EQ(p.type, PrincipalType::kIamUser);
  EXPECT_EQ(p.name, "bob");
}

TEST(ParsePrincipal, Root) {
  auto p = parse_principal("arn:aws:iam::111122223333:root");
  EXPECT_EQ(p.type, PrincipalType::kRoot);
  EXPECT_EQ(p.account, "111122223333");
}

TEST(ParsePrincipal, IdentityCenterPermissionSet) {
  auto p = parse_principal(
      "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_SecurityAuditor_0a1b2c3d4e5f6a7b/jane@example.com");
  EXPECT_EQ(p.type, PrincipalType::kIdentityCenter);
  EXPECT_EQ(p.permission_set, "SecurityAuditor");
  EXPECT_EQ(p.session, "jane@example.com");
}

TEST(ParsePrincipal, PermissionSetWithUnderscores) {
  auto p = parse_principal("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Read_Only_Audit_abcdef0123456789/x");
  EXPECT_EQ(p.type, PrincipalType::kIdentityCenter);
  EXPECT_EQ(p.permission_set, "Read_Only_Audit");
}

TEST(ParsePrincipal, AssumedRoleAndFederated) {
  auto p = parse_principal("arn:aws-cn:sts::111122223333:assumed-role/Auditor/cloudpeek");
  EXPECT_EQ(p.type, PrincipalType::kAssumedRole);
  EXPECT_EQ(p.partition, "aws-cn");
  EXPECT_EQ(p.name, "Auditor");
  EXPECT_EQ(p.session, "cloudpeek");
  p = parse_principal("arn:aws:sts::111122223333:federated-user/bob");
  EXPECT_EQ(p.type, PrincipalType::kFederatedUser);
  EXPECT_EQ(p.name, "bob");
}

TEST(ParsePrincipal, GarbageIsUnknownNotACrash) {
  for (const char* s : {"", "arn", "arn:aws", "not-an-arn:x:y:z:w:v", "arn:aws:sts::1:assumed-role/",
                        "arn:aws:iam::1:user", "arn:aws:s3:::bucket"})
    EXPECT_EQ(parse_principal(s).type, PrincipalType::kUnknown) << s;
}

}  // namespace
}  // namespace cloudpeek
