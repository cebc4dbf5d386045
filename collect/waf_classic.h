// AWS WAF Classic's two APIs — global `waf` (for CloudFront, us-east-1
// endpoint) and `waf-regional` (Application Load Balancers, API Gateway
// stages) — have the same operations and shapes: one collection for both.
//
// Calls (issue 13): ListWebACLs, ListRules, ListRuleGroups (Limit 100,
// NextMarker followed with a repeated-marker guard), then per web ACL
// GetWebACL, per rule GetRule and per rule group ListActivatedRulesInRuleGroup
// — the listings carry names only and there is no bulk form — each only when a
// selected check reads what it returns. With `logging`, the web ACLs' logging
// from one ListLoggingConfigurations listing (bulk), only when read. Classic
// WAF lists only the account's own resources.
//
// <web_acl_type>    arn = arn:…:<arn_service>:<region or "">:<account>:webacl/<id>, id = WebACLId, name = Name
//   props.rules        number of activated rules and rule groups      missing when GetWebACL failed
//   props.logging      (with `logging`) whether a logging configuration names the ACL
//                                                                      missing when ListLoggingConfigurations failed
// <rule_type>       arn = …:rule/<id>, id = RuleId
//   props.conditions   number of predicates (conditions)              missing when GetRule failed
// <rule_group_type> arn = …:rulegroup/<id>, id = RuleGroupId
//   props.rules        number of activated rules                      missing when the listing failed
#pragma once

#include <string>

#include "collect/collector.h"

namespace cloudpeek::collect::waf_classic {

struct Api {
  const char* service;          // botocore name: "waf" or "waf-regional"
  bool global;                  // resources in region "global", ARNs without a region
  const char* web_acl_type;     // "AWS::WAF::WebACL"
  const char* rule_type;
  const char* rule_group_type;
  bool logging;                 // collect props.logging of web ACLs
};

// Collects the API's web ACLs, rules and rule groups, calling `region`.
void collect(CollectContext& ctx, const Api& api, const std::string& region);

}  // namespace cloudpeek::collect::waf_classic
