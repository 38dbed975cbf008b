#include "document_header.h"
#include "document_writers.h"
#include "indicator_values.h"
#include "prose.h"
#include "random.h"

#include <algorithm>

namespace rodtrad::bench {
namespace {

constexpr std::uint64_t followUpTextStream = 51;
constexpr std::uint64_t strategicFollowUpStream = 52;

std::string_view reportName(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::tertial:
        return "Tertialrapport ";
    case PeriodKind::delar:
        return "Delårsrapport ";
    case PeriodKind::helar:
        return "Verksamhetsberättelse ";
    }
    return "Uppföljning ";
}

// How far an activity has come by the end of the period.
ActivityStatus reportedStatus(ActivityStatus planned, PeriodKind kind, Random& random) {
    if (planned == ActivityStatus::cancelled) {
        return ActivityStatus::cancelled;
    }
    const int draw = random.between(0, 99);
    switch (kind) {
    case PeriodKind::tertial:
        if (planned == ActivityStatus::planned) {
            return draw < 50 ? ActivityStatus::planned : ActivityStatus::ongoing;
        }
        return planned == ActivityStatus::delayed ? ActivityStatus::delayed
                                                  : ActivityStatus::ongoing;
    case PeriodKind::delar:
        if (planned == ActivityStatus::completed) {
            return draw < 60 ? ActivityStatus::completed : ActivityStatus::ongoing;
        }
        return draw < 70   ? ActivityStatus::ongoing
               : draw < 85 ? ActivityStatus::completed
                           : ActivityStatus::delayed;
    case PeriodKind::helar:
        break;
    }
    return draw < 70   ? ActivityStatus::completed
           : draw < 88 ? ActivityStatus::delayed
           : draw < 92 ? ActivityStatus::cancelled
                       : ActivityStatus::ongoing;
}

// What a follow-up reports on: an operational plan, or the strategic plan itself (the
// council's own follow-up of the council goals, with outcomes at municipal level).
struct Subject {
    int node = -1;
    int firstGoal = 0;
    int goalCount = 0;
    bool strategic = false;
    IdText planId;
    IdText id;
    IdText documentNumber;
    std::string_view owner;
};

// The indicators the goals measure, own and inherited, once each and in model order.
void collectMeasured(const Model& model, const Subject& subject, FollowUpScratch& scratch) {
    scratch.measured.clear();
    for (int g = subject.firstGoal; g < subject.firstGoal + subject.goalCount; ++g) {
        const Goal& goal = model.goals[static_cast<std::size_t>(g)];
        for (int i = 0; i < goal.indicatorCount; ++i) {
            scratch.measured.push_back(goal.firstIndicator + i);
        }
        for (int r = 0; r < goal.refCount; ++r) {
            scratch.measured.push_back(
                model.refs[static_cast<std::size_t>(goal.firstRef + r)].indicator);
        }
    }
    std::sort(scratch.measured.begin(), scratch.measured.end());
    scratch.measured.erase(std::unique(scratch.measured.begin(), scratch.measured.end()),
                           scratch.measured.end());
    scratch.weights.clear();
    if (subject.strategic) {
        return; // the top of the consolidation has nothing to weigh
    }
    for (const int indicator : scratch.measured) {
        const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
        if (pattern.formula == Formula::weightedAverage) {
            scratch.weights.push_back(pattern.weight);
        }
    }
    std::sort(scratch.weights.begin(), scratch.weights.end());
    scratch.weights.erase(std::unique(scratch.weights.begin(), scratch.weights.end()),
                          scratch.weights.end());
}

void writeOutcome(XmlWriter& xml, const Model& model, int indicator, std::string_view id,
                  int offset, const OutcomeHistory& history, Random& random) {
    const std::size_t y = static_cast<std::size_t>(offset);
    const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
    xml.start("outcome");
    xml.attribute("indicator", id);
    xml.attribute("year", static_cast<std::int64_t>(Model::firstHistoryYear + offset));
    if (history.missing[y]) {
        xml.attribute("status", "Missing");
    } else {
        xml.attribute("value", asDecimal(model, indicator, history.value[y]));
    }
    if (model.indicators[static_cast<std::size_t>(indicator)].kolada) {
        xml.attribute("source", "kolada");
    }
    if (!history.missing[y] && pattern.genderSplit) {
        xml.start("split");
        xml.attribute("gender", "K");
        xml.attribute("value", asDecimal(model, indicator, history.women[y]));
        xml.end();
        xml.start("split");
        xml.attribute("gender", "M");
        xml.attribute("value", asDecimal(model, indicator, history.men[y]));
        xml.end();
    }
    if (random.percent(3)) {
        xml.element("comment", random.pick(outcomeComments()));
    }
    xml.end();
}

} // namespace

