// Runs every request-serialization case of botocore's protocol tests
// (../shared/testdata/protocols/input and legacy/input) for the protocols
// CloudPeek speaks, one GoogleTest per case, and prints per protocol how many
// ran and how many were skipped. Skips are listed in kSkips below, each with
// its reason; nothing else is skipped.
//
// Comparison follows what the wire means rather than byte equality where
// bytes carry no meaning:
//  - uri: the path exactly; query parameters as a multiset of encoded pairs
//    (their order does not matter to AWS, and SigV4 sorts them anyway);
//  - headers: every expected header with its value (names case-insensitive;
//    a Content-Type expected without parameters matches on the media type,
//    since "; charset=utf-8" changes nothing for a form body);
//  - body: JSON as parsed JSON, XML canonically (attributes as a set,
//    insignificant whitespace between elements ignored, leaf text exact),
//    form bodies as a multiset of decoded parameters; anything else byte for byte;
//  - host: the hostPrefix joined to the suite's clientEndpoint as
//    aws/client does; uri likewise behind the endpoint's own path.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "aws/core/encoding.h"
#include "aws/protocol/serialize.h"

namespace cloudpeek {
namespace {

// ---------------------------------------------------------------------------
// Skipped cases. `file` is relative to testdata/protocols; `key` is the case
// id for the Smithy-generated files, or the suite description for a whole
// suite (legacy files have no ids).
struct Skip {
  const char* file;
  const char* key;
  const char* reason;
};

constexpr const char* kCompression =
    "request compression (requestcompression trait, gzip Content-Encoding) is not implemented: "
    "CloudPeek is read-only and never sends a payload large enough to compress";

constexpr const char* kPayloadRootName =
    "the element name of an XML root or payload: this case expects Smithy's rule (the target "
    "shape's name), but the botocore-format model gives the element a locationName (on the operation "
    "input or the payload member) and real AWS models depend on that name winning, e.g. S3 "
    "PutBucketLifecycleConfiguration sends <LifecycleConfiguration> for a member whose shape is "
    "BucketLifecycleConfiguration; CloudPeek follows the model as written, as botocore does";

constexpr const char* kEmptyListHeader =
    "an empty list bound to a header: Smithy sends an empty header, botocore (and CloudPeek) send "
    "none, which RFC 7230 list syntax treats as the same empty list; the legacy case 'List in "
    "header' requires the header to be absent, so both cannot pass";

const Skip kSkips[] = {
    {"input/query.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/ec2.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/json.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/json_1_0.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/rest-json.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/rest-xml.json", "Test cases for PutWithContentEncoding operation", kCompression},
    {"input/rest-xml.json", "BodyWithXmlName", kPayloadRootName},
    {"input/rest-xml.json", "HttpPayloadWithXmlName", kPayloadRootName},
    {"input/rest-xml.json", "HttpPayloadWithXmlNamespace", kPayloadRootName},
    {"input/rest-xml.json", "HttpPayloadWithXmlNamespaceAndPrefix", kPayloadRootName},
    {"input/rest-xml.json", "RestXmlHttpPayloadWithUnion", kPayloadRootName},
    {"input/rest-xml.json", "XmlAttributesOnPayload", kPayloadRootName},
    {"input/rest-json.json", "RestJsonNullAndEmptyHeaders", kEmptyListHeader},
    {"input/rest-xml.json", "NullAndEmptyHeaders", kEmptyListHeader},
    {"input/rest-json.json", "RestJsonHttpChecksumRequired",
     "httpChecksumRequired (Content-MD5) is not implemented: it marks only write operations, which "
     "read-only CloudPeek never calls; and the expected digest is of this case's pretty-printed body "
     "bytes, which no compact JSON writer reproduces"},
};

const Skip* find_skip(const std::string& file, const std::string& suite, const std::string& id) {
  for (const Skip& s : kSkips) {
    if (file == s.file && (suite == s.key || (!id.empty() && id == s.key))) return &s;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Loading the cases.

struct Case {
  std::string file;      // "input/query.json"
  std::string protocol;  // "query", "json_1_0", ...
  std::string suite_description;
  std::string id;        // empty for legacy cases
  std::string name;      // unique GoogleTest name
  json suite;            // metadata, shapes, clientEndpoint
  json c;                // given, serialized, description
  // Kept in the file's order: the expected bodies list structure members and
  // map entries in the order the params give them.
  nlohmann::ordered_json params;
};

std::string text_or(const json& obj, const char* key, const std::string& fallback) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string sanitize(const std::string& s) {
  std::string out;
  for (char ch : s) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return out;
}

std::vector<Case> load_cases() {
  const std::string root = std::string(CLOUDPEEK_SHARED_TESTDATA) + "/protocols/";
  const char* protocols[] = {"query", "ec2", "json", "json_1_0", "rest-json", "rest-xml"};
  std::vector<Case> cases;
  for (const char* dir : {"input/", "legacy/input/"}) {
    for (const char* protocol : protocols) {
      std::string file = std::string(dir) + protocol + ".json";
      std::ifstream in(root + file);
      if (!in) continue;  // legacy has no json_1_0; a missing new file fails below
      auto suites = nlohmann::ordered_json::parse(in);
      for (size_t s = 0; s < suites.size(); ++s) {
        const json suite = json(suites[s]);
        for (size_t i = 0; i < suite["cases"].size(); ++i) {
          Case k;
          k.file = file;
          k.protocol = protocol;
          k.suite_description = text_or(suite, "description", "");
          k.c = suite["cases"][i];
          k.params = suites[s]["cases"][i]["params"];
          k.id = text_or(k.c, "id", "");
          k.suite = suite;
          k.suite.erase("cases");
          k.name = sanitize((std::string(dir) == "input/" ? "" : "legacy_") + std::string(protocol) + "_" +
                            std::to_string(s) + "_" + std::to_string(i) + (k.id.empty() ? "" : "_" + k.id));
          cases.push_back(std::move(k));
        }
      }
    }
  }
  return cases;
}

const std::vector<Case>& all_cases() {
  static const std::vector<Case> cases = load_cases();
  return cases;
}

// ---------------------------------------------------------------------------
// Per-protocol summary, printed when the whole run ends. Counted from the test
// results themselves, so exceptions and assertion failures are all included.

class SummaryPrinter : public ::testing::EmptyTestEventListener {
 public:
  void OnTestEnd(const ::testing::TestInfo& info) override {
    if (std::string(info.test_suite_name()) != "Botocore/ProtocolInput") return;
    std::string name = info.name();
    name = name.substr(name.find('/') + 1);
    for (const Case& k : all_cases()) {
      if (k.name != name) continue;
      Counts& c = counts_[k.protocol];
      bool legacy = k.file.rfind("legacy/", 0) == 0;
      if (info.result()->Skipped()) {
        ++c.skipped;
      } else {
        ++c.run;
        ++(legacy ? c.legacy_run : c.input_run);
        if (info.result()->Failed()) ++c.failed;
      }
    }
  }
  void OnTestProgramEnd(const ::testing::UnitTest&) override {
    for (const auto& [protocol, c] : counts_)
      std::cout << "protocol " << protocol << ": " << c.run << " run, " << c.skipped << " skipped ("
                << (c.run - c.failed) << " passed, " << c.failed << " failed; run: " << c.input_run
                << " input, " << c.legacy_run << " legacy)\n";
  }

 private:
  struct Counts {
    int run = 0, skipped = 0, failed = 0, input_run = 0, legacy_run = 0;
  };
  std::map<std::string, Counts> counts_;
};

class SummaryEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ::testing::UnitTest::GetInstance()->listeners().Append(new SummaryPrinter); }
};
[[maybe_unused]] auto* const kSummary = ::testing::AddGlobalTestEnvironment(new SummaryEnvironment);

void PrintTo(const Case& k, std::ostream* os) { *os << k.file << " " << k.name; }

// ---------------------------------------------------------------------------
// Canonical forms for comparison.

std::vector<std::string> query_pairs(const std::string& query) {
  std::vector<std::string> out;
  std::stringstream ss(query);
  for (std::string piece; std::getline(ss, piece, '&');)
    if (!piece.empty()) out.push_back(piece);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> form_params(const std::string& body) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& piece : query_pairs(body)) {
    auto eq = piece.find('=');
    std::string k = piece.substr(0, eq), v = eq == std::string::npos ? "" : piece.substr(eq + 1);
    out.emplace_back(uri_decode(k, true), uri_decode(v, true));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One line per element, indented by depth, children in document order.
// Attributes are sorted; text between child elements that is only whitespace
// is formatting and dropped; a leaf's text is kept exactly.
void canonical_xml(const pugi::xml_node& node, int depth, std::string& out) {
  std::vector<std::string> attrs;
  for (const auto& a : node.attributes()) attrs.push_back(std::string(a.name()) + "=\"" + a.value() + "\"");
  std::sort(attrs.begin(), attrs.end());
  out += std::string(depth * 2, ' ') + "<" + node.name();
  for (const auto& a : attrs) out += " " + a;
  out += ">";
  std::vector<pugi::xml_node> children;
  std::string text;
  for (const auto& child : node.children()) {
    if (child.type() == pugi::node_element) children.push_back(child);
    else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  }
  if (children.empty()) {
    out += text + "\n";
    return;
  }
  out += "\n";
  for (const auto& child : children) canonical_xml(child, depth + 1, out);
}

std::string canonical_xml(const std::string& text) {
  pugi::xml_document doc;
  auto parsed = doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) return "<unparseable XML: " + std::string(parsed.description()) + ">\n" + text;
  std::string out;
  for (const auto& child : doc.children())
    if (child.type() == pugi::node_element) canonical_xml(child, 0, out);
  return out;
}

bool starts_like_xml(const std::string& s) {
  auto p = s.find_first_not_of(" \t\r\n");
  return p != std::string::npos && s[p] == '<';
}

void expect_body(const std::string& protocol, const std::string& actual, const std::string& expected) {
  if (expected.empty()) {
    EXPECT_EQ(actual, "") << "body";
    return;
  }
  if (protocol == "query" || protocol == "ec2") {
    EXPECT_EQ(form_params(actual), form_params(expected)) << "form body\nactual:   " << actual
                                                          << "\nexpected: " << expected;
    return;
  }
  if (protocol == "rest-xml" && starts_like_xml(expected)) {
    EXPECT_EQ(canonical_xml(actual), canonical_xml(expected)) << "XML body\nactual:   " << actual;
    return;
  }
  json want = json::parse(expected, nullptr, /*allow_exceptions=*/false);
  if (!want.is_discarded()) {
    json got = json::parse(actual, nullptr, false);
    EXPECT_FALSE(got.is_discarded()) << "body is not JSON: " << actual;
    EXPECT_EQ(got, want) << "JSON body\nactual:   " << actual << "\nexpected: " << expected;
    return;
  }
  EXPECT_EQ(actual, expected) << "body";
}

std::string media_type(const std::string& v) {
  std::string m = v.substr(0, v.find(';'));
  while (!m.empty() && m.back() == ' ') m.pop_back();
  return m;
}

// RFC 7230 list syntax allows optional whitespace after each comma; the new
// cases write "a, b", the legacy ones "a,b". Spaces inside quotes are kept.
std::string list_spacing(const std::string& v) {
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '"' && (i == 0 || v[i - 1] != '\\')) quoted = !quoted;
    if (!quoted && v[i] == ' ' && !out.empty() && out.back() == ',') continue;
    out += v[i];
  }
  return out;
}

