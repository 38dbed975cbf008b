#pragma once

#include "load/workspace_impl.h"
#include "model/period.h"

#include <memory>
#include <pugixml.hpp>
#include <string>

namespace rodtrad {

// The rolled-up document as text, written as it is computed.
std::string rollupText(const Workspace::Impl& workspace, Period period);

// The rolled-up document as a pugixml tree, for the renderer to bind templates to.
std::unique_ptr<pugi::xml_document> buildRollup(const Workspace::Impl& workspace, Period period);

} // namespace rodtrad
