#include "workspace_generator.h"

#include "document_writers.h"
#include "error.h"
#include "model_builder.h"
#include "progress.h"
#include "xml_writer.h"

namespace rodtrad::bench {
namespace {

namespace fs = std::filesystem;

// The EMS kinds written besides one report per held audit.
constexpr std::uint64_t emsDocumentsBesidesReports = 14;

fs::path withoutTrailingSeparator(fs::path path) {
    if (!path.has_filename() && path.has_parent_path()) {
        return path.parent_path();
    }
    return path;
}

void checkOutput(const fs::path& output, const fs::path& staging) {
    std::error_code ec;
    if (fs::exists(output, ec)) {
        if (!fs::is_directory(output, ec)) {
            throw IoError(output.string() + " exists and is not a directory");
        }
        if (!fs::is_empty(output, ec)) {
            throw IoError(output.string() + " is not empty; give a new or empty directory");
        }
    }
    if (fs::exists(staging, ec)) {
        throw IoError(staging.string() +
                      " exists (left by an interrupted run?); remove it and try again");
    }
}

void makeDirectory(const fs::path& directory) {
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) {
        throw IoError(directory.string() + ": cannot create: " + ec.message());
    }
}

std::string fileName(std::string_view stem, std::string_view suffix) {
    std::string name(stem);
    name += suffix;
    return name;
}

std::string followUpSuffix(PeriodKind kind) {
    std::string suffix = "-";
    suffix += periodKindName(kind);
    suffix += ".xml";
    return suffix;
}

} // namespace

WorkspaceGenerator::WorkspaceGenerator(GeneratorOptions options) : options_(std::move(options)) {}

GenerationSummary WorkspaceGenerator::run() {
    const fs::path output = withoutTrailingSeparator(options_.output);
    fs::path staging = output;
    staging += ".tmp";
    checkOutput(output, staging);

    const Model model = buildModel(options_.scale, options_.seed);
    GenerationSummary summary;
    summary.organisationUnits = model.nodes.size();
    summary.plans = model.plans.size();
    summary.goals = model.goals.size();
    summary.indicators = model.indicators.size();
    summary.activities = model.activities.size();

    std::uint64_t reports = 0;
    for (const EmsAudit& audit : model.ems.audits) {
        reports += audit.held ? 1 : 0;
    }
    Progress progress(5 + 4 * model.plans.size() + emsDocumentsBesidesReports + reports);
    XmlWriter xml;
    try {
        makeDirectory(staging / "plans");
        makeDirectory(staging / "follow-ups");
        makeDirectory(staging / "ems");
        writeOrganisation(xml, model, staging / "organisation.xml");
        writeStrategicPlan(xml, model, staging / "strategic-plan.xml");
        FollowUpScratch scratch;
        const std::string year = "-" + std::to_string(Model::planYear);
        const std::string council =
            model.nodes[static_cast<std::size_t>(model.councilNode)].id + year;
        for (const PeriodKind kind : periodKinds) {
            summary.outcomes += writeStrategicFollowUp(
                xml, model, kind, staging / "follow-ups" / fileName(council, followUpSuffix(kind)),
                scratch);
        }
        progress.advance(5);
        for (std::size_t p = 0; p < model.plans.size(); ++p) {
            const int plan = static_cast<int>(p);
            const std::string stem =
                model.nodes[static_cast<std::size_t>(model.plans[p].node)].id + year;
            writeOperationalPlan(xml, model, plan, staging / "plans" / fileName(stem, ".xml"));
            for (const PeriodKind kind : periodKinds) {
                summary.outcomes += writeFollowUp(
                    xml, model, plan, kind,
                    staging / "follow-ups" / fileName(stem, followUpSuffix(kind)), scratch);
            }
            progress.advance(4);
        }
        progress.advance(static_cast<std::uint64_t>(writeEmsRecords(xml, model, staging / "ems")));

        std::error_code ec;
        if (fs::exists(output, ec)) {
            fs::remove(output, ec); // empty, checked above
        }
        fs::rename(staging, output, ec);
        if (ec) {
            throw IoError(output.string() + ": cannot rename " + staging.string() + ": " +
                          ec.message());
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    summary.files = xml.files();
    summary.bytes = xml.totalBytes();
    return summary;
}

} // namespace rodtrad::bench
