// AWS WAF Classic (global; the API before WAFv2, for CloudFront
// distributions; its one endpoint is waf.amazonaws.com, signed for us-east-1):
// web ACLs with their logging, rules and rule groups, collected as
// collect/waf_classic.h says. Logging of every web ACL comes from one
// ListLoggingConfigurations listing (FSBP WAF.1), only when a check reads it.
//
// AWS::WAF::WebACL    arn = arn:…:waf::<account>:webacl/<id>, region "global"   props.rules, props.logging
// AWS::WAF::Rule      arn = arn:…:waf::<account>:rule/<id>                       props.conditions
// AWS::WAF::RuleGroup arn = arn:…:waf::<account>:rulegroup/<id>                  props.rules
#include "collect/waf_classic.h"

namespace cloudpeek::collect {
namespace {

const waf_classic::Api kApi = {.service = "waf",
                               .global = true,
                               .web_acl_type = "AWS::WAF::WebACL",
                               .rule_type = "AWS::WAF::Rule",
                               .rule_group_type = "AWS::WAF::RuleGroup",
                               .logging = true};

void collect(CollectContext& ctx, const std::string& region) { waf_classic::collect(ctx, kApi, region); }

const RegisterCollector reg({.service = "waf",
                             .global = true,
                             .produces = {kApi.web_acl_type, kApi.rule_type, kApi.rule_group_type},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
