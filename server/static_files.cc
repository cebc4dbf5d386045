#include "server/static_files.h"

#include <fstream>
#include <sstream>
#include <vector>

#include "server/json_response.h"

namespace cloudpeek::server {

namespace fs = std::filesystem;

std::string_view mime_type(const fs::path& file) {
  std::string ext = file.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".gif") return "image/gif";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".wasm") return "application/wasm";
  return "application/octet-stream";
}

ResolvedPath resolve_static(const fs::path& root, std::string_view url_path) {
  ResolvedPath r;
  if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) {
    r.verdict = PathVerdict::kForbidden;
    return r;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= url_path.size()) {
    size_t slash = url_path.find('/', start);
    std::string_view seg = url_path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (seg == "..") {
      r.verdict = PathVerdict::kForbidden;
      return r;
    }
    if (!seg.empty() && seg != ".") {
      if (seg[0] == '.') {  // hidden files (.git, .env) are never served
        r.verdict = PathVerdict::kForbidden;
        return r;
      }
      parts.emplace_back(seg);
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  std::error_code ec;
  fs::path canon_root = fs::canonical(root, ec);
  if (ec) return r;
  fs::path p = canon_root;
  for (const auto& s : parts) p /= s;
  if (parts.empty()) p /= "index.html";
  fs::path canon = fs::canonical(p, ec);
  if (ec) return r;  // does not exist
  // A symlink inside the root must not lead out of it.
  auto rel = canon.lexically_relative(canon_root);
  if (rel.empty() || *rel.begin() == "..") {
    r.verdict = PathVerdict::kForbidden;
    return r;
  }
  if (!fs::is_regular_file(canon, ec)) return r;
  r.verdict = PathVerdict::kFile;
  r.file = canon;
  return r;
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

namespace {
std::optional<std::string> read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Response StaticFiles::serve(std::string_view url_path) const {
  auto r = resolve_static(root_, url_path);
  if (r.verdict == PathVerdict::kForbidden)
    return error_response(400, "invalid", "That path is not allowed.", "Use a path inside the app.");
  fs::path file = r.file;
  bool fallback = false;
  if (r.verdict == PathVerdict::kNotFound) {
    // Asset-looking paths (with an extension) are real 404s; app routes get index.html.
    auto last = url_path.substr(url_path.rfind('/') + 1);
    if (last.find('.') != std::string_view::npos)
      return error_response(404, "not_found", "No such file.", "");
    auto index = resolve_static(root_, "/index.html");
    if (index.verdict != PathVerdict::kFile)
      return error_response(503, "internal", "The web UI is not built.",
                            "Build it (npm run build in web/) or pass --web-dir pointing at the built files.");
    file = index.file;
    fallback = true;
  }
  auto body = read_all(file);
  if (!body) return error_response(404, "not_found", "No such file.", "");
  Response res;
  res.content_type = std::string(mime_type(file));
  res.body = std::move(*body);
  bool hashed_asset = !fallback && file.parent_path().filename() == "assets";
  res.set_header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return res;
}

}  // namespace cloudpeek::server
