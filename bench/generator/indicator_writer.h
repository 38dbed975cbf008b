#pragma once

#include "model.h"
#include "xml_writer.h"

#include <string>

namespace rodtrad::bench {

// Writes one <indicator> of a council goal or plan goal: definition, consolidation, baseline,
// targets for the plan period. scratch is reused for the texts.
void writeIndicator(XmlWriter& xml, const Model& model, int indicator, std::string& scratch);

} // namespace rodtrad::bench
