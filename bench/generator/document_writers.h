#pragma once

#include "model.h"
#include "xml_writer.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rodtrad::bench {

// One function per document kind; each writes one file through xml. The layout of the
// workspace (which file goes where) is the generator's business, not theirs.

void writeOrganisation(XmlWriter& xml, const Model& model, const std::filesystem::path& file);
void writeStrategicPlan(XmlWriter& xml, const Model& model, const std::filesystem::path& file);
void writeOperationalPlan(XmlWriter& xml, const Model& model, int plan,
                          const std::filesystem::path& file);

// Buffers a follow-up reuses from one document to the next.
struct FollowUpScratch {
    std::string text;
    std::vector<int> measured;
    std::vector<std::string_view> weights;
};
// A follow-up of an operational plan. Returns the number of outcomes written.
std::uint64_t writeFollowUp(XmlWriter& xml, const Model& model, int plan, PeriodKind kind,
                            const std::filesystem::path& file, FollowUpScratch& scratch);
// The council's follow-up of the strategic plan: outcomes of the council goals' indicators at
// municipal level and assessments of the council goals. Returns the number of outcomes.
std::uint64_t writeStrategicFollowUp(XmlWriter& xml, const Model& model, PeriodKind kind,
                                     const std::filesystem::path& file, FollowUpScratch& scratch);

// The fifteen EMS record kinds; files go into directory. Returns the number of files written.
int writeEmsRecords(XmlWriter& xml, const Model& model, const std::filesystem::path& directory);

} // namespace rodtrad::bench
