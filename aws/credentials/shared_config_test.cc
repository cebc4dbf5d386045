// INI parsing and the merge of ~/.aws/config and ~/.aws/credentials.
#include "aws/credentials/shared_config.h"

#include <gtest/gtest.h>

#include "aws/credentials/environment_provider.h"
#include "aws/credentials/test_support.h"

namespace cloudpeek {
namespace {

TEST(Ini, SectionsCommentsSubsectionsContinuations) {
  auto r = parse_ini("\xEF\xBB\xBF# top\r\n[profile dev] # note\r\nRegion = eu-west-1 # inline\r\n; c\r\n"
                     "s3 =\r\n  max_concurrent_requests = 10\r\n  addressing_style=path\r\n"
                     "note = a#b\r\nlong = one\r\n  two\r\n",
                     "cfg");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->sections.size(), 1u);
  const auto& v = r->sections[0].values;
  EXPECT_EQ(r->sections[0].name, "profile dev");
  EXPECT_EQ(v.at("region").value, "eu-west-1");
  EXPECT_EQ(v.at("region").line, 3);
  EXPECT_EQ(v.at("s3").sub.at("max_concurrent_requests"), "10");
  EXPECT_EQ(v.at("s3").sub.at("addressing_style"), "path");
  EXPECT_EQ(v.at("note").value, "a#b");
  EXPECT_EQ(v.at("long").value, "one\ntwo");
}

TEST(Ini, ErrorsNameFileAndLine) {
  auto r = parse_ini("[default]\nregion = x\nthis is junk\n", "/tmp/cfg");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("/tmp/cfg:3: ", 0), 0u) << r.error().message;
  EXPECT_FALSE(parse_ini("key = v\n", "f").ok());
  EXPECT_FALSE(parse_ini("[open\n", "f").ok());
  EXPECT_FALSE(parse_ini("[]\n", "f").ok());
}

TEST(SharedConfig, ProfileRulesAndCredentialsFileWins) {
  auto config = parse_ini(
      "[default]\nregion = us-east-1\noutput = json\n[profile default]\nregion = eu-west-1\n"
      "[profile dev]\nregion = eu-central-1\naws_access_key_id = FROMCONFIG\n[dev2]\nregion = x\n"
      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n",
      "config");
  auto creds = parse_ini("[dev]\naws_access_key_id = FROMCREDS\n[profile odd]\nx = 1\n", "credentials");
  ASSERT_TRUE(config.ok() && creds.ok());
  SharedConfig sc = merge_shared_config(*config, *creds);
  ASSERT_NE(sc.profile("default"), nullptr);
  EXPECT_EQ(sc.profile("default")->get("region"), "eu-west-1");  // [profile default] wins
  EXPECT_EQ(sc.profile("default")->get("output"), "json");
  EXPECT_EQ(sc.profile("dev")->get("aws_access_key_id"), "FROMCREDS");
  EXPECT_EQ(sc.profile("dev")->get("region"), "eu-central-1");
  EXPECT_EQ(sc.profile("dev")->where("aws_access_key_id"), "credentials:2");
  EXPECT_EQ(sc.profile("dev2"), nullptr);  // [dev2] in the config file is not a profile
  EXPECT_EQ(sc.ignored_sections, std::vector<std::string>{"dev2"});
  EXPECT_NE(sc.profile("profile odd"), nullptr);  // credentials file: names are literal
  ASSERT_NE(sc.sso_session("corp"), nullptr);
}

TEST(SharedConfig, PathsFromEnvironmentAndMissingFilesAreEmpty) {
  testing::ScopedEnv env;
  testing::TempDir dir;
  env.set("HOME", dir.path());
  EXPECT_EQ(config_file_path(), dir.path() + "/.aws/config");
  EXPECT_EQ(credentials_file_path(), dir.path() + "/.aws/credentials");
  auto empty = load_shared_config();
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->profiles.empty());
  env.set("AWS_CONFIG_FILE", dir.write("c", "[profile a]\nregion = r\n"));
  env.set("AWS_SHARED_CREDENTIALS_FILE", dir.write("k", "[b]\naws_access_key_id = K\n"));
  auto sc = load_shared_config();
  ASSERT_TRUE(sc.ok());
  EXPECT_NE(sc->profile("a"), nullptr);
  EXPECT_NE(sc->profile("b"), nullptr);
  env.set("AWS_CONFIG_FILE", dir.write("bad", "[profile a\n"));
  auto bad = load_shared_config();
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(dir.path() + "/bad:1"), std::string::npos);
}

TEST(Environment, CredentialsHalfSetAndRegion) {
  testing::ScopedEnv env;
  auto none = credentials_from_environment();
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  env.set("AWS_ACCESS_KEY_ID", "AKIAFAKE0000000TEST");
  auto half = credentials_from_environment();
  ASSERT_FALSE(half.ok());
  EXPECT_NE(half.error().message.find("AWS_SECRET_ACCESS_KEY is not"), std::string::npos);
  env.set("AWS_SECRET_ACCESS_KEY", "fakeSecret");
  env.set("AWS_SESSION_TOKEN", "fakeToken");
  env.set("AWS_CREDENTIAL_EXPIRATION", "2030-01-01T00:00:00Z");
  EnvironmentProvider p;
  auto c = p.get();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIAFAKE0000000TEST");
  EXPECT_TRUE(c->secret_access_key.reveal() == "fakeSecret");
  EXPECT_TRUE(c->session_token.reveal() == "fakeToken");
  EXPECT_TRUE(c->expiration.has_value());
  env.set("AWS_CREDENTIAL_EXPIRATION", "soon");
  EXPECT_FALSE(p.get().ok());
  env.unset("AWS_ACCESS_KEY_ID");
  EXPECT_NE(p.get().error().message.find("but AWS_ACCESS_KEY_ID is not"), std::string::npos);

  EXPECT_FALSE(region_from_environment().has_value());
  env.set("AWS_DEFAULT_REGION", "eu-west-1");
  EXPECT_EQ(region_from_environment(), "eu-west-1");
  env.set("AWS_REGION", "us-west-2");
  EXPECT_EQ(region_from_environment(), "us-west-2");
}

}  // namespace
}  // namespace cloudpeek
