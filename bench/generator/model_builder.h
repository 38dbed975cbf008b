#pragma once

#include "model.h"

#include <cstdint>

namespace rodtrad::bench {

// Builds the whole model for a scale and a seed: the organisation, the strategic plan's
// council goals, every operational plan's goals broken down from the level above, and the EMS
// records. The result satisfies the cross-document rules of `rodtrad check` by construction.
Model buildModel(Scale scale, std::uint64_t seed);

// The EMS part, once the planning part is in place (ems_builder.cpp).
void buildEms(Model& model);

} // namespace rodtrad::bench