void expect_headers(const Headers& actual, const std::string& body, const json& serialized) {
  const json expected = serialized.value("headers", json::object());
  for (const auto& [name, value] : expected.items()) {
    auto got = find_header(actual, name);
    if (!got) {
      ADD_FAILURE() << "missing header " << name;
      continue;
    }
    std::string want = value.get<std::string>();
    if (name == "Content-Type" && want.find(';') == std::string::npos)
      EXPECT_EQ(media_type(*got), want) << "header " << name << ": " << *got;
    else
      EXPECT_EQ(list_spacing(*got), list_spacing(want)) << "header " << name << ": " << *got;
  }
  // forbidHeaders: the serializer itself must not set them (Content-Length
  // included: the transport derives it from the body).
  for (const auto& name : serialized.value("forbidHeaders", json::array()))
    EXPECT_FALSE(find_header(actual, name.get<std::string>())) << "forbidden header " << name;
  // requireHeaders: present on the request as sent, where the transport adds
  // Content-Length for every non-empty body.
  for (const auto& name : serialized.value("requireHeaders", json::array())) {
    std::string n = name.get<std::string>();
    bool transport_adds = n == "Content-Length" && !body.empty();
    EXPECT_TRUE(transport_adds || find_header(actual, n)) << "required header " << n;
  }
}

