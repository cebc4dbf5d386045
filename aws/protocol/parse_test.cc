// Runs every response-parsing case of botocore's protocol tests
// (../shared/testdata/protocols/output/*.json and legacy/output/*.json), one
// GoogleTest per case, compared as botocore's test runner compares: blobs
// base64-decoded to text, NaN/Infinity as the strings the vectors use,
// numbers (timestamps in epoch seconds, floats) within a small tolerance,
// and for error cases the code, message and modeled members.
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "aws/core/encoding.h"
#include "aws/protocol/parse.h"

namespace cloudpeek {
namespace {

const std::string kDir = std::string(CLOUDPEEK_SHARED_TESTDATA) + "/protocols/";

// Cases not run, with the reason. Keyed by "<file>:<case id>" for the
// Smithy-generated files and "<file>:<suite description>#<n>" for legacy ones.
const std::map<std::string, std::string>& skipped_cases() {
  static const std::map<std::string, std::string> kSkips = {
      // Event streams are a binary framing (application/vnd.amazon.eventstream)
      // used by streaming APIs (Transcribe, S3 Select, Bedrock); CloudPeek's
      // read-only audit calls never return one, so there is no decoder.
      {"legacy/output/json.json:RPC JSON Event Stream#0", "event streams are not decoded (no audit API uses them)"},
      {"legacy/output/rest-xml.json:REST XML Event Stream#0", "event streams are not decoded (no audit API uses them)"},
      {"legacy/output/rest-xml.json:REST XML Event Stream#1", "event streams are not decoded (no audit API uses them)"},
      {"legacy/output/rest-xml.json:REST XML Event Stream#2", "event streams are not decoded (no audit API uses them)"},
      // A jsonvalue (mediaType) header: the legacy vectors expect the decoded
      // JSON document ({"Foo": "Bar"}), this one expects the raw decoded text
      // ("true"). We follow the legacy/botocore behaviour (a JSON value);
      // botocore skips this case too (protocol-tests-ignore-list.json).
      {"output/rest-json.json:MediaTypeHeaderOutputBase64",
       "jsonvalue headers are returned as parsed JSON (legacy vectors, botocore); this case wants raw text"},
      // <Message>Hi</Message> is in the body, yet the vector expects no message;
      // botocore skips both cases too (protocol-tests-ignore-list.json).
      {"output/ec2.json:Ec2ComplexError", "vector expects an empty message although the body carries <Message>Hi</Message>"},
      {"output/rest-xml.json:ComplexError", "vector expects an empty message although the body carries <Message>Hi</Message>"},
      // MapType is declared "type": "string" yet holds objects: a broken model.
      // CloudPeek rejects a JSON value of the wrong type as a malformed
      // response; botocore passes unchecked values through.
      {"legacy/output/json.json:Lists#1", "model declares a string shape that the body fills with objects; type mismatches are malformed here"},
  };
  return kSkips;
}

struct Case {
  std::string file;      // relative to protocols/, e.g. "output/query.json"
  std::string protocol;  // summary label, e.g. "query" or "legacy rest-xml"
  std::string key;       // skip-table key
  std::string test_name;
  json suite;
  json c;
};

std::string sanitize(const std::string& s) {
  std::string out;
  for (char ch : s) out.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return out;
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const char* files[] = {"output/query.json",         "output/ec2.json",         "output/json.json",
                         "output/json_1_0.json",      "output/rest-json.json",   "output/rest-xml.json",
                         "legacy/output/query.json",  "legacy/output/ec2.json",  "legacy/output/json.json",
                         "legacy/output/rest-json.json", "legacy/output/rest-xml.json"};
  for (const char* file : files) {
    std::ifstream in(kDir + file);
    if (!in) {
      ADD_FAILURE() << "missing test vectors " << kDir + file;
      continue;
    }
    json suites = json::parse(in);
    std::string f = file;
    bool legacy = f.rfind("legacy/", 0) == 0;
    std::string base = f.substr(f.rfind('/') + 1);
    base = base.substr(0, base.size() - 5);
    std::string label = (legacy ? "legacy " : "") + base;
    for (size_t s = 0; s < suites.size(); ++s) {
      const json& cs = suites[s]["cases"];
      for (size_t i = 0; i < cs.size(); ++i) {
        Case c;
        c.file = f;
        c.protocol = label;
        std::string id = cs[i].value("id", "");
        std::string desc = suites[s].value("description", "");
        c.key = f + ":" + (id.empty() ? desc + "#" + std::to_string(i) : id);
        c.test_name = sanitize((legacy ? "legacy_" : "") + base + "_s" + std::to_string(s) + "_" +
                               (id.empty() ? desc + "_" + std::to_string(i) : id));
        c.suite = suites[s];
        c.suite.erase("cases");
        c.c = cs[i];
        cases.push_back(std::move(c));
      }
    }
  }
  return cases;
}

// gtest prints the parameter of a failing case: the name is enough.
void PrintTo(const Case& c, std::ostream* os) { *os << c.key; }

const std::vector<Case>& all_cases() {
  static const std::vector<Case> kCases = load_cases();
  return kCases;
}

// Per-protocol counts, printed when the run ends.
struct Tally {
  int run = 0, skipped = 0;
};
std::map<std::string, Tally>& tallies() {
  static std::map<std::string, Tally> t;
  return t;
}

class SummaryPrinter : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const auto& [protocol, t] : tallies())
      std::cout << "protocol " << protocol << ": " << t.run << " run, " << t.skipped << " skipped\n";
  }
};
const auto* const kSummary = ::testing::AddGlobalTestEnvironment(new SummaryPrinter);

