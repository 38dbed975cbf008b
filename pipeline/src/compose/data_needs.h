#pragma once

#include "load/element_needs.h"

#include <pugixml.hpp>

namespace rodtrad {

// The part of a rolled-up document a template reads: every element its XPath expressions can
// reach (from its selections, tests and text, followed through forEach and table contexts),
// with everything below the elements whose text it shows or whose string value it takes, and
// what its charts, red-thread figures and level names read besides. A template that reads in a
// way not followed here (another axis, a path from a variable) needs the whole document.
ElementNeeds dataNeedsOf(pugi::xml_node templateRoot);

} // namespace rodtrad
