// AWS WAF Classic Regional (regional; the API before WAFv2, for Application
// Load Balancers and API Gateway stages): web ACLs, rules and rule groups,
// collected as collect/waf_classic.h says (the global API has the same shapes).
//
// AWS::WAFRegional::WebACL    arn = arn:…:waf-regional:<region>:<account>:webacl/<id>   props.rules
// AWS::WAFRegional::Rule      arn = …:rule/<id>                                       props.conditions
// AWS::WAFRegional::RuleGroup arn = …:rulegroup/<id>                                  props.rules
#include "collect/waf_classic.h"

namespace cloudpeek::collect {
namespace {

const waf_classic::Api kApi = {.service = "waf-regional",
                               .global = false,
                               .web_acl_type = "AWS::WAFRegional::WebACL",
                               .rule_type = "AWS::WAFRegional::Rule",
                               .rule_group_type = "AWS::WAFRegional::RuleGroup",
                               .logging = false};

void collect(CollectContext& ctx, const std::string& region) { waf_classic::collect(ctx, kApi, region); }

const RegisterCollector reg({.service = "waf-regional",
                             .global = false,
                             .produces = {kApi.web_acl_type, kApi.rule_type, kApi.rule_group_type},
                             .collect = collect});

}  // namespace
}  // namespace cloudpeek::collect
