// The .csv file the AWS console downloads for an IAM user's access key, turned
// into credentials. Two header forms exist:
//   Access key ID,Secret access key                                  (IAM console today: <user>_accessKeys.csv)
//   User name,Password,Access key ID,Secret access key,Console login link   (the older user wizard's credentials.csv,
//                                                                    one row per user created, Password often empty)
// Headers are matched by name, case- and space-insensitively (as `aws configure
// import --csv` does), so columns may come in any order and others are ignored.
// Also: a UTF-8 BOM, CRLF or LF, RFC 4180 quoted fields ("" inside quotes),
// blank lines. Rows without a key (a console-only user of the older file) are
// skipped. These are long-term AKIA… keys: no session token, no expiry.
//
// Errors name the line and column, say what is wrong and what to download
// instead (the IAM credential report is recognised and named), and never
// contain a secret access key or a console password. The same rules as the
// browser's parser (web/src/lib/access_key_csv.ts).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aws/core/credentials.h"

namespace cloudpeek {

struct AccessKeyCsvRow {
  int line = 0;           // 1-based line of the file where the row starts
  std::string user_name;  // "" when the file has no User name column (or the cell is not a valid IAM user name)
  std::string access_key_id;
  Secret secret_access_key;
};

struct AccessKeyCsv {
  std::vector<AccessKeyCsvRow> rows;  // at least one; identical rows appear once
  std::string format;                 // "access key file" or "user credentials file" (the older form)
  bool has_password = false;          // some row carries a console password (ignored, never shown)
  int rows_without_key = 0;           // console-only users skipped
};

// Does `text` start (after a BOM and blank lines) with a CSV header an access-key
// file or another IAM CSV has? Then it is parsed as CSV rather than as a paste.
bool looks_like_access_key_csv(std::string_view text);

// `source` names the input in messages, e.g. "The file 'keys.csv'" or "The pasted CSV".
Result<AccessKeyCsv> parse_access_key_csv(std::string_view text, std::string_view source = "The CSV");

}  // namespace cloudpeek
