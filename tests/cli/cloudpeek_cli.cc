#include "tests/cli/cloudpeek_cli.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace cloudpeek::testing {

namespace fs = std::filesystem;

CloudpeekCli::CloudpeekCli(std::string url) : endpoint_url(std::move(url)) {
  std::string tmpl = (fs::temp_directory_path() / "cloudpeek-cli-home-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  home_ = tmpl;
}

CloudpeekCli::~CloudpeekCli() {
  std::error_code ec;
  fs::remove_all(home_, ec);
}

std::string CloudpeekCli::binary() { return CLOUDPEEK_CLI_BINARY; }

ProcessResult CloudpeekCli::run(const std::vector<std::string>& args, const std::string& stdin_text,
                                const std::vector<std::string>& extra_env) const {
  std::vector<std::string> argv = {binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> env = {"HOME=" + home_, "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
                                  "AWS_ENDPOINT_URL=" + endpoint_url};
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  return run_process(argv, env, stdin_text);
}

std::string CloudpeekCli::write_file(const std::string& rel, const std::string& text) const {
  fs::path p = fs::path(home_) / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
  fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
  return p.string();
}

std::string closed_port_url() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    throw std::runtime_error("closed_port_url: cannot bind");
  ::close(fd);  // bound but never listening, then released: connections are refused
  return "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
}

}  // namespace cloudpeek::testing