std::uint64_t writeDocument(XmlWriter& xml, const Model& model, const Subject& subject,
                            PeriodKind kind, const std::filesystem::path& file,
                            FollowUpScratch& scratch, Random& random) {
    const OrgNode& node = model.nodes[static_cast<std::size_t>(subject.node)];
    collectMeasured(model, subject, scratch);
    std::string& text = scratch.text;

    xml.open(file);
    xml.start("followUp");
    xml.attribute("xmlns", planNamespace);
    text.clear();
    text += subject.strategic && kind == PeriodKind::helar ? "Årsredovisning " : reportName(kind);
    text += std::to_string(Model::planYear);
    text += " – ";
    text += subject.strategic ? std::string_view("kommunövergripande måluppfyllelse")
                              : std::string_view(node.name);
    DocumentHeader header;
    header.id = subject.id;
    header.title = text;
    header.unit = node.id;
    header.documentNumber = subject.documentNumber;
    header.owner = subject.owner;
    writeHeader(xml, header);
    xml.start("period");
    xml.attribute("year", static_cast<std::int64_t>(Model::planYear));
    xml.attribute("kind", periodKindName(kind));
    xml.end();
    xml.start("plan");
    xml.attribute("ref", subject.planId);
    xml.end();
    for (const std::string_view weight : scratch.weights) {
        xml.start("weight");
        xml.attribute("name", weight);
        xml.attribute("value", weightValue(model, subject.node, weight));
        xml.end();
    }

    std::uint64_t outcomes = 0;
    OutcomeHistory history;
    const int reportedShare = kind == PeriodKind::tertial ? 70 : 85;
    for (const int indicator : scratch.measured) {
        const IdText indicatorId = model.indicatorId(indicator);
        if (kind == PeriodKind::helar) {
            outcomeHistory(model, indicator, subject.node, history);
            for (int y = 0; y < OutcomeHistory::years; ++y) {
                writeOutcome(xml, model, indicator, indicatorId, y, history, random);
            }
            outcomes += OutcomeHistory::years;
        } else if (random.percent(reportedShare)) {
            outcomeHistory(model, indicator, subject.node, history);
            writeOutcome(xml, model, indicator, indicatorId, OutcomeHistory::years - 1, history,
                         random);
            ++outcomes;
        }
    }

    for (int g = subject.firstGoal; g < subject.firstGoal + subject.goalCount; ++g) {
        const Goal& goal = model.goals[static_cast<std::size_t>(g)];
        for (int a = goal.firstActivity; a < goal.firstActivity + goal.activityCount; ++a) {
            xml.start("activityReport");
            xml.attribute("activity", model.activityId(a));
            xml.attribute("status",
                          activityStatusName(reportedStatus(
                              model.activities[static_cast<std::size_t>(a)].status, kind, random)));
            if (random.percent(30)) {
                xml.element("comment", random.pick(activityComments()));
            }
            xml.end();
        }
    }

    if (kind != PeriodKind::tertial) {
        static constexpr std::string_view levels[] = {"uppfyllt", "delvis", "ej"};
        const int share = kind == PeriodKind::helar ? 15 : 10;
        for (int g = subject.firstGoal; g < subject.firstGoal + subject.goalCount; ++g) {
            if (!random.percent(share)) {
                continue;
            }
            xml.start("goalAssessment");
            xml.attribute("goal", model.goalId(g));
            xml.attribute("level", random.percent(5) ? std::string_view("kan-inte-bedomas")
                                                     : levels[random.index(std::size(levels))]);
            xml.attribute("by",
                          subject.owner.empty() ? std::string_view("Enhetschefen") : subject.owner);
            text.clear();
            text += "Bedömningen avviker från den beräknade eftersom ";
            prose::fill(text, random.pick(causes()), random.pick(compounds()));
            text += " inte syns i nyckeltalen ännu.";
            xml.paragraph("justification", text);
            xml.end();
        }
    }

    text.clear();
    prose::analysis(text, random, "verksamheten");
    xml.paragraph("analysis", text);
    const int analysed = kind == PeriodKind::helar ? 100 : kind == PeriodKind::delar ? 50 : 25;
    for (int g = subject.firstGoal; g < subject.firstGoal + subject.goalCount; ++g) {
        if (!random.percent(analysed)) {
            continue;
        }
        const Goal& goal = model.goals[static_cast<std::size_t>(g)];
        xml.start("analysis");
        xml.attribute("goal", model.goalId(g));
        text.clear();
        prose::analysis(text, random, "målet");
        if (kind == PeriodKind::helar && goal.indicatorCount > 0) {
            const int indicator = goal.firstIndicator;
            const IndicatorTemplate& pattern = model.indicatorTemplate(indicator);
            outcomeHistory(model, indicator, subject.node, history);
            const std::size_t last = OutcomeHistory::years - 1;
            if (!history.missing[last]) {
                text += " Utfallet för ";
                text += pattern.name;
                text += " blev ";
                prose::decimal(text, asDecimal(model, indicator, history.value[last]));
                text += ' ';
                text += pattern.measure;
                text += '.';
            }
        }
        xml.element("p", text);
        xml.end();
    }
    xml.close();
    return outcomes;
}