// ---- comparison as botocore's runner does --------------------------------

const json* shape_of(const json& shapes, const json& ref) {
  if (!ref.is_object() || !ref.contains("shape")) return nullptr;
  auto it = shapes.find(ref["shape"].get<std::string>());
  return it == shapes.end() ? nullptr : &*it;
}

// Our output in the vectors' terms: blobs decoded to text, non-finite
// doubles as "NaN" / "Infinity" / "-Infinity".
json normalize(const json& shapes, const json* shape, const json& ref, const json& v) {
  if (!shape || v.is_null()) return v;
  bool document = shape->value("document", false) || ref.value("jsonvalue", false);
  if (document) return v;
  std::string type = shape->value("type", "");
  if (type == "structure" && v.is_object()) {
    json out = json::object();
    const json members = shape->value("members", json::object());
    for (auto it = v.begin(); it != v.end(); ++it) {
      auto m = members.find(it.key());
      out[it.key()] = m == members.end() ? it.value() : normalize(shapes, shape_of(shapes, *m), *m, it.value());
    }
    return out;
  }
  if (type == "list" && v.is_array()) {
    json out = json::array();
    const json& m = (*shape)["member"];
    for (const auto& e : v) out.push_back(normalize(shapes, shape_of(shapes, m), m, e));
    return out;
  }
  if (type == "map" && v.is_object()) {
    json out = json::object();
    const json& m = (*shape)["value"];
    for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = normalize(shapes, shape_of(shapes, m), m, it.value());
    return out;
  }
  if (type == "blob" && v.is_string()) {
    auto bytes = base64_decode(v.get<std::string>());
    return bytes ? json(*bytes) : json("<not base64: " + v.get<std::string>() + ">");
  }
  if ((type == "float" || type == "double") && v.is_number_float()) {
    double d = v.get<double>();
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  }
  return v;
}

