#include "indicator_writer.h"

#include "indicator_values.h"
#include "prose.h"
#include "random.h"

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t indicatorTextStream = 21;

} // namespace

void writeIndicator(XmlWriter& xml, const Model& model, int indicator, std::string& scratch) {
    const Indicator& at = model.indicators[static_cast<std::size_t>(indicator)];
    const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
    const bool council = model.goals[static_cast<std::size_t>(at.goal)].plan < 0;
    Random random =
        Random::stream(model.seed, indicatorTextStream, static_cast<std::uint64_t>(indicator));

    xml.start("indicator");
    xml.attribute("id", model.indicatorId(indicator));
    xml.attribute("direction", pattern.higherIsBetter ? "higher" : "lower");
    if (at.kolada) {
        xml.attribute("kolada", pattern.kolada);
    }
    if (pattern.genderSplit) {
        xml.attribute("genderSplit", "true");
    }
    if (pattern.decimals != 1) {
        xml.attribute("decimals", static_cast<std::int64_t>(pattern.decimals));
    }
    if (at.weightTenths > 0) {
        xml.attribute("weight", Decimal{at.weightTenths, 1});
    }
    scratch.clear();
    scratch += pattern.name;
    if (!council && random.percent(25)) {
        scratch += " – ";
        scratch += random.pick(places());
    }
    xml.element("name", scratch);
    if (council || random.percent(15)) {
        scratch.clear();
        scratch += "Nyckeltalet visar ";
        scratch += pattern.higherIsBetter ? "hur väl " : "hur mycket ";
        prose::compound(scratch, random);
        scratch += " bidrar till målet. ";
        scratch +=
            pattern.higherIsBetter ? "Ett högre värde är bättre." : "Ett lägre värde är bättre.";
        xml.paragraph("description", scratch);
    }
    xml.element("measure", pattern.measure);
    xml.start("consolidation");
    xml.attribute("formula", formulaName(pattern.formula));
    if (pattern.formula == Formula::weightedAverage) {
        xml.attribute("weight", pattern.weight);
    }
    xml.end();
    const bool margin = random.percent(30);
    if (margin) {
        xml.start("thresholds");
        xml.attribute("yellowMargin", static_cast<std::int64_t>(random.between(3, 10)));
        xml.end();
    }
    const int baselineYear = Model::planYear - random.between(1, 2);
    xml.start("baseline");
    xml.attribute("year", static_cast<std::int64_t>(baselineYear));
    xml.attribute("value",
                  asDecimal(model, indicator, expectedValue(model, indicator, baselineYear)));
    xml.end();
    const bool everyYear = random.percent(70);
    for (int year = Model::periodFrom; year <= Model::periodTo; ++year) {
        if (!everyYear && year != Model::periodFrom && year != Model::periodTo) {
            continue;
        }
        const TargetValue target = targetValue(model, indicator, year);
        xml.start("target");
        xml.attribute("year", static_cast<std::int64_t>(year));
        xml.attribute("value", asDecimal(model, indicator, target.value));
        if (!margin) {
            xml.attribute("yellow", asDecimal(model, indicator, target.yellow));
        }
        xml.end();
    }
    xml.end();
}

} // namespace rodtrad::bench
