// The account's regions and their opt-in status (ec2:DescribeRegions with
// AllRegions=true). The "regions" collector (global) emits one
// "AWS::EC2::Region" resource per region; the scan engine calls
// describe_regions() itself to decide which regions to scan.
//
// AWS::EC2::Region props: {"opt_in_status": "opt-in-not-required" | "opted-in" | "not-opted-in",
//                          "endpoint": "ec2.eu-west-1.amazonaws.com"}
#pragma once

#include <string>
#include <vector>

#include "collect/collector.h"
#include "model/inventory.h"

namespace cloudpeek::collect {

// Every region of the partition (AllRegions=true), with its opt-in status,
// asked of EC2 in `region`. `scanned` is left false.
Result<std::vector<RegionStatus>> describe_regions(CollectContext& ctx, const std::string& region);

// Parses a DescribeRegions output ({"Regions": [{"RegionName", "OptInStatus"}]}).
std::vector<RegionStatus> parse_regions(const json& output);

}  // namespace cloudpeek::collect