// ---------------------------------------------------------------------------

class ProtocolInput : public ::testing::TestWithParam<Case> {};

TEST_P(ProtocolInput, Serializes) {
  const Case& k = GetParam();
  if (const Skip* skip = find_skip(k.file, k.suite_description, k.id)) GTEST_SKIP() << skip->reason;
  SCOPED_TRACE(k.file + " / " + k.suite_description + " / " + (k.id.empty() ? text_or(k.c, "description", "") : k.id));

  ServiceModel service;
  service.metadata = k.suite["metadata"];
  service.shapes = k.suite["shapes"];
  OperationModel op = k.c["given"];
  if (!op.contains("name")) op["name"] = "OperationName";
  service.operations[op["name"].get<std::string>()] = op;

  SerializeOptions options;
  // The value botocore's tests expect from an auto-filled idempotency token.
  options.idempotency_token = [] { return std::string("00000000-0000-4000-8000-000000000000"); };
  auto result = serialize_request(service, op, k.params, options);
  if (!result) {
    FAIL() << "serialize_request failed: " << result.error().message;
  }
  const SerializedRequest& req = *result;
  const json& want = k.c["serialized"];

  // Join to the endpoint as aws/client does: the prefix before the host, the
  // endpoint's own path before the request's.
  std::string endpoint = text_or(k.suite, "clientEndpoint", "https://example.com");
  std::string authority = endpoint.substr(endpoint.find("://") + 3);
  std::string endpoint_path = authority.find('/') == std::string::npos ? "" : authority.substr(authority.find('/'));
  if (!endpoint_path.empty() && endpoint_path.back() == '/') endpoint_path.pop_back();
  std::string uri = endpoint_path + req.path;

  if (want.contains("method")) EXPECT_EQ(req.method, want["method"].get<std::string>());
  std::string want_uri = want.value("uri", "/");
  auto split = [](const std::string& u) {
    auto q = u.find('?');
    return std::pair{u.substr(0, q), q == std::string::npos ? std::string() : u.substr(q + 1)};
  };
  auto [got_path, got_query] = split(uri);
  auto [want_path, want_query] = split(want_uri);
  EXPECT_EQ(got_path, want_path) << "uri path (" << uri << ")";
  EXPECT_EQ(query_pairs(got_query), query_pairs(want_query)) << "query string: " << uri << " vs " << want_uri;
  expect_headers(req.headers, req.body, want);
  if (want.contains("body")) expect_body(k.protocol, req.body, want["body"].get<std::string>());
  if (want.contains("host")) EXPECT_EQ(req.host_prefix + authority, want["host"].get<std::string>()) << "host";

}

