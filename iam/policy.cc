#include "iam/policy.h"

#include <algorithm>

namespace cloudpeek::iam {
namespace {

bool is_account_id(std::string_view s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "arn:<partition>:iam::<account>:root" -> the account id.
std::string_view root_account(std::string_view arn) {
  if (arn.substr(0, 4) != "arn:") return {};
  size_t p = arn.find(':', 4);
  if (p == std::string_view::npos || arn.substr(p, 6) != ":iam::") return {};
  std::string_view rest = arn.substr(p + 6);
  if (rest.size() != 17 || rest.substr(12) != ":root" || !is_account_id(rest.substr(0, 12))) return {};
  return rest.substr(0, 12);
}

// A string, or a list of strings (AWS's string-or-list).
Result<std::vector<std::string>> strings(const json& v, const std::string& where) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
    return out;
  }
  if (!v.is_array()) return Error{where, "must be a string or a list of strings"};
  for (const json& e : v) {
    if (!e.is_string()) return Error{where, "must be a string or a list of strings"};
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<PrincipalSet> parse_principal(const json& v, const std::string& where, std::vector<std::string>& warnings) {
  PrincipalSet out;
  if (v.is_string()) {
    if (v.get<std::string>() == "*") {
      out.any = true;
      return out;
    }
    return Error{where, "must be \"*\" or an object such as {\"AWS\": ...}"};
  }
  if (!v.is_object()) return Error{where, "must be \"*\" or an object such as {\"AWS\": ...}"};
  for (const auto& [type, list] : v.items()) {
    auto values = strings(list, where + "." + type);
    if (!values) return values.error();
    for (std::string& s : *values) {
      if (type == "AWS") {
        if (s == "*") {
          out.any = true;
        } else if (is_account_id(s)) {
          out.accounts.push_back(s);
        } else if (auto acct = root_account(s); !acct.empty()) {
          out.accounts.emplace_back(acct);
        } else if (s.substr(0, 4) == "arn:") {
          if (s.find('*') != std::string::npos || s.find('?') != std::string::npos) {
            warnings.push_back(where + ".AWS: \"" + s + "\": AWS does not allow wildcards in a principal ARN");
          }
          out.arns.push_back(std::move(s));
        } else if (s.size() > 4 && (s.substr(0, 4) == "AIDA" || s.substr(0, 4) == "AROA")) {
          out.unique_ids.push_back(std::move(s));
        } else {
          return Error{where + ".AWS", "\"" + s + "\" is neither an account id, an ARN nor \"*\""};
        }
      } else if (type == "Service") {
        out.services.push_back(lower(s));
      } else if (type == "Federated") {
        out.federated.push_back(std::move(s));
      } else if (type == "CanonicalUser") {
        out.canonical_users.push_back(std::move(s));
      } else {
        return Error{where + "." + type, "unknown principal type (AWS, Service, Federated, CanonicalUser)"};
      }
    }
  }
  return out;
}

Result<Statement> parse_statement(const json& s, size_t index, bool variables, std::vector<std::string>& warnings) {
  std::string where = "Statement[" + std::to_string(index) + "]";
  if (!s.is_object()) return Error{where, "must be an object"};
  Statement st;
  st.index = index;
  for (const auto& [key, value] : s.items()) {
    static const char* const kKnown[] = {"Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
                                         "Principal", "NotPrincipal", "Condition"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return key == k; })) {
      warnings.push_back(where + "." + key + ": unknown element, ignored");
    }
  }
  if (auto it = s.find("Sid"); it != s.end()) {
    if (!it->is_string()) return Error{where + ".Sid", "must be a string"};
    st.sid = it->get<std::string>();
  }
  auto effect = s.find("Effect");
  if (effect == s.end()) return Error{where, "has no Effect"};
  if (*effect == "Allow") {
    st.effect = Effect::kAllow;
  } else if (*effect == "Deny") {
    st.effect = Effect::kDeny;
  } else {
    return Error{where + ".Effect", "must be \"Allow\" or \"Deny\""};
  }

