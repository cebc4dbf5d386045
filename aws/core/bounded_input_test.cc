// Input from outside read within limits: JSON nesting and size
// (json_text.h), file and stream sizes (bounded_read.h).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "aws/core/bounded_read.h"
#include "aws/core/json_text.h"

namespace cloudpeek {
namespace {

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonText, NestingIsCountedOutsideStrings) {
  EXPECT_TRUE(json_nesting_within(nested(3), 3));
  EXPECT_FALSE(json_nesting_within(nested(4), 3));
  EXPECT_TRUE(json_nesting_within(R"({"a": "[[[[[[[[", "b": "\"[[[["})", 1));
  EXPECT_TRUE(json_nesting_within(R"([{}, {}, [], []])", 2));  // siblings do not add up
}

TEST(JsonText, DeepDocumentIsAnErrorNotACrash) {
  // 200,000 levels: copying or dumping such a value overflowed the stack.
  auto deep = parse_json_text(nested(200000), "the bucket policy of b");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().kind, ErrorKind::kMalformedResponse);
  EXPECT_EQ(deep.error().message, "the bucket policy of b is nested deeper than 64 levels.");
  auto ok = parse_json_text(nested(64), "x");
  ASSERT_TRUE(ok.ok());
  nlohmann::json copy = *ok;  // within the limit: copies and dumps fine
  EXPECT_EQ(copy.dump().size(), 128u);
}

TEST(JsonText, SizeAndSyntax) {
  auto big = parse_json_text(std::string(100, ' ') + "{}", "the answer", JsonLimits{8, 64});
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("the answer is 102 bytes, more than the 64 bytes"), std::string::npos);
  auto bad = parse_json_text("{\"a\": ", "the policy");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "the policy is not valid JSON.");
  EXPECT_EQ((*parse_json_text(R"({"a": [1, 2]})", "x"))["a"][1], 2);
}

class BoundedRead : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) / ("bounded-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(BoundedRead, EndlessDevicesStopAtTheLimit) {
  // AWS_CONFIG_FILE=/dev/zero grew the CLI to 17 GB; /dev/urandom never ends.
  for (const char* dev : {"/dev/zero", "/dev/urandom"}) {
    auto r = read_file_limited(dev, 1u << 20, "the AWS config file");
    ASSERT_FALSE(r.ok()) << dev;
    EXPECT_EQ(r.error().code, "FileTooLarge");
    EXPECT_EQ(r.error().message,
              std::string("the AWS config file ") + dev + " is larger than 1 MiB, more than any sound one holds.");
  }
  auto empty = read_file_limited("/dev/null", 1024, "the AWS config file");  // a common way to disable it
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "");
}

TEST_F(BoundedRead, FilesWithinAndBeyondTheLimit) {
  auto path = (dir_ / "config").string();
  std::ofstream(path) << std::string(1000, 'x');
  EXPECT_EQ(read_file_limited(path, 1000, "the file")->size(), 1000u);
  auto over = read_file_limited(path, 999, "the file");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, "FileTooLarge");
  EXPECT_EQ(read_file_limited((dir_ / "none").string(), 10, "the file").error().code, "FileUnreadable");
  EXPECT_NE(read_file_limited(dir_.string(), 10, "the file").error().message.find("it is a directory"),
            std::string::npos);
}

TEST_F(BoundedRead, FifoIsRefusedNotWaitedOn) {
  auto fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto r = read_file_limited(fifo, 1024, "the AWS credentials file");  // no writer: would block forever
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("it is not a regular file"), std::string::npos) << r.error().message;
}

TEST_F(BoundedRead, Streams) {
  std::istringstream small("export AWS_ACCESS_KEY_ID=AKIA");
  EXPECT_EQ(*read_stream_limited(small, 100, "stdin"), "export AWS_ACCESS_KEY_ID=AKIA");
  std::istringstream big(std::string(70000, 'y'));
  auto r = read_stream_limited(big, 65536, "the paste on stdin");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the paste on stdin is larger than 64 KiB, more than any sound one holds.");
}

}  // namespace
}  // namespace cloudpeek