INSTANTIATE_TEST_SUITE_P(Botocore, ProtocolInput, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

// Guards against a moved or emptied test-data folder passing silently.
TEST(ProtocolInputData, AllFilesPresent) {
  std::map<std::string, int> per_file;
  for (const Case& k : all_cases()) ++per_file[k.file];
  for (const char* f : {"input/query.json", "input/ec2.json", "input/json.json", "input/json_1_0.json",
                        "input/rest-json.json", "input/rest-xml.json", "legacy/input/query.json",
                        "legacy/input/ec2.json", "legacy/input/json.json", "legacy/input/rest-json.json",
                        "legacy/input/rest-xml.json"})
    EXPECT_GT(per_file[f], 0) << f;
}

// Every skip must still name a case that exists, so the table cannot rot.
TEST(ProtocolInputData, EverySkipMatchesACase) {
  for (const Skip& s : kSkips) {
    bool found = false;
    for (const Case& k : all_cases())
      if (k.file == s.file && (k.suite_description == s.key || k.id == s.key)) found = true;
    EXPECT_TRUE(found) << s.file << ": " << s.key;
  }
}

// ---------------------------------------------------------------------------
// Behaviour the shared vectors do not pin down.

ServiceModel rest_json_model() {
  ServiceModel m;
  m.metadata = {{"protocol", "rest-json"}, {"apiVersion", "2020-01-01"}};
  m.shapes = json::parse(R"({
    "In": {"type": "structure", "members": {
      "Id": {"shape": "S", "location": "uri", "locationName": "Id"},
      "Token": {"shape": "S", "idempotencyToken": true}}},
    "S": {"type": "string"}})");
  return m;
}

