// Cost hygiene: a stopped instance is not billed for compute, but every EBS
// volume attached to it still is.
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_instance_stopped_paying_for_volumes";
const char kVolume[] = "AWS::EC2::Volume";

bool attached_to(const Resource& v, const std::string& instance) {
  const json* att = v.prop("attached_instances");
  if (!att || !att->is_array()) return false;
  for (const auto& i : *att)
    if (i.is_string() && i.get<std::string>() == instance) return true;
  return false;
}

struct Volumes {
  std::vector<std::string> ids;
  cost::Estimate total{0.0, ""};
};

Volumes volumes_of(const Resource& instance, const Inventory& inv) {
  Volumes out;
  for (const auto& v : inv.of_type(kVolume)) {
    if (v.region != instance.region || !attached_to(v, instance.id)) continue;
    out.ids.push_back(v.id);
    auto e = cost::volume_of(v);
    if (!e.usd) {
      out.total = e;  // one missing price: no estimate, naming it
    } else if (out.total.usd) {
      *out.total.usd += *e.usd;
      out.total.how += (out.total.how.empty() ? "" : " + ") + v.id + ": " + e.how;
    }
  }
  return out;
}

CheckResult evaluate(const Resource& r, const Inventory& inv) {
  std::string why;
  const json* state = require_prop(r, "state", &why);
  if (!state) return not_assessed(why);
  if (*state != "stopped") return pass("Instance " + r.name + " is " + state->get<std::string>() + ", not stopped.");
  if (auto gap = inv.gap(kVolume, r.region))
    return not_assessed("Instance " + r.name + " is stopped, but its volumes are unknown: " + *gap);
  auto vols = volumes_of(r, inv);
  if (vols.ids.empty()) return pass("Instance " + r.name + " is stopped and has no EBS volume attached.");
  std::string list;
  for (const auto& id : vols.ids) list += (list.empty() ? "" : ", ") + id;
  return fail("Instance " + r.name + " is stopped but still pays for " + std::to_string(vols.ids.size()) +
              " EBS volume(s) (" + list + ")." + cost::sentence(vols.total, r.region) +
              " Terminate it (after a snapshot or image if the data matters) if it is no longer needed.");
}

std::optional<double> monthly(const Resource& r, const Inventory& inv) { return volumes_of(r, inv).total.usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "Stopped EC2 instances should not keep paying for EBS volumes (cost)",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Instance",
             .description = "Cost hygiene: checks for stopped instances with EBS volumes attached. Compute is not "
                            "billed while an instance is stopped, its volumes are; the finding carries their "
                            "estimated monthly cost.",
             .risk = "Instances stopped and forgotten keep costing their storage every month.",
             .remediation = {.text = "Terminate instances that are no longer needed (create an AMI or snapshots first "
                                     "if the data matters); start and use the others.",
                             .cli = "aws ec2 create-image --instance-id <instance-id> --name <name> && "
                                    "aws ec2 terminate-instances --instance-ids <instance-id>",
                             .terraform = "# Remove the aws_instance (and its aws_ebs_volume resources) that is no "
                                          "longer needed."},
             .references = {"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Stop_Start.html",
                            "https://aws.amazon.com/ebs/pricing/"},
             .cis = {},
             .fsbp = {}},
    .context_types = {kVolume},
    .reads = {"state", "AWS::EC2::Volume.*"},
    .context_raw = std::vector<std::string>{},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
