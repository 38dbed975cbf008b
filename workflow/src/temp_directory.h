#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace rodtrad::workflow {

// A fresh directory under the system's temporary directory, removed with everything in it when
// the object goes.
class TempDirectory {
public:
    explicit TempDirectory(const std::string& prefix) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary directory");
        }
        path_ = pattern;
    }
    ~TempDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDirectory(const TempDirectory&) = delete;
    TempDirectory& operator=(const TempDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace rodtrad::workflow
