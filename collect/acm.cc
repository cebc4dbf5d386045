// ACM (regional): certificates of every key type (ListCertificates returns only
// RSA_2048 ones unless Includes.keyTypes says otherwise) with their details.
//
// AWS::CertificateManager::Certificate  arn = CertificateArn
//   props: domain_name, status ("ISSUED", "EXPIRED", ...), type ("AMAZON_ISSUED", "IMPORTED", ...),
//          key_algorithm ("RSA-2048", "EC-prime256v1", ... as DescribeCertificate names it),
//          not_after (ISO 8601 string or null), in_use_by ([ARNs]), renewal_eligibility (string)
//          [all but domain_name missing when DescribeCertificate failed]
#include <chrono>
#include <cmath>
#include <optional>

#include "aws/core/time_format.h"
#include "collect/collector.h"

namespace cloudpeek::collect {
namespace {

void collect_certificates(CollectContext& ctx, const std::string& region) {
  json params = {{"Includes",
                  {{"keyTypes", {"RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1",
                                 "EC_secp521r1"}}}}};
  auto out = call_all_pages(ctx, "acm", "ListCertificates", params, region);
  if (!out) {
    record_failure(ctx, out.error(), "acm", "ListCertificates", region, {"AWS::CertificateManager::Certificate"});
    return;
  }
  for (const auto& c : out->value("CertificateSummaryList", json::array())) {
    std::string arn = c.value("CertificateArn", "");
    std::string domain = c.value("DomainName", "");
    ctx.spawn([&ctx, region, arn, domain] {
      Resource r;
      r.type = "AWS::CertificateManager::Certificate";
      r.account = ctx.account();
      r.region = region;
      r.arn = arn;
      r.id = arn.substr(arn.rfind('/') + 1);
      r.name = domain;
      r.props["domain_name"] = domain;
      auto d = ctx.call("acm", "DescribeCertificate", {{"CertificateArn", arn}}, region);
      if (!d) {
        record_missing(ctx, r, "not_after", d.error(), "acm", "DescribeCertificate");
        for (const char* p : {"status", "type", "key_algorithm", "in_use_by", "renewal_eligibility"})
          r.missing[p] = r.missing["not_after"];
      } else {
        const json& cert = d->value("Certificate", json::object());
        r.raw = cert;
        r.props["status"] = cert.value("Status", "");
        r.props["type"] = cert.value("Type", "");
        r.props["key_algorithm"] = cert.value("KeyAlgorithm", "");
        r.props["not_after"] = iso_timestamp(cert.value("NotAfter", json()));
        r.props["in_use_by"] = cert.value("InUseBy", json::array());
        r.props["renewal_eligibility"] = cert.value("RenewalEligibility", "");
      }
      ctx.emit(std::move(r));
    });
  }
}

const RegisterCollector reg({.service = "acm", .global = false,
                             .produces = {"AWS::CertificateManager::Certificate"}, .collect = collect_certificates});

}  // namespace
}  // namespace cloudpeek::collect