bool same(const json& actual, const json& expected) {
  if (actual.is_number() && expected.is_number()) {
    double a = actual.get<double>(), e = expected.get<double>();
    return std::fabs(a - e) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(e)});
  }
  if (actual.is_object() && expected.is_object()) {
    if (actual.size() != expected.size()) return false;
    for (auto it = expected.begin(); it != expected.end(); ++it)
      if (!actual.contains(it.key()) || !same(actual[it.key()], it.value())) return false;
    return true;
  }
  if (actual.is_array() && expected.is_array()) {
    if (actual.size() != expected.size()) return false;
    for (size_t i = 0; i < actual.size(); ++i)
      if (!same(actual[i], expected[i])) return false;
    return true;
  }
  return actual == expected;
}

// ---- the parameterized test ----------------------------------------------

class ProtocolOutput : public ::testing::TestWithParam<Case> {};

TEST_P(ProtocolOutput, Parses) {
  const Case& tc = GetParam();
  auto skip = skipped_cases().find(tc.key);
  if (skip != skipped_cases().end()) {
    ++tallies()[tc.protocol].skipped;
    GTEST_SKIP() << skip->second;
  }
  ++tallies()[tc.protocol].run;

  ServiceModel service;
  service.metadata = tc.suite["metadata"];
  service.shapes = tc.suite.value("shapes", json::object());
  OperationModel op = tc.c["given"];
  std::string name = op.value("name", "OperationName");
  op["name"] = name;
  // Real query models name the <OperationResult> element (resultWrapper);
  // the Smithy-generated query vectors leave it out of the operation.
  if (service.protocol() == Protocol::kQuery && op.contains("output") && !op["output"].contains("resultWrapper"))
    op["output"]["resultWrapper"] = name + "Result";
  service.operations[name] = op;

  const json& r = tc.c["response"];
  HttpResponse response;
  response.status = r.value("status_code", 200);
  const json headers = r.value("headers", json::object());
  for (auto it = headers.begin(); it != headers.end(); ++it)
    response.headers.emplace_back(it.key(), it.value().get<std::string>());
  response.body = r.value("body", "");

  if (tc.c.contains("error") || tc.c.contains("errorCode")) {
    WireError e = parse_error(service, response);
    EXPECT_TRUE(e.parsed);
    EXPECT_EQ(e.http_status, response.status);
    EXPECT_EQ(e.code, tc.c.value("errorCode", ""));
    json expected_message = tc.c.value("errorMessage", json());  // null when the vector has no message
    EXPECT_EQ(e.message, expected_message.is_string() ? expected_message.get<std::string>() : "");
    json expected = tc.c.value("error", json::object());
    // Normalize against the shape the code names (by error.code or by name).
    const json* shape = nullptr;
    json ref;
    for (auto it = service.shapes.begin(); it != service.shapes.end(); ++it)
      if (it.value().contains("error") && it.value()["error"].value("code", "") == e.code) ref = {{"shape", it.key()}};
    if (ref.is_null() && service.shapes.contains(e.code)) ref = {{"shape", e.code}};
    if (!ref.is_null()) shape = shape_of(service.shapes, ref);
    json actual = normalize(service.shapes, shape, ref, e.modeled);
    EXPECT_TRUE(same(actual, expected)) << "modeled error members\n  actual:   " << actual.dump()
                                        << "\n  expected: " << expected.dump();
    return;
  }

  Result<json> parsed = parse_response(service, op, response);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  json ref = op.value("output", json());
  json actual = normalize(service.shapes, shape_of(service.shapes, ref), ref, parsed.value());
  const json expected = tc.c.value("result", json::object());
  EXPECT_TRUE(same(actual, expected)) << "\n  actual:   " << actual.dump() << "\n  expected: " << expected.dump();
}

INSTANTIATE_TEST_SUITE_P(Botocore, ProtocolOutput, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.test_name; });

// Every skip names a real case: a renamed vector must not leave a stale entry.
TEST(ProtocolOutputSkips, NameExistingCases) {
  std::set<std::string> keys;
  for (const auto& c : all_cases()) keys.insert(c.key);
  for (const auto& [key, reason] : skipped_cases()) EXPECT_TRUE(keys.count(key)) << key;
}

