#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "server/url.h"

namespace cloudpeek::server {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cp-static-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "root" / "assets");
    std::ofstream(dir_ / "root" / "index.html") << "<html>";
    std::ofstream(dir_ / "root" / "assets" / "a.js") << "js";
    std::ofstream(dir_ / "root" / ".env") << "hidden";
    std::ofstream(dir_ / "outside.txt") << "outside";
    fs::create_symlink(dir_ / "outside.txt", dir_ / "root" / "link.txt");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path root() const { return dir_ / "root"; }
  fs::path dir_;
};

TEST_F(StaticFilesTest, ResolvesFilesInsideTheRoot) {
  EXPECT_EQ(resolve_static(root(), "/").verdict, PathVerdict::kFile);
  EXPECT_EQ(resolve_static(root(), "/assets/a.js").verdict, PathVerdict::kFile);
  EXPECT_EQ(resolve_static(root(), "//assets//a.js").verdict, PathVerdict::kFile);
  EXPECT_EQ(resolve_static(root(), "/nope.js").verdict, PathVerdict::kNotFound);
}

TEST_F(StaticFilesTest, RefusesEscapesHiddenFilesAndSymlinksOut) {
  for (std::string p : {"/../outside.txt", "/assets/../../outside.txt", "/..", "/a/../../outside.txt", "/.env",
                        "/link.txt", "/..\\outside.txt"})
    EXPECT_EQ(resolve_static(root(), p).verdict, PathVerdict::kForbidden) << p;
  EXPECT_EQ(resolve_static(root(), std::string("/index.html\0.js", 15)).verdict, PathVerdict::kForbidden);
}

TEST_F(StaticFilesTest, MimeTypes) {
  EXPECT_EQ(mime_type("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("a.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type("a.svg"), "image/svg+xml");
  EXPECT_EQ(mime_type("a.woff2"), "font/woff2");
  EXPECT_EQ(mime_type("a.unknown"), "application/octet-stream");
}

TEST(Url, DecodesStrictly) {
  EXPECT_EQ(percent_decode_path("/%2e%2e/a+b").value(), "/../a+b");
  EXPECT_EQ(percent_decode_query("a+b%20c").value(), "a b c");
  EXPECT_FALSE(percent_decode_path("/a%00b"));
  EXPECT_FALSE(percent_decode_path("/a%zz"));
  EXPECT_FALSE(percent_decode_path("/a%2"));
  auto t = parse_target("/api/v1/findings?severity=high,critical&q=a%26b&empty=&x");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/v1/findings");
  EXPECT_EQ(t->query["severity"], "high,critical");
  EXPECT_EQ(t->query["q"], "a&b");
  EXPECT_EQ(t->query["empty"], "");
  EXPECT_TRUE(t->query.count("x"));
  EXPECT_FALSE(parse_target("no-slash"));
  EXPECT_EQ(percent_encode("a b/c"), "a%20b%2Fc");
}

}  // namespace
}  // namespace cloudpeek::server
