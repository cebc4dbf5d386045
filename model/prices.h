// What AWS charges, per region, for the items the cost hygiene checks price:
// the per-region files model/prices/<region>.json (values from the AWS Price
// List, with their source and date), embedded at build time. Pure: no AWS call.
// model/prices/update.py rewrites a region's file from the Price List offer
// files (AmazonEC2, AWSELB) when a release refreshes them.
//
// Items: "ebs.<volume type>.gb_month", "ebs.<gp3|io1|io2>.iops_month",
// "ebs.gp3.mibps_month", "ebs.snapshot.gb_month", "ec2.<instance type>.hour",
// "ec2.public_ipv4.hour", "ec2.nat_gateway.hour",
// "elb.<application|network|gateway|classic>.hour".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudpeek::prices {

// AWS prices hourly items for 730 hours a month (its pricing calculator's month).
inline constexpr double kHoursPerMonth = 730;

// The price in USD of one unit of `item` in `region`, or nothing when the data
// has no price for it there: a missing price is never guessed.
std::optional<double> lookup(std::string_view region, std::string_view item);

// "no price for <item> in <region>": what a finding says instead of an estimate.
std::string no_price(std::string_view item, std::string_view region);

// The date the region's prices were read ("2025-01", or the offer files' publication date once update.py has refreshed them); empty for a region the data does not cover.
std::string as_of(std::string_view region);

// Where the prices come from (the same text in every file).
std::string source(std::string_view region);

// The regions the data covers, sorted.
std::vector<std::string> regions();

// "$12.40" (two decimals; "$0.004" style amounts under a cent keep three).
std::string usd(double amount);

// How an estimate was made, for a finding's detail:
// "(<how>, <region> prices of <as_of> from the AWS Price List)".
std::string basis(std::string_view how, std::string_view region);

}  // namespace cloudpeek::prices
