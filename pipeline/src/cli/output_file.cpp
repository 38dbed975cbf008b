#include "cli/output_file.h"

#include "rodtrad/check.h"
#include "rodtrad/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <ostream>
#include <unistd.h>

namespace rodtrad {

namespace {

// Devices and pipes (/dev/stdout, /dev/null, a FIFO) are written in place: renaming a file over
// them would replace the device.
void writeInPlace(const std::filesystem::path& file, std::string_view content) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        throw IoError(file.string() + ": cannot write: " + std::strerror(errno));
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw IoError(file.string() + ": cannot write: " + std::strerror(error));
        }
        written += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

} // namespace

void writeFileAtomically(const std::filesystem::path& file, std::string_view content) {
    // Only a regular file (not a link to one) or a new path is replaced by renaming; anything
    // else, such as /dev/null or /dev/stdout, is written through.
    std::error_code ec;
    const auto own = std::filesystem::symlink_status(file, ec);
    if (!ec && std::filesystem::exists(own) && !std::filesystem::is_regular_file(own)) {
        if (std::filesystem::is_directory(std::filesystem::status(file, ec))) {
            throw IoError(file.string() + ": is a directory");
        }
        writeInPlace(file, content);
        return;
    }
    const std::filesystem::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw IoError(file.string() + ": cannot write: " + std::strerror(errno));
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            std::filesystem::remove(temporary);
            throw IoError(file.string() + ": cannot write: " + std::strerror(error));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        std::filesystem::remove(temporary);
        throw IoError(file.string() + ": cannot write: " + std::strerror(errno));
    }
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary);
        throw IoError(file.string() + ": cannot write: " + ec.message());
    }
}

std::unique_ptr<Workspace> loadCheckedWorkspace(const std::filesystem::path& directory,
                                                std::ostream& err) {
    std::vector<Diagnostic> diagnostics;
    auto workspace = Workspace::load(directory, LoadOptions{}, diagnostics);
    CheckOptions options;
    checkWorkspace(*workspace, options, diagnostics);
    sortDiagnostics(diagnostics);
    writeDiagnosticsText(err, diagnostics);
    if (countErrors(diagnostics) > 0) {
        err << directory.string() << ": " << countErrors(diagnostics)
            << " errors; fix them (rodtrad check) before computing from the workspace\n";
        return nullptr;
    }
    return workspace;
}

} // namespace rodtrad
