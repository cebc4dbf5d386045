// Every format: well-formed, complete, and inert against hostile strings from AWS.
#include "report/report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/escape.h"
#include "report/summary.h"

namespace cloudpeek::report {
namespace {

using json = nlohmann::json;
constexpr const char* kHostile = "<img src=x onerror=alert(1)></script><script>alert(2)</script>";

ReportInput sample() {
  ReportInput in;
  in.account = "111122223333";
  in.principal_arn = "arn:aws:iam::111122223333:user/auditor";
  in.started = std::chrono::system_clock::from_time_t(1795000000);
  in.finished = in.started + std::chrono::seconds(42);
  in.regions = {{"us-east-1", "opt-in-not-required", true}, {"eu-west-1", "opt-in-not-required", true}};
  CheckMetadata bucket{.id = "s3_bucket_versioning_enabled",
                       .title = "S3 bucket versioning is enabled",
                       .severity = Severity::kMedium,
                       .service = "s3",
                       .resource_type = "AWS::S3::Bucket",
                       .description = "Versioning keeps every version of an object.",
                       .risk = "Overwritten or deleted objects cannot be recovered.",
                       .remediation = {"Enable versioning.", "aws s3api put-bucket-versioning --bucket <b> ...", ""},
                       .references = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"},
                       .fsbp = {"S3.14"}};
  CheckMetadata root{.id = "iam_root_mfa_enabled",
                     .title = "Root user has MFA",
                     .severity = Severity::kCritical,
                     .service = "iam",
                     .resource_type = "AWS::::Account",
                     .cis = {"1.5"},
                     .fsbp = {"IAM.9"}};
  in.checks[bucket.id] = bucket;
  in.checks[root.id] = root;
  auto finding = [](std::string check, CheckStatus st, Severity sev, std::string svc, std::string arn,
                    std::string name, std::string detail) {
    Finding f;
    f.check_id = std::move(check);
    f.status = st;
    f.severity = sev;
    f.service = std::move(svc);
    f.resource_arn = std::move(arn);
    f.resource_name = std::move(name);
    f.resource_type = "AWS::S3::Bucket";
    f.account = "111122223333";
    f.region = "us-east-1";
    f.detail = std::move(detail);
    return f;
  };
  in.findings = {
      finding("s3_bucket_versioning_enabled", CheckStatus::kFail, Severity::kMedium, "s3", "arn:aws:s3:::evil",
              kHostile, std::string("tag Name=") + kHostile),
      finding("s3_bucket_versioning_enabled", CheckStatus::kPass, Severity::kMedium, "s3", "arn:aws:s3:::good",
              "good", "versioning Enabled"),
      finding("iam_root_mfa_enabled", CheckStatus::kNotAssessed, Severity::kCritical, "iam",
              "arn:aws:iam::111122223333:root", "root", "iam:GetAccountSummary denied (AccessDenied)"),
      finding("s3_bucket_versioning_enabled", CheckStatus::kFail, Severity::kMedium, "s3", "arn:aws:s3:::formula",
              "=HYPERLINK(\"http://x\",\"y\")", "name, with \"quotes\"\nand newline"),
  };
  CoverageGap gap;
  gap.service = "iam";
  gap.region = "global";
  gap.action = "iam:GetAccountSummary";
  gap.error_kind = "access_denied";
  gap.error_code = "AccessDenied";
  gap.message = kHostile;
  in.gaps = {gap};
  return in;
}

template <class F>
std::string render(F write) {
  std::ostringstream out;
  write(sample(), out);
  return out.str();
}

TEST(HtmlReport, HostileStringsStayInert) {
  std::string html = render(write_html);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("alert(2)</script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  // Exactly one script element: ours.
  size_t scripts = 0;
  for (size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
}

TEST(HtmlReport, SelfContainedWithChartsAndFilters) {
  std::string html = render(write_html);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Failed findings by severity\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"CIS Amazon Web Services Foundations Benchmark v3.0.0 controls per section\""),
            std::string::npos);
  EXPECT_NE(html.find("id=\"q\""), std::string::npos);
  EXPECT_NE(html.find("data-status=\"NOT_ASSESSED\""), std::string::npos);
  EXPECT_NE(html.find("iam:GetAccountSummary denied (AccessDenied)"), std::string::npos);
}

TEST(OcsfReport, DetectionFindingRecords) {
  json doc = json::parse(render(write_ocsf));
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 4u);
  const json& f = doc[0];
  EXPECT_EQ(f["class_uid"], 2004);
  EXPECT_EQ(f["category_uid"], 2);
  EXPECT_EQ(f["type_uid"], 200401);
  EXPECT_EQ(f["severity_id"], 3);
  EXPECT_EQ(f["severity"], "Medium");
  EXPECT_EQ(f["status_code"], "FAIL");
  EXPECT_EQ(f["metadata"]["version"], "1.1.0");
  EXPECT_EQ(f["resources"][0]["uid"], "arn:aws:s3:::evil");
  EXPECT_EQ(f["resources"][0]["name"], kHostile);  // JSON keeps the text; consumers escape for their medium
  EXPECT_EQ(f["cloud"]["account"]["uid"], "111122223333");
  EXPECT_EQ(f["unmapped"]["compliance"]["AWS-Foundational-Security-Best-Practices"][0], "S3.14");
  EXPECT_EQ(doc[2]["severity_id"], 5);
  EXPECT_EQ(doc[2]["status_code"], "NOT_ASSESSED");
  EXPECT_EQ(doc[2]["unmapped"]["compliance"]["CIS-3.0"][0], "1.5");
  EXPECT_NE(doc[0]["finding_info"]["uid"], doc[1]["finding_info"]["uid"]);
  EXPECT_EQ(json::parse(render(write_ocsf))[0]["finding_info"]["uid"], doc[0]["finding_info"]["uid"]);
}

TEST(CsvReport, QuotingAndFormulaInjection) {
  std::string csv = render(write_csv);
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "status,severity,check_id,title,service,account,region,resource_type,resource_arn,resource_name,detail,"
            "cis_3_0,fsbp,remediation");
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), std::string::npos);
  EXPECT_NE(csv.find("\"name, with \"\"quotes\"\"\nand newline\""), std::string::npos);
  EXPECT_EQ(csv_cell("plain"), "plain");
  EXPECT_EQ(csv_cell("-1+2"), "\"'-1+2\"");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
}

