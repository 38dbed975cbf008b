#include "prose.h"

namespace rodtrad::bench::prose {
namespace {

// The activity phrases start a sentence; inside one they continue in lower case. Å, Ä and Ö
// are two bytes in UTF-8 whose second byte differs by 0x20 between the cases.
void lowerFirst(std::string& out, std::string_view text) {
    const auto first = static_cast<unsigned char>(text.front());
    if (first >= 'A' && first <= 'Z') {
        out += static_cast<char>(first - 'A' + 'a');
        out += text.substr(1);
    } else if (first == 0xC3 && text.size() > 1) {
        out += text.front();
        out += static_cast<char>(static_cast<unsigned char>(text[1]) | 0x20);
        out += text.substr(2);
    } else {
        out += text;
    }
}

} // namespace

void fill(std::string& out, std::string_view pattern, std::string_view value) {
    const std::size_t at = pattern.find("{}");
    if (at == std::string_view::npos) {
        out += pattern;
        return;
    }
    out.append(pattern.substr(0, at)).append(value).append(pattern.substr(at + 2));
}

void compound(std::string& out, Random& random) {
    out += random.pick(compounds());
}

void personName(std::string& out, Random& random) {
    out += random.pick(firstNames());
    out += ' ';
    out += random.pick(lastNames());
}

void goalTitle(std::string& out, Random& random, const Theme& theme, int variant, bool qualify) {
    const std::size_t phrases = theme.goalPhrases.size();
    out += theme.goalPhrases[static_cast<std::size_t>(variant) % phrases];
    if (qualify || static_cast<std::size_t>(variant) >= phrases) {
        out += " – ";
        fill(out, random.pick(goalQualifiers()), random.pick(compounds()));
    }
}

void goalDescription(std::string& out, Random& random, const Theme& theme) {
    static constexpr std::string_view openings[] = {
        "Målet bidrar till kommunens arbete med ",
        "Arbetet utgår från ",
        "Verksamheten prioriterar ",
        "Målet kräver fortsatt arbete med ",
    };
    static constexpr std::string_view endings[] = {
        " och följs upp i tertialrapport, delårsrapport och årsredovisning.",
        " i dialog med medarbetare och brukare.",
        " med utgångspunkt i nyckeltalen.",
        " och redovisas till nämnden varje tertial.",
    };
    out += openings[random.index(std::size(openings))];
    compound(out, random);
    out += endings[random.index(std::size(endings))];
    if (random.percent(30)) {
        out += " En viktig aktivitet är att ";
        lowerFirst(out, random.pick(theme.activities));
        out += '.';
    }
}

void activityTitle(std::string& out, Random& random, const Theme& theme) {
    out += random.pick(theme.activities);
    if (random.percent(20)) {
        out += " med stöd av ";
        compound(out, random);
    }
}

void analysis(std::string& out, Random& random, std::string_view subject) {
    out += "Resultatet för ";
    out += subject;
    out += ' ';
    out += random.pick(developments());
    out += ". Utvecklingen förklaras främst av ";
    fill(out, random.pick(causes()), random.pick(compounds()));
    out += '.';
    if (random.percent(40)) {
        out += " Verksamheten fortsätter arbetet med ";
        compound(out, random);
        out += " under kommande år.";
    }
}

void decimal(std::string& out, Decimal value) {
    char digits[24];
    char* end = value.format(digits);
    for (char* c = digits; c != end; ++c) {
        out += *c == '.' ? ',' : *c;
    }
}

} // namespace rodtrad::bench::prose
