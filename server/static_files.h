// Serving the built web UI from a directory: a request path maps to a file
// strictly inside the root (no "..", no hidden files, symlinks resolved and
// re-checked), with its MIME type. Unknown paths fall back to index.html so the
// single-page app's routes (/findings, /settings/provider) load the app.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_types.h"

namespace cloudpeek::server {

std::string_view mime_type(const std::filesystem::path& file);

enum class PathVerdict { kFile, kNotFound, kForbidden };

struct ResolvedPath {
  PathVerdict verdict = PathVerdict::kNotFound;
  std::filesystem::path file;  // kFile
};

// `url_path` is the decoded path ("/assets/app.js").
ResolvedPath resolve_static(const std::filesystem::path& root, std::string_view url_path);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  const std::filesystem::path& root() const { return root_; }
  // GET/HEAD of a non-API path: the file, index.html for unknown app routes,
  // 400 for paths that try to leave the root, 503 when the UI is not built.
  Response serve(std::string_view url_path) const;

 private:
  std::filesystem::path root_;
};

}  // namespace cloudpeek::server
