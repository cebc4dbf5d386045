// The assertions the check tests share: the registered check `id` on one
// resource gives `want` (and applies to it), and its detail contains
// `in_detail` when given.
#pragma once

#include <gtest/gtest.h>

#include <source_location>
#include <string>
#include <string_view>

#include "checks/testing.h"

namespace cloudpeek::checks::testing {

// A failure names the calling line (`loc`), not this file's.
inline void expect(std::string_view id, const Resource& r, CheckStatus want, std::string_view in_detail = {},
                   const Inventory& inv = Inventory{},
                   std::source_location loc = std::source_location::current()) {
  ::testing::ScopedTrace trace(loc.file_name(), static_cast<int>(loc.line()), id);
  CheckResult got = run_on(id, r, inv);
  EXPECT_TRUE(got.applicable) << id << " on " << r.id << " says it does not apply: " << got.detail;
  EXPECT_EQ(got.status, want) << id << " on " << r.id << ": " << got.detail;
  if (!in_detail.empty()) {
    EXPECT_NE(got.detail.find(in_detail), std::string::npos) << id << ": " << got.detail;
  }
}

// The check `id` does not apply to `r`: the scan makes no finding for it.
inline void expect_not_applicable(std::string_view id, const Resource& r, std::string_view in_detail = {},
                                  const Inventory& inv = Inventory{},
                                  std::source_location loc = std::source_location::current()) {
  ::testing::ScopedTrace trace(loc.file_name(), static_cast<int>(loc.line()), id);
  CheckResult got = run_on(id, r, inv);
  EXPECT_FALSE(got.applicable) << id << " on " << r.id << " gave " << to_string(got.status) << ": " << got.detail;
  if (!in_detail.empty()) {
    EXPECT_NE(got.detail.find(in_detail), std::string::npos) << id << ": " << got.detail;
  }
}

}  // namespace cloudpeek::checks::testing
