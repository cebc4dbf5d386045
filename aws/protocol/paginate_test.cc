#include "aws/protocol/paginate.h"

#include <gtest/gtest.h>

namespace cloudpeek {
namespace {

const json kParams = {{"MaxItems", 10}};

TEST(NextPageParams, NextToken) {
  Paginator p{{"NextToken"}, {"NextToken"}, "", "Items"};
  auto next = next_page_params(p, kParams, {{"Items", {1}}, {"NextToken", "t1"}});
  ASSERT_TRUE(next);
  EXPECT_EQ(*next, json({{"MaxItems", 10}, {"NextToken", "t1"}}));
  EXPECT_FALSE(next_page_params(p, *next, {{"Items", {2}}}));                        // no token: done
  EXPECT_FALSE(next_page_params(p, *next, {{"Items", {2}}, {"NextToken", nullptr}}));  // null token
  EXPECT_FALSE(next_page_params(p, *next, {{"Items", {2}}, {"NextToken", ""}}));       // empty token
}

TEST(NextPageParams, LowerCaseNextToken) {  // rest-json services (Lambda, SSO, ...)
  Paginator p{{"nextToken"}, {"nextToken"}, "", ""};
  auto next = next_page_params(p, json::object(), {{"nextToken", "abc"}});
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["nextToken"], "abc");
}

TEST(NextPageParams, MarkerWithIsTruncated) {  // IAM: Marker / IsTruncated
  Paginator p{{"Marker"}, {"Marker"}, "IsTruncated", "Users"};
  auto next = next_page_params(p, json::object(), {{"IsTruncated", true}, {"Marker", "m1"}});
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["Marker"], "m1");
  // IsTruncated false ends the listing even if a marker is present.
  EXPECT_FALSE(next_page_params(p, *next, {{"IsTruncated", false}, {"Marker", "m2"}}));
  EXPECT_FALSE(next_page_params(p, *next, {{"Marker", "m2"}}));  // and so does its absence
}

TEST(NextPageParams, NextMarkerWithFallbackToLastKey) {  // S3 ListObjects (v1)
  Paginator p{{"Marker"}, {"NextMarker || Contents[-1].Key"}, "IsTruncated", "Contents"};
  json page = {{"IsTruncated", true}, {"Contents", {{{"Key", "a"}}, {{"Key", "b"}}}}};
  auto next = next_page_params(p, json::object(), page);
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["Marker"], "b");
  page["NextMarker"] = "z";
  EXPECT_EQ((*next_page_params(p, json::object(), page))["Marker"], "z");
}

TEST(NextPageParams, ContinuationToken) {  // S3 ListObjectsV2
  Paginator p{{"ContinuationToken"}, {"NextContinuationToken"}, "", "Contents"};
  auto next = next_page_params(p, {{"Bucket", "b"}}, {{"NextContinuationToken", "c1"}, {"IsTruncated", true}});
  ASSERT_TRUE(next);
  EXPECT_EQ(*next, json({{"Bucket", "b"}, {"ContinuationToken", "c1"}}));
}

TEST(NextPageParams, MultipleTokens) {  // S3 ListObjectVersions
  Paginator p{{"KeyMarker", "VersionIdMarker"}, {"NextKeyMarker", "NextVersionIdMarker"}, "IsTruncated", ""};
  auto next = next_page_params(p, {{"Bucket", "b"}},
                               {{"IsTruncated", true}, {"NextKeyMarker", "k"}, {"NextVersionIdMarker", "v"}});
  ASSERT_TRUE(next);
  EXPECT_EQ(*next, json({{"Bucket", "b"}, {"KeyMarker", "k"}, {"VersionIdMarker", "v"}}));
  // One token missing on the next page: it is dropped, not resent stale.
  auto after = next_page_params(p, *next, {{"IsTruncated", true}, {"NextKeyMarker", "k2"}});
  ASSERT_TRUE(after);
  EXPECT_EQ(*after, json({{"Bucket", "b"}, {"KeyMarker", "k2"}}));
}

TEST(NextPageParams, NestedOutputToken) {
  Paginator p{{"Token"}, {"Page.Next"}, "", ""};
  auto next = next_page_params(p, json::object(), {{"Page", {{"Next", "n"}}}});
  ASSERT_TRUE(next);
  EXPECT_EQ((*next)["Token"], "n");
}

TEST(NextPageParams, RepeatedTokenStopsAndIsDetectable) {
  Paginator p{{"NextToken"}, {"NextToken"}, "", ""};
  json sent = {{"NextToken", "same"}};
  json page = {{"NextToken", "same"}};
  EXPECT_FALSE(next_page_params(p, sent, page));
  EXPECT_TRUE(repeats_token(p, sent, page));  // the caller records an incomplete listing
  EXPECT_FALSE(repeats_token(p, sent, {{"NextToken", "other"}}));
  EXPECT_FALSE(repeats_token(p, json::object(), page));  // first page: nothing was sent

  Paginator multi{{"KeyMarker", "VersionIdMarker"}, {"NextKeyMarker", "NextVersionIdMarker"}, "IsTruncated", ""};
  json multi_sent = {{"KeyMarker", "k"}, {"VersionIdMarker", "v"}};
  EXPECT_FALSE(next_page_params(multi, multi_sent,
                                {{"IsTruncated", true}, {"NextKeyMarker", "k"}, {"NextVersionIdMarker", "v"}}));
  // Same key, new version id: progress, not a repeat.
  EXPECT_TRUE(next_page_params(multi, multi_sent,
                               {{"IsTruncated", true}, {"NextKeyMarker", "k"}, {"NextVersionIdMarker", "v2"}}));
}

TEST(NextPageParams, MisconfiguredPaginatorEndsInsteadOfLooping) {
  EXPECT_FALSE(next_page_params(Paginator{}, json::object(), {{"NextToken", "t"}}));
  EXPECT_FALSE(next_page_params(Paginator{{"A", "B"}, {"A"}, "", ""}, json::object(), {{"A", "t"}}));
  EXPECT_FALSE(next_page_params(Paginator{{"T"}, {"Items[x]"}, "", ""}, json::object(), {{"Items", {1}}}));
  EXPECT_FALSE(next_page_params(Paginator{{"T"}, {"Items[-5]"}, "", ""}, json::object(), {{"Items", {1}}}));
}

TEST(PaginatorFromBotocore, ReadsStringsAndLists) {
  Paginator p = paginator_from_botocore(json::parse(R"({
      "input_token": ["KeyMarker", "VersionIdMarker"],
      "output_token": ["NextKeyMarker", "NextVersionIdMarker"],
      "more_results": "IsTruncated", "limit_key": "MaxKeys",
      "result_key": ["Versions", "DeleteMarkers"]})"));
  EXPECT_EQ(p.input_token, (std::vector<std::string>{"KeyMarker", "VersionIdMarker"}));
  EXPECT_EQ(p.output_token, (std::vector<std::string>{"NextKeyMarker", "NextVersionIdMarker"}));
  EXPECT_EQ(p.more_results, "IsTruncated");
  EXPECT_EQ(p.result_key, "Versions");
  Paginator q = paginator_from_botocore({{"input_token", "NextToken"}, {"output_token", "NextToken"}});
  EXPECT_EQ(q.input_token, std::vector<std::string>{"NextToken"});
  EXPECT_TRUE(q.more_results.empty());
}

}  // namespace
}  // namespace cloudpeek
