// Where CloudPeek keeps its database and master key.
#pragma once

#include <filesystem>
#include <optional>

namespace cloudpeek::store {

// $XDG_DATA_HOME/cloudpeek when XDG_DATA_HOME is set and absolute, else
// $HOME/.local/share/cloudpeek. StoreError kIo when neither can be found.
std::filesystem::path default_data_dir();

// `override_dir` (the server's --data-dir) when given, else default_data_dir().
std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& override_dir);

// Creates the directory (and parents) with mode 0700 if it does not exist; an
// existing directory is left as it is. StoreError kIo with the path and errno text.
void ensure_data_dir(const std::filesystem::path& dir);

}  // namespace cloudpeek::store
