// Cost hygiene: a gp2 volume costs more than a gp3 volume of the same size
// that gives it at least the same performance (gp3 is 20% cheaper per GiB and
// includes 3,000 IOPS and 125 MiB/s).
#include "checks/cost_registry.h"
#include "checks/cost_util.h"
#include "checks/require_prop.h"

namespace cloudpeek::checks {
namespace {

const char kId[] = "ec2_ebs_gp2_to_gp3";

// gp2's cost minus its gp3 equivalent's; the how names both or the missing price.
cost::Estimate saving(const Resource& v) {
  double gib = cost::number_prop(v, "size_gib");
  auto gp2 = cost::volume(v.region, "gp2", gib, 0, 0);
  if (!gp2.usd) return gp2;
  auto gp3 = cost::gp3_equivalent(v.region, gib);
  if (!gp3.usd) return gp3;
  return {*gp2.usd - *gp3.usd, "gp2: " + gp2.how + " = " + prices::usd(*gp2.usd) + "; gp3 with the same performance: " +
                                   gp3.how + " = " + prices::usd(*gp3.usd)};
}

CheckResult evaluate(const Resource& v, const Inventory&) {
  std::string why;
  const json* type = require_prop(v, "volume_type", &why);
  if (!type) return not_assessed(why);
  if (*type != "gp2") return pass("Volume " + v.name + " is " + type->get<std::string>() + ", not gp2.");
  if (!require_prop(v, "size_gib", &why)) return not_assessed(why);
  auto s = saving(v);
  if (s.usd && *s.usd <= 0)
    return pass("Volume " + v.name + " is gp2, but gp3 with the same performance would not be cheaper " +
                prices::basis(s.how, v.region) + ".");
  return fail("Volume " + v.name + " is gp2: migrating it to gp3 (in place, without downtime) keeps its performance "
              "for less." + cost::sentence(s, v.region, "saves ≈ "));
}

std::optional<double> monthly(const Resource& v, const Inventory&) { return saving(v).usd; }

const RegisterCheck reg({
    .meta = {.id = kId,
             .title = "gp2 EBS volumes should be migrated to gp3 (cost)",
             .severity = Severity::kLow,
             .service = "ec2",
             .resource_type = "AWS::EC2::Volume",
             .description = "Cost hygiene: checks for gp2 volumes that gp3 would make cheaper with at least the same "
                            "baseline IOPS and throughput. The finding carries the estimated monthly saving.",
             .risk = "gp2 volumes cost about 20% more per GiB than gp3 for the same or better performance.",
             .remediation = {.text = "Modify the volume's type to gp3 (Elastic Volumes: online, no detach), setting "
                                     "IOPS and throughput at least to what the gp2 volume gave.",
                             .cli = "aws ec2 modify-volume --volume-id <vol-id> --volume-type gp3",
                             .terraform = "resource \"aws_ebs_volume\" \"example\" {\n  # ...\n  type = \"gp3\"\n}"},
             .references = {"https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html",
                            "https://docs.aws.amazon.com/ebs/latest/userguide/requesting-ebs-volume-modifications.html",
                            "https://aws.amazon.com/ebs/pricing/"},
             .cis = {},
             .fsbp = {}},
    .reads = {"volume_type", "size_gib"},
    .evaluate = evaluate});
const RegisterMonthlyCost cost_reg(kId, monthly);

}  // namespace
}  // namespace cloudpeek::checks