// S3's GetBucketLocation body is the member itself, with no wrapper element
// (botocore handles it in a customisation; CloudPeek needs it for bucket regions).
TEST(RestXml, RootElementThatIsTheOutputsMember) {
  ServiceModel s3;
  s3.metadata = {{"protocol", "rest-xml"}};
  s3.shapes = json::parse(R"({
    "GetBucketLocationOutput": {"type": "structure", "members": {"LocationConstraint": {"shape": "Region"}}},
    "Region": {"type": "string"}})");
  OperationModel op = {{"name", "GetBucketLocation"}, {"output", {{"shape", "GetBucketLocationOutput"}}}};
  HttpResponse r;
  r.status = 200;
  r.body = R"(<?xml version="1.0" encoding="UTF-8"?>
<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>)";
  Result<json> out = parse_response(s3, op, r);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, json({{"LocationConstraint", "eu-west-1"}}));
  r.body = R"(<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>)";  // us-east-1
  out = parse_response(s3, op, r);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, json({{"LocationConstraint", ""}}));
}

// A member added to an API after the model was published (DynamoDB's
// DeletionProtectionEnabled, March 2023, is not in botocore 1.29's model): AWS
// sends it; the client asks for it to be kept as sent, at any depth, beside
// the modeled members.
TEST(Json, MembersTheModelDoesNotListAreKeptWhenAsked) {
  ServiceModel ddb;
  ddb.metadata = {{"protocol", "json"}, {"jsonVersion", "1.0"}, {"targetPrefix", "DynamoDB_20120810"}};
  ddb.shapes = json::parse(R"({
    "DescribeTableOutput": {"type": "structure", "members": {"Table": {"shape": "TableDescription"}}},
    "TableDescription": {"type": "structure", "members": {
        "TableName": {"shape": "S"}, "CreationDateTime": {"shape": "T"}}},
    "S": {"type": "string"}, "T": {"type": "timestamp"}})");
  OperationModel op = {{"name", "DescribeTable"}, {"output", {{"shape", "DescribeTableOutput"}}}};
  HttpResponse r;
  r.status = 200;
  r.body = R"({"Table": {"TableName": "payments", "CreationDateTime": 1.7E9,
                          "DeletionProtectionEnabled": true, "OnDemandThroughput": {"MaxReadRequestUnits": -1},
                          "Gone": null}})";
  const ParseOptions keep{.keep_unknown_members = true};
  Result<json> out = parse_response(ddb, op, r, keep);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, json::parse(R"({"Table": {"TableName": "payments", "CreationDateTime": 1700000000,
      "DeletionProtectionEnabled": true, "OnDemandThroughput": {"MaxReadRequestUnits": -1}}})"));
  // Without the option, as botocore ("Ignores extra data"): the model's members only.
  out = parse_response(ddb, op, r);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, json::parse(R"({"Table": {"TableName": "payments", "CreationDateTime": 1700000000}})"));
  // A modeled member under its own name is still checked against its shape.
  r.body = R"({"Table": {"TableName": 7}})";
  EXPECT_FALSE(parse_response(ddb, op, r, keep).ok());
  // rest-json bodies too.
  ServiceModel rj = ddb;
  rj.metadata = {{"protocol", "rest-json"}};
  OperationModel get = {{"name", "DescribeTable"}, {"http", {{"method", "GET"}, {"requestUri", "/"}}},
                        {"output", {{"shape", "DescribeTableOutput"}}}};
  r.body = R"({"Table": {"TableName": "payments", "Newer": [1, 2]}, "TopLevelNewer": "x"})";
  out = parse_response(rj, get, r, keep);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, json::parse(R"({"Table": {"TableName": "payments", "Newer": [1, 2]}, "TopLevelNewer": "x"})"));
}

}  // namespace
}  // namespace cloudpeek
