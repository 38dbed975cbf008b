// Golden rolled-up documents: tests/golden/rollup/<case>/ holds the workspace (a workspace/
// folder, or a file "workspace" naming one relative to the source tree), the period and the
// expected document. Compared byte for byte; UPDATE_GOLDEN=1 rewrites expected.xml after a
// reviewed change.
#include "rollup/rollup.h"
#include "temp_workspace.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rodtrad {
namespace {

namespace fs = std::filesystem;

const fs::path source = RODTRAD_SOURCE_DIR;

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

std::vector<fs::path> cases() {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(source / "tests/golden/rollup")) {
        if (entry.is_directory()) {
            found.push_back(entry.path());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

TEST(GoldenRollup, EveryCaseMatches) {
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    const auto all = cases();
    ASSERT_GE(all.size(), 2u);
    for (const fs::path& dir : all) {
        SCOPED_TRACE(dir.filename().string());
        const fs::path workspace = fs::is_directory(dir / "workspace")
                                       ? dir / "workspace"
                                       : source / trimmed(readText(dir / "workspace"));
        const auto period = Period::parse(trimmed(readText(dir / "period")));
        ASSERT_TRUE(period);
        CheckOptions options;
        const CheckReport report = checkWorkspaceDirectory(workspace, options);
        ASSERT_EQ(countErrors(report.diagnostics), 0u) << test::describe(report);
        std::vector<Diagnostic> ignored;
        const auto loaded = Workspace::load(workspace, {}, ignored);
        const std::string actual = rollupText(loaded->impl(), *period);
        if (update) {
            std::ofstream(dir / "expected.xml", std::ios::binary) << actual;
            continue;
        }
        const std::string expected = readText(dir / "expected.xml");
        ASSERT_FALSE(expected.empty()) << "no expected.xml; run with UPDATE_GOLDEN=1 and review it";
        EXPECT_TRUE(actual == expected)
            << "the rollup differs from expected.xml; review with UPDATE_GOLDEN=1 and git diff";
    }
}

} // namespace rodtrad