std::uint64_t writeFollowUp(XmlWriter& xml, const Model& model, int plan, PeriodKind kind,
                            const std::filesystem::path& file, FollowUpScratch& scratch) {
    const Plan& at = model.plans[static_cast<std::size_t>(plan)];
    const int period = static_cast<int>(kind);
    Subject subject;
    subject.node = at.node;
    subject.firstGoal = at.firstGoal;
    subject.goalCount = at.goalCount;
    subject.planId = model.planId(plan);
    subject.id = model.followUpId(plan, kind);
    subject.documentNumber =
        model.documentNumber(at.node, Model::planYear, 3000 + plan * 3 + period);
    subject.owner = model.nodes[static_cast<std::size_t>(at.node)].manager;
    Random random =
        Random::stream(model.seed, followUpTextStream,
                       static_cast<std::uint64_t>(plan) * 3 + static_cast<std::uint64_t>(period));
    return writeDocument(xml, model, subject, kind, file, scratch, random);
}

std::uint64_t writeStrategicFollowUp(XmlWriter& xml, const Model& model, PeriodKind kind,
                                     const std::filesystem::path& file, FollowUpScratch& scratch) {
    const int period = static_cast<int>(kind);
    Subject subject;
    subject.node = model.councilNode;
    subject.firstGoal = 0;
    subject.goalCount = model.councilGoalCount;
    subject.strategic = true;
    subject.planId << Model::strategicPlanId;
    subject.id << "uf-" << model.nodes[static_cast<std::size_t>(model.councilNode)].id << "-";
    subject.id.number(Model::planYear) << "-" << periodKindName(kind);
    subject.documentNumber =
        model.documentNumber(model.executiveBoardNode, Model::planYear, 50 + period);
    subject.owner = "Kommundirektören";
    Random random =
        Random::stream(model.seed, strategicFollowUpStream, static_cast<std::uint64_t>(period));
    return writeDocument(xml, model, subject, kind, file, scratch, random);
}

} // namespace rodtrad::bench
