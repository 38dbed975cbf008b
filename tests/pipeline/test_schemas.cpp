// Every schema against its valid and invalid samples (tests/data/schemas/README.md lists each
// sample with the error libxml2 must report for it).
#include "load/schema_set.h"
#include "model/clause_catalogue.h"
#include "rodtrad/document_kind.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>

namespace rodtrad {
namespace {

const std::filesystem::path samples =
    std::filesystem::path(RODTRAD_SOURCE_DIR) / "tests/data/schemas";

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Sample {
    std::string file;
    std::string schema;
    bool valid;
    std::string fragment;
};

std::vector<Sample> listedSamples() {
    std::vector<Sample> list;
    const std::regex row(
        R"(^\| `([^`]+)` \| ([a-z0-9-]+\.xsd) \| (valid|invalid) \| `([^`]*)` \|)");
    std::istringstream readme(readFile(samples / "README.md"));
    for (std::string line; std::getline(readme, line);) {
        std::smatch m;
        if (std::regex_search(line, m, row)) {
            list.push_back({m[1], m[2], m[3] == "valid", m[4]});
        }
    }
    return list;
}

} // namespace

TEST(Schemas, EverySampleFileIsListed) {
    std::set<std::string> listed;
    for (const Sample& sample : listedSamples()) {
        listed.insert(sample.file);
    }
    for (const auto& entry : std::filesystem::directory_iterator(samples)) {
        if (entry.path().extension() == ".xml") {
            EXPECT_EQ(listed.count(entry.path().filename().string()), 1u)
                << entry.path().filename() << " is not in README.md";
        }
    }
    EXPECT_GT(listed.size(), 60u);
}

TEST(Schemas, EveryDocumentKindHasAValidAndAnInvalidSample) {
    const auto list = listedSamples();
    for (const auto& info : documentKinds()) {
        bool valid = false;
        bool invalid = false;
        for (const Sample& sample : list) {
            if (sample.schema == info.schemaFile) {
                (sample.valid ? valid : invalid) = true;
            }
        }
        EXPECT_TRUE(valid) << info.schemaFile;
        EXPECT_TRUE(invalid) << info.schemaFile;
    }
}

TEST(Schemas, SamplesValidateOrFailAsListed) {
    for (const Sample& sample : listedSamples()) {
        SCOPED_TRACE(sample.file);
        const std::string text = readFile(samples / sample.file);
        ASSERT_FALSE(text.empty());
        std::vector<Diagnostic> diagnostics;
        const bool valid =
            SchemaSet::instance().validate(text, sample.schema, sample.file, diagnostics);
        EXPECT_EQ(valid, sample.valid);
        if (!sample.valid) {
            // One fault, one line; libxml2 reports a bad list item twice (item and list).
            ASSERT_FALSE(diagnostics.empty());
            bool named = false;
            for (const Diagnostic& d : diagnostics) {
                EXPECT_EQ(d.line, diagnostics[0].line) << d.message;
                named = named ||
                        d.message.find(withoutNamespaceNames(sample.fragment)) != std::string::npos;
            }
            EXPECT_TRUE(named) << diagnostics[0].message;
            EXPECT_GT(diagnostics[0].line, 0);
        } else {
            EXPECT_TRUE(diagnostics.empty()) << formatDiagnostic(diagnostics.front());
        }
    }
}

TEST(Schemas, ClauseCatalogueHasBothEditions) {
    const ClauseCatalogue& catalogue = ClauseCatalogue::instance();
    EXPECT_EQ(catalogue.editions(), (std::vector<std::string>{"2015", "2026"}));
    const Clause* aspects = catalogue.find("2015", "6.1.2");
    ASSERT_NE(aspects, nullptr);
    EXPECT_EQ(aspects->title, "Environmental aspects");
    EXPECT_EQ(aspects->documentedInformation, "maintain");
    EXPECT_EQ(catalogue.find("2015", "6.3"), nullptr);
    ASSERT_NE(catalogue.find("2026", "6.3"), nullptr);
    ASSERT_NE(catalogue.find("2026", "6.1.5"), nullptr);
    EXPECT_EQ(catalogue.find("2015", "10.2")->documentedInformation, "retain");
}

} // namespace rodtrad
