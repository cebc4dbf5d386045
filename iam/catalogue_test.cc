#include "iam/catalogue.h"

#include <gtest/gtest.h>

namespace cloudpeek::iam {
namespace {
TEST(Catalogue, Smoke) { EXPECT_GT(Catalogue::get().action_count(), 15000u); }
}  // namespace
}  // namespace cloudpeek::iam
