// The assertion the check tests share: the registered check `id` on one
// resource gives `want`, and its detail contains `in_detail` when given.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "checks/testing.h"

namespace cloudpeek::checks::testing {

inline void expect(std::string_view id, const Resource& r, CheckStatus want, std::string_view in_detail = {},
                   const Inventory& inv = Inventory{}) {
  CheckResult got = run_on(id, r, inv);
  EXPECT_EQ(got.status, want) << id << " on " << r.id << ": " << got.detail;
  if (!in_detail.empty()) {
    EXPECT_NE(got.detail.find(in_detail), std::string::npos) << id << ": " << got.detail;
  }
}

}  // namespace cloudpeek::checks::testing