TEST(SarifReport, RulesAndFailedOrUnassessedResults) {
  json doc = json::parse(render(write_sarif));
  EXPECT_EQ(doc["version"], "2.1.0");
  const json& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "CloudPeek");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
  ASSERT_EQ(run["results"].size(), 3u);  // two FAIL, one NOT_ASSESSED; the PASS is not a result
  for (const auto& r : run["results"]) {
    int index = r["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], r["ruleId"]);
  }
  EXPECT_EQ(run["results"][0]["kind"], "fail");
  EXPECT_EQ(run["results"][0]["level"], "warning");
  EXPECT_EQ(run["results"][1]["kind"], "review");
  EXPECT_EQ(run["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "arn:aws:s3:::evil");
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["properties"]["security-severity"], "9.5");  // iam_root_mfa_enabled
}

TEST(TextReport, SummaryAndNoControlCharacters) {
  ReportInput in = sample();
  in.findings[0].detail = "evil\x1b]0;pwned\x07name";
  std::ostringstream out;
  write_text(in, out);
  std::string text = out.str();
  EXPECT_NE(text.find("Findings: 2 FAIL, 1 PASS, 1 NOT ASSESSED"), std::string::npos);
  EXPECT_NE(text.find("Coverage gaps: 1"), std::string::npos);
  EXPECT_NE(text.find("CIS Amazon Web Services Foundations Benchmark v3.0.0 (controls pass"), std::string::npos);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
}

// `scan --compliance pci-dss-4.0`: every summary rolls up PCI DSS, not CIS,
// and the per-finding formats name the PCI requirements each check assesses.
// The root MFA result could not be assessed, so 8.4 is NOT_ASSESSED, never PASS.
TEST(FrameworkReports, TheChosenFrameworkReplacesCisInEveryFormat) {
  ReportInput in = sample();
  in.framework = find_framework("pci-dss-4.0");
  ASSERT_NE(in.framework, nullptr);

  std::ostringstream text_out;
  write_text(in, text_out);
  std::string text = text_out.str();
  EXPECT_NE(text.find("PCI DSS v4.0 (controls pass / fail / not assessed / manual / not run):"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("CIS Amazon Web Services Foundations"), std::string::npos) << text;
  // Requirement 8: 8.4 not assessed; 8.1, 8.5 manual; 8.2, 8.3, 8.6 not run.
  EXPECT_NE(text.find("  8 Identify Users and Authenticate Access to System Co...    0    0    1    2    3\n"),
            std::string::npos)
      << text;

  Summary s = summarize(in);
  ASSERT_EQ(s.framework, in.framework);
  EXPECT_TRUE(s.in_scope);
  EXPECT_EQ(s.sections.size(), 12u);
  EXPECT_EQ(s.controls.size(), 63u);
  for (const auto& c : s.controls) {
    if (c.control.id == "8.4") EXPECT_EQ(c.status, "NOT_ASSESSED");
  }

  std::string html = render([&](const ReportInput&, std::ostream& o) { write_html(in, o); });
  EXPECT_NE(html.find("<h2>PCI DSS v4.0</h2>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"PCI DSS v4.0 controls per section\""), std::string::npos);
  EXPECT_NE(html.find("Multi-factor authentication (MFA) is implemented to secure access into the CDE."),
            std::string::npos);
  EXPECT_EQ(html.find("CIS Amazon Web Services Foundations"), std::string::npos);

  json ocsf = json::parse(render([&](const ReportInput&, std::ostream& o) { write_ocsf(in, o); }));
  EXPECT_EQ(ocsf[2]["unmapped"]["compliance"]["pci-dss-4.0"], json::array({"8.4"}));
  EXPECT_EQ(ocsf[2]["unmapped"]["compliance"]["CIS-3.0"][0], "1.5");  // the check's own CIS ids stay

  json sarif = json::parse(render([&](const ReportInput&, std::ostream& o) { write_sarif(in, o); }));
  auto tags = sarif["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["tags"];  // iam_root_mfa_enabled
  EXPECT_NE(std::find(tags.begin(), tags.end(), "pci-dss-4.0/8.4"), tags.end()) << tags;

  std::string csv = render([&](const ReportInput&, std::ostream& o) { write_csv(in, o); });
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "status,severity,check_id,title,service,account,region,resource_type,resource_arn,resource_name,detail,"
            "cis_3_0,fsbp,remediation,pci-dss-4.0");
  EXPECT_NE(csv.find(",iam:GetAccountSummary denied (AccessDenied),1.5,IAM.9,,8.4\r\n"), std::string::npos) << csv;

  // No check that ran assesses the framework: no empty section for it.
  in.checks.erase("iam_root_mfa_enabled");
  in.findings.erase(in.findings.begin() + 2);
  std::ostringstream none;
  write_text(in, none);
  EXPECT_EQ(none.str().find("PCI DSS v4.0"), std::string::npos) << none.str();
}

TEST(WriteReports, WritesEachFormatAtomically) {
  auto dir = std::filesystem::temp_directory_path() / ("cloudpeek-report-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  auto result = write_reports(sample(), {Format::kOcsfJson, Format::kCsv, Format::kSarif, Format::kHtml, Format::kText},
                              dir.string());
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(result.written.size(), 5u);
  for (const auto& p : result.written) EXPECT_GT(std::filesystem::file_size(p), 100u) << p;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(e.path().string().find(".partial"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(WriteReports, UnwritableDirectoryIsAClearError) {
  auto result = write_reports(sample(), {Format::kCsv}, "/proc/cloudpeek-cannot-exist/reports");
  EXPECT_TRUE(result.written.empty());
  EXPECT_NE(result.error.find("/proc/cloudpeek-cannot-exist/reports"), std::string::npos);
}

TEST(Formats, ParseNames) {
  EXPECT_EQ(parse_format("json-ocsf"), Format::kOcsfJson);
  EXPECT_EQ(parse_format("sarif"), Format::kSarif);
  EXPECT_FALSE(parse_format("pdf"));
}

}  // namespace
}  // namespace cloudpeek::report
