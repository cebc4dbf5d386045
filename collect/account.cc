// Account (global): the alternate contacts (security, billing, operations).
//
// AWS::Account::AlternateContacts  arn: arn:aws:account::ACCOUNT:account
//   security, billing, operations: {set: bool, name, email, phone, title}
//   (set false when AWS answers ResourceNotFoundException — not configured)
//   missing: the contact whose GetAlternateContact failed otherwise
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

constexpr const char* kContacts = "AWS::Account::AlternateContacts";

void collect_account(CollectContext& ctx, const std::string& region) {
  Resource r;
  r.type = kContacts;
  r.arn = "arn:" + ctx.partition() + ":account::" + ctx.account() + ":account";
  r.account = ctx.account();
  r.region = "global";
  r.id = ctx.account();
  r.name = "account " + ctx.account() + " alternate contacts";
  for (auto [type, prop] : {std::pair{"SECURITY", "security"}, {"BILLING", "billing"}, {"OPERATIONS", "operations"}}) {
    auto out = ctx.call("account", "GetAlternateContact", {{"AlternateContactType", type}}, region);
    if (out) {
      json c = out->value("AlternateContact", json::object());
      r.props[prop] = {{"set", true},
                       {"name", c.value("Name", "")},
                       {"email", c.value("EmailAddress", "")},
                       {"phone", c.value("PhoneNumber", "")},
                       {"title", c.value("Title", "")}};
      r.raw[prop] = c;
    } else if (out.error().code == "ResourceNotFoundException") {
      r.props[prop] = {{"set", false}};
    } else {
      record_missing(ctx, r, prop, out.error(), "account", "GetAlternateContact");
    }
  }
  ctx.emit(std::move(r));
}

const RegisterCollector reg({.service = "account", .global = true, .produces = {kContacts}, .collect = collect_account});

}  // namespace
}  // namespace cloudpeek::collect
