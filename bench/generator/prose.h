#pragma once

#include "decimal.h"
#include "random.h"
#include "vocabulary.h"

#include <string>
#include <string_view>

namespace rodtrad::bench {

// Swedish sentences from the word lists. Each appends to out, so that callers reuse one string
// for every text of a document instead of allocating one per element.
namespace prose {

// pattern with its first "{}" replaced by value.
void fill(std::string& out, std::string_view pattern, std::string_view value);
// A long compound word now and then, as real plans have them.
void compound(std::string& out, Random& random);
void personName(std::string& out, Random& random);
void goalTitle(std::string& out, Random& random, const Theme& theme, int variant, bool qualify);
void goalDescription(std::string& out, Random& random, const Theme& theme);
void activityTitle(std::string& out, Random& random, const Theme& theme);
// An analysis of a result: how it developed and why.
void analysis(std::string& out, Random& random, std::string_view subject);
// "73,4" as Swedish prose writes it.
void decimal(std::string& out, Decimal value);

} // namespace prose
} // namespace rodtrad::bench