const json kGetThing = json::parse(R"({"name": "GetThing", "http": {"method": "GET", "requestUri": "/things/{Id}"},
                                       "input": {"shape": "In"}})");

TEST(SerializeRequest, MissingUriLabelIsInvalidInput) {
  auto r = serialize_request(rest_json_model(), kGetThing, json{{"Token", "t"}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(r.error().message.find("Id"), std::string::npos) << r.error().message;
}

// Glacier's every request names its API version in a header, as botocore sends it; other services' do not.
TEST(SerializeRequest, GlacierRequestsCarryTheApiVersionHeader) {
  ServiceModel glacier = rest_json_model();
  glacier.metadata["endpointPrefix"] = "glacier";
  glacier.metadata["apiVersion"] = "2012-06-01";
  auto r = serialize_request(glacier, kGetThing, json{{"Id", "a"}});
  ASSERT_TRUE(r);
  auto has = [](const auto& req) {
    return std::any_of(req.headers.begin(), req.headers.end(), [](const auto& h) {
      return h.first == "x-amz-glacier-version" && h.second == "2012-06-01";
    });
  };
  EXPECT_TRUE(has(*r));
  auto other = serialize_request(rest_json_model(), kGetThing, json{{"Id", "a"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(has(*other));
}

TEST(SerializeRequest, UnknownParameterIsInvalidInput) {
  auto r = serialize_request(rest_json_model(), kGetThing, json{{"Id", "a"}, {"Nope", 1}});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(r.error().message.find("Nope"), std::string::npos) << r.error().message;
}

TEST(SerializeRequest, IdempotencyTokenDefaultsToRandomUuidV4) {
  auto a = serialize_request(rest_json_model(), kGetThing, json{{"Id", "a/b"}});
  auto b = serialize_request(rest_json_model(), kGetThing, json{{"Id", "a/b"}});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->path, "/things/a%2Fb");
  std::string token = json::parse(a->body)["Token"];
  EXPECT_EQ(token.size(), 36u);
  EXPECT_EQ(token[14], '4');
  EXPECT_NE(token, json::parse(b->body)["Token"].get<std::string>());
}

}  // namespace
}  // namespace cloudpeek
