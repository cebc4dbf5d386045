// The harness itself: fakeaws starts on a free port, its control API answers,
// and it stops with the FakeAws object.
#include "tests/integration/fakeaws_process.h"

#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace cloudpeek::testing {
namespace {

TEST(FakeAwsProcess, StartsServesControlApiAndStops) {
  int port = 0;
  {
    FakeAws fake;
    port = fake.port();
    EXPECT_GT(port, 0);
    EXPECT_EQ(fake.url(), "http://127.0.0.1:" + std::to_string(port));
    EXPECT_NE(fake.control("GET", "health").find("\"ok\": true"), std::string::npos);

    fake.set_faults(R"({"seed": 1, "rules": [{"service": "sts", "throttle_rate": 0.5}]})");
    EXPECT_NE(fake.control("GET", "faults").find("throttle_rate"), std::string::npos);
    EXPECT_THROW(fake.set_faults(R"({"rules": [{"no_such_fault": 1}]})"), std::runtime_error);

    fake.reset();
    EXPECT_EQ(fake.control("GET", "faults"), "{}");
    EXPECT_NE(fake.requests().find("\"requests\": []"), std::string::npos);
  }
  // Gone: nothing listens on the port any more.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_NE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  close(fd);
}

TEST(FakeAwsProcess, TwoServersGetDifferentPorts) {
  FakeAws a, b;
  EXPECT_NE(a.port(), b.port());
}

TEST(FakeAwsProcess, BadScenarioFailsToStart) {
  EXPECT_THROW(FakeAws("/nonexistent/scenario.json"), std::runtime_error);
}

}  // namespace
}  // namespace cloudpeek::testing
