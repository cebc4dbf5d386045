// FSBP Account.1: Ensure security contact information is registered.
#include "checks/check.h"
#include <string>
#include <vector>


namespace cloudpeek::checks {
namespace {

CheckResult evaluate(const Resource& r, const Inventory&) {
  if (auto why = r.missing_reason("security")) return not_assessed(*why);
  const json* c = r.prop("security");
  if (!c) return not_assessed("account:GetAlternateContact: security contact not collected");
  if (!c->value("set", false)) return fail("No security alternate contact is registered.");
  return pass("A security alternate contact is registered.");
}

const RegisterCheck reg({
    .meta = {.id = "account_security_contact_registered",
             .title = "Ensure security contact information is registered",
             .severity = Severity::kMedium,
             .service = "account",
             .resource_type = "AWS::Account::AlternateContacts",
             .description = "The account should have a SECURITY alternate contact (account:GetAlternateContact).",
             .risk = "AWS sends security notifications (abuse reports, compromised credentials) to this contact; without it they may reach nobody who acts.",
             .remediation = {.text = "Register a security alternate contact (a monitored team address).",
                             .cli = "aws account put-alternate-contact --alternate-contact-type SECURITY --email-address <security@example.com> --name <name> --phone-number <phone> --title <title>",
                             .terraform = "resource \"aws_account_alternate_contact\" \"security\" {\n  alternate_contact_type = \"SECURITY\"\n  name                   = \"<name>\"\n  title                  = \"<title>\"\n  email_address          = \"<security@example.com>\"\n  phone_number           = \"<phone>\"\n}"},
             .references = {"https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html", "https://docs.aws.amazon.com/securityhub/latest/userguide/account-controls.html#account-1"},
             .cis = {},
             .fsbp = {"Account.1"}},
    .evaluate = evaluate});

}  // namespace
}  // namespace cloudpeek::checks