  auto action = s.find("Action");
  auto not_action = s.find("NotAction");
  if (action != s.end() && not_action != s.end()) return Error{where, "has both Action and NotAction"};
  if (action == s.end() && not_action == s.end()) return Error{where, "has neither Action nor NotAction"};
  st.not_action = not_action != s.end();
  {
    std::string path = where + (st.not_action ? ".NotAction" : ".Action");
    auto list = strings(st.not_action ? *not_action : *action, path);
    if (!list) return list.error();
    for (const std::string& a : *list) {
      if (a != "*" && a.find(':') == std::string::npos) {
        return Error{path, "\"" + a + "\" is not service:action"};
      }
      st.actions.push_back(Pattern::compile(a, {true, false, true}));
    }
  }

  auto resource = s.find("Resource");
  auto not_resource = s.find("NotResource");
  if (resource != s.end() && not_resource != s.end()) return Error{where, "has both Resource and NotResource"};
  if (resource != s.end() || not_resource != s.end()) {
    st.has_resource = true;
    st.not_resource = not_resource != s.end();
    auto list = strings(st.not_resource ? *not_resource : *resource, where + (st.not_resource ? ".NotResource" : ".Resource"));
    if (!list) return list.error();
    for (const std::string& r : *list) st.resources.push_back(Pattern::compile(r, {true, variables, false}));
  }

  auto principal = s.find("Principal");
  auto not_principal = s.find("NotPrincipal");
  if (principal != s.end() && not_principal != s.end()) return Error{where, "has both Principal and NotPrincipal"};
  if (principal != s.end() || not_principal != s.end()) {
    st.has_principal = true;
    st.not_principal = not_principal != s.end();
    auto set = parse_principal(st.not_principal ? *not_principal : *principal,
                               where + (st.not_principal ? ".NotPrincipal" : ".Principal"), warnings);
    if (!set) return set.error();
    st.principals = std::move(*set);
  }

  if (auto c = s.find("Condition"); c != s.end()) {
    auto cond = parse_condition(*c, variables, where + ".Condition");
    if (!cond) return cond.error();
    st.condition = std::move(*cond);
    warnings.insert(warnings.end(), st.condition.warnings.begin(), st.condition.warnings.end());
  }
  return st;
}

}  // namespace

bool Statement::matches_action(std::string_view action) const {
  bool any = false;
  for (const Pattern& p : actions) {
    if (match_action(p, action)) {
      any = true;
      break;
    }
  }
  return any != not_action;
}

Result<Policy> parse_policy(const json& document, std::string name) {
  if (document.is_string()) return parse_policy_text(document.get<std::string>(), std::move(name));
  if (!document.is_object()) return Error{"", "a policy document must be a JSON object"};
  Policy p;
  p.name = std::move(name);
  if (auto v = document.find("Version"); v != document.end()) {
    if (!v->is_string() || (*v != "2012-10-17" && *v != "2008-10-17")) {
      return Error{"Version", "must be \"2012-10-17\" or \"2008-10-17\""};
    }
    p.version = v->get<std::string>();
  } else {
    p.version = "2008-10-17";  // AWS's reading of a document without Version
  }
  p.variables = p.version == "2012-10-17";
  if (auto v = document.find("Id"); v != document.end()) {
    if (!v->is_string()) return Error{"Id", "must be a string"};
    p.id = v->get<std::string>();
  }
  auto statements = document.find("Statement");
  if (statements == document.end()) return Error{"", "has no Statement"};
  if (statements->is_object()) {
    auto st = parse_statement(*statements, 0, p.variables, p.warnings);
    if (!st) return st.error();
    p.statements.push_back(std::move(*st));
  } else if (statements->is_array()) {
    size_t i = 0;
    for (const json& s : *statements) {
      auto st = parse_statement(s, i++, p.variables, p.warnings);
      if (!st) return st.error();
      p.statements.push_back(std::move(*st));
    }
  } else {
    return Error{"Statement", "must be an object or a list of objects"};
  }
  for (const auto& [key, value] : document.items()) {
    if (key != "Version" && key != "Id" && key != "Statement") p.warnings.push_back(key + ": unknown element, ignored");
  }
  return p;
}

Result<Policy> parse_policy_text(std::string_view text, std::string name) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Error{"", "not valid JSON"};
  if (doc.is_string()) return Error{"", "a policy document must be a JSON object"};
  return parse_policy(doc, std::move(name));
}

}  // namespace cloudpeek::iam
