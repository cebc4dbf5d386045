// `cloudpeek serve`: open the store in the data directory, start the HTTP
// server and the scheduler, print the URL (and, on first run, the one-time
// setup link), run until SIGTERM/SIGINT, then shut down gracefully: stop
// accepting, interrupt running scans ("interrupted: server shut down"), close
// the database.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace cloudpeek::server {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";         // HOST:PORT (port 0: any free port)
  std::optional<std::filesystem::path> data_dir;  // default: $XDG_DATA_HOME/cloudpeek
  std::filesystem::path web_dir;                  // default: web/dist beside the source, or ./web/dist
  std::vector<std::string> public_origins;        // extra origins allowed (a reverse proxy's https://…)
  std::string version = "0.1.0";
};

// Splits "host:port" ("[::1]:8080" too). nullopt when malformed.
std::optional<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen);

// Blocks until a signal; returns the process exit code. `out` gets the URL and
// setup link, `log` the access log and events.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& log);

}  // namespace cloudpeek::server
