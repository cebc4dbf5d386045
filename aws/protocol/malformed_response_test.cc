// Bodies that are not what the model says: each gives kMalformedResponse
// with a message naming the operation and the problem (never the body), and
// nothing crashes. Error bodies that are not error documents give
// parsed=false with the HTTP status.
#include <gtest/gtest.h>

#include "aws/protocol/parse.h"

namespace cloudpeek {
namespace {

ServiceModel model(const char* protocol) {
  ServiceModel m;
  m.metadata = {{"protocol", protocol}, {"serviceId", "Test"}};
  m.shapes = json::parse(R"({
    "Out": {"type": "structure", "members": {
      "Name": {"shape": "S"}, "Count": {"shape": "I"}, "When": {"shape": "T"},
      "Data": {"shape": "B"}, "Flag": {"shape": "Bool"}, "Ratio": {"shape": "D"},
      "Items": {"shape": "L"}, "Tags": {"shape": "M"}, "Next": {"shape": "Out"},
      "Id": {"shape": "S", "location": "header", "locationName": "x-id"},
      "Size": {"shape": "I", "location": "header", "locationName": "x-size"}}},
    "S": {"type": "string"}, "I": {"type": "integer"}, "T": {"type": "timestamp"},
    "B": {"type": "blob"}, "Bool": {"type": "boolean"}, "D": {"type": "double"},
    "L": {"type": "list", "member": {"shape": "S"}},
    "M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
    "Broken": {"type": "structure", "members": {"X": {"shape": "Missing"}}},
    "AccessDenied": {"type": "structure", "members": {"Message": {"shape": "S"}}, "exception": true}
  })");
  return m;
}

OperationModel op(const char* output = "Out") {
  OperationModel o = {{"name", "GetThing"}, {"http", {{"method", "POST"}, {"requestUri", "/"}}}};
  o["output"] = {{"shape", output}};
  return o;
}

HttpResponse response(std::string body, int status = 200, Headers headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

// Parses and expects kMalformedResponse whose message contains every `needle`.
void expect_malformed(const char* protocol, const std::string& body, std::vector<std::string> needles,
                      const OperationModel& o = op()) {
  Result<json> r = parse_response(model(protocol), o, response(body));
  ASSERT_FALSE(r.ok()) << protocol << " accepted: " << body.substr(0, 200);
  EXPECT_EQ(r.error().kind, ErrorKind::kMalformedResponse);
  EXPECT_NE(r.error().message.find("GetThing"), std::string::npos) << r.error().message;
  for (const auto& n : needles) EXPECT_NE(r.error().message.find(n), std::string::npos) << r.error().message;
  EXPECT_LT(r.error().message.size(), 400u) << "the message must not echo the body";
}

TEST(MalformedResponse, TruncatedXml) {
  expect_malformed("rest-xml", "<Out><Name>abc</Name><Count>1</Cou", {"XML"});
  expect_malformed("ec2", "<Out><Name>abc", {"XML"});
  expect_malformed("query", "not xml at all", {"XML"});
}

TEST(MalformedResponse, NotJson) {
  expect_malformed("json", "{\"Name\": \"abc\"", {"JSON"});
  expect_malformed("rest-json", "<html>Bad Gateway</html>", {"JSON"});
}

TEST(MalformedResponse, WrongJsonTypes) {
  expect_malformed("json", R"({"Count": "seven"})", {"Count", "integer"});
  expect_malformed("json", R"({"Name": {"a": 1}})", {"Name", "string"});
  expect_malformed("json", R"({"Items": "a,b"})", {"Items", "list"});
  expect_malformed("json", R"({"Tags": ["a"]})", {"Tags", "map"});
  expect_malformed("json", R"({"Flag": "yes"})", {"Flag", "boolean"});
  expect_malformed("json", R"(["not", "an", "object"])", {"object"});
  expect_malformed("rest-json", R"({"Next": {"Next": {"Count": true}}})", {"Next.Next.Count"});
}

TEST(MalformedResponse, WrongXmlScalars) {
  expect_malformed("rest-xml", "<Out><Count>seven</Count></Out>", {"Count", "integer"});
  expect_malformed("rest-xml", "<Out><Flag>yes</Flag></Out>", {"Flag", "boolean"});
  expect_malformed("rest-xml", "<Out><Ratio>1.5x</Ratio></Out>", {"Ratio", "number"});
}

TEST(MalformedResponse, BadTimestamps) {
  expect_malformed("rest-xml", "<Out><When>yesterday</When></Out>", {"When", "timestamp"});
  expect_malformed("json", R"({"When": "2019-13-45T99:00:00Z"})", {"When", "timestamp"});
  expect_malformed("json", R"({"When": 1e300})", {"When"});
  expect_malformed("rest-xml", "<Out><When>1e300</When></Out>", {"When"});
}

TEST(MalformedResponse, BadBase64) {
  expect_malformed("json", R"({"Data": "not*base64"})", {"Data", "base64"});
  expect_malformed("rest-xml", "<Out><Data>%%%</Data></Out>", {"Data", "base64"});
}

TEST(MalformedResponse, HugeNumbers) {
  expect_malformed("rest-xml", "<Out><Count>99999999999999999999999999</Count></Out>", {"Count"});
  expect_malformed("json", R"({"Count": 99999999999999999999999999})", {"Count"});
  expect_malformed("json", R"({"Ratio": 1e99999})", {"JSON"});
}

TEST(MalformedResponse, BadHeaders) {
  Result<json> r = parse_response(model("rest-json"), op(), response("{}", 200, {{"x-size", "big"}}));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Size"), std::string::npos) << r.error().message;
}

TEST(MalformedResponse, DeepNestingDoesNotExhaustTheStack) {
  std::string json_body = std::string(200000, '[') + std::string(200000, ']');
  expect_malformed("json", json_body, {"nested"});
  std::string deep_json;
  for (int i = 0; i < 5000; ++i) deep_json += "{\"Next\":";
  deep_json += "{}" + std::string(5000, '}');
  expect_malformed("rest-json", deep_json, {"nested"});
  std::string xml;
  for (int i = 0; i < 100000; ++i) xml += "<Next>";
  for (int i = 0; i < 100000; ++i) xml += "</Next>";
  expect_malformed("rest-xml", "<Out>" + xml + "</Out>", {"nested"});
}

TEST(MalformedResponse, HugeBodyIsNotEchoed) {
  std::string body(1 << 20, 'x');
  expect_malformed("rest-xml", body, {"XML"});
  expect_malformed("json", body, {"JSON"});
  std::string long_value = "<Out><Count>" + std::string(100000, '7') + "x</Count></Out>";
  expect_malformed("rest-xml", long_value, {"Count"});
}

TEST(MalformedResponse, BrokenModelIsAnErrorNotACrash) {
  expect_malformed("rest-xml", "<Broken><X>1</X></Broken>", {"Missing"}, op("Broken"));
  expect_malformed("json", "{}", {"NoSuchShape"}, op("NoSuchShape"));
}

TEST(MalformedResponse, InvalidUtf8BecomesReplacementCharacters) {
  Result<json> r = parse_response(model("rest-xml"), op(), response("<Out><Name>a\xff\xfe b</Name></Out>"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_NO_THROW((void)r->dump());
  EXPECT_EQ((*r)["Name"], "a\xEF\xBF\xBD\xEF\xBF\xBD b");
}

TEST(MalformedResponse, WellFormedStillParses) {
  Result<json> r = parse_response(
      model("rest-xml"), op(),
      response("<Out><Name>n</Name><Count>3</Count><When>2015-08-30T12:36:00.5Z</When><Data>aGk=</Data>"
               "<Items><member>a</member></Items><Tags><entry><key>k</key><value>v</value></entry></Tags></Out>",
               200, {{"x-id", "abc"}}));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, json::parse(R"({"Id": "abc", "Name": "n", "Count": 3, "When": 1440938160.5, "Data": "aGk=",
                                "Items": ["a"], "Tags": {"k": "v"}})"));
}

// ---- parse_error ----------------------------------------------------------

TEST(ParseError, GarbageGivesUnparsedWithStatus) {
  for (const char* protocol : {"query", "ec2", "json", "rest-json", "rest-xml"}) {
    for (const char* body : {"", "<html>502 Bad Gateway</html>", "{\"message\": \"oops\"}", "\x01\x02\xff",
                             "<Error><Code>Tru"}) {
      WireError e = parse_error(model(protocol), response(body, 502));
      EXPECT_FALSE(e.parsed) << protocol << " " << body;
      EXPECT_EQ(e.http_status, 502);
      EXPECT_TRUE(e.code.empty()) << protocol << " " << body;
    }
  }
}

TEST(ParseError, QueryErrorWithRequestId) {
  WireError e = parse_error(model("query"), response(
      "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code>"
      "<Message>The security token included in the request is expired</Message></Error>"
      "<RequestId>req-1</RequestId></ErrorResponse>", 403));
  EXPECT_TRUE(e.parsed);
  EXPECT_EQ(e.code, "ExpiredToken");
  EXPECT_EQ(e.type, "Sender");
  EXPECT_EQ(e.request_id, "req-1");
  EXPECT_EQ(e.http_status, 403);
}

TEST(ParseError, Ec2ErrorWithRequestID) {
  WireError e = parse_error(model("ec2"), response(
      "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors>"
      "<RequestID>req-2</RequestID></Response>", 403));
  EXPECT_EQ(e.code, "UnauthorizedOperation");
  EXPECT_EQ(e.request_id, "req-2");
}

TEST(ParseError, S3StyleErrorAndHeaderRequestId) {
  WireError e = parse_error(model("rest-xml"), response(
      "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
      "<RequestId>req-3</RequestId></Error>", 403, {{"x-amz-request-id", "hdr-3"}}));
  EXPECT_EQ(e.code, "AccessDenied");
  EXPECT_EQ(e.message, "Access Denied");
  EXPECT_EQ(e.request_id, "hdr-3");  // the header wins over the body
  EXPECT_EQ(e.modeled, json({{"Message", "Access Denied"}}));
}

TEST(ParseError, JsonCodesLoseNamespaceAndUri) {
  WireError e = parse_error(model("json"), response(
      R"({"__type": "com.amazonaws.kms#AccessDeniedException:http://internal", "message": "m"})", 400,
      {{"x-amzn-RequestId", "req-4"}}));
  EXPECT_EQ(e.code, "AccessDeniedException");
  EXPECT_EQ(e.message, "m");
  EXPECT_EQ(e.request_id, "req-4");
  WireError h = parse_error(model("rest-json"), response("", 404, {{"X-Amzn-ErrorType", "NotFound:http://x"}}));
  EXPECT_TRUE(h.parsed);
  EXPECT_EQ(h.code, "NotFound");
}

TEST(ParseError, QueryCompatibleJsonKeepsTheQueryCode) {
  ServiceModel m = model("json");
  m.metadata["awsQueryCompatible"] = json::object();
  WireError e = parse_error(m, response(R"({"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "m"})", 400,
                                        {{"x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"}}));
  EXPECT_EQ(e.code, "AWS.SimpleQueueService.NonExistentQueue");
  EXPECT_EQ(e.type, "Sender");
  // Without the trait the header is not trusted for the code.
  WireError plain = parse_error(model("json"), response(R"({"__type": "QueueDoesNotExist"})", 400,
                                                        {{"x-amzn-query-error", "Other;Sender"}}));
  EXPECT_EQ(plain.code, "QueueDoesNotExist");
}

TEST(ParseError, HugeErrorFieldsAreCapped) {
  std::string big(1 << 20, 'a');
  WireError e = parse_error(model("json"), response("{\"__type\": \"" + big + "\", \"message\": \"" + big + "\"}", 400));
  EXPECT_LE(e.code.size(), 256u);
  EXPECT_LE(e.message.size(), 2100u);
}

}  // namespace
}  // namespace cloudpeek
