#include "check/checks.h"
#include "model/clause_catalogue.h"
#include "model/ems_facts.h"

#include <cmath>
#include <map>
#include <set>
#include <string>

namespace rodtrad {
namespace {

using IdSpace = std::unordered_map<std::string, Located>;

// Cross-document references EMS records make: the element, its attribute, the id space it
// points into and how to name what is missing.
struct Reference {
    DocumentKind kind;
    const char* xpath; // relative to the root
    const char* attribute;
    IdSpace WorkspaceIndex::*space;
    const char* what;
    const char* code;
};

void checkReferences(const CheckContext& context) {
    static const Reference references[] = {
        {DocumentKind::emsScope, "includedUnit", "ref", &WorkspaceIndex::units, "unit", "ref.unit"},
        {DocumentKind::aspectsRegister, "aspect/obligationRef", "ref", &WorkspaceIndex::obligations,
         "compliance obligation", "ref.obligation"},
        {DocumentKind::aspectsRegister, "aspect/controlRef", "ref", &WorkspaceIndex::controls,
         "operational control", "ref.control"},
        {DocumentKind::aspectsRegister, "aspect/objectiveRef", "ref", &WorkspaceIndex::objectives,
         "environmental objective", "ref.objective"},
        {DocumentKind::complianceObligations, "obligation/aspectRef", "ref",
         &WorkspaceIndex::aspects, "aspect", "ref.aspect"},
        {DocumentKind::emsContext, "interestedParty/need", "obligation",
         &WorkspaceIndex::obligations, "compliance obligation", "ref.obligation"},
        {DocumentKind::objectivesProgramme, "objective", "councilGoal",
         &WorkspaceIndex::councilGoals, "council goal", "ref.goal"},
        {DocumentKind::objectivesProgramme, "objective/indicatorRef", "ref",
         &WorkspaceIndex::indicators, "indicator", "ref.indicator"},
        {DocumentKind::operationalControls, "control/aspectRef", "ref", &WorkspaceIndex::aspects,
         "aspect", "ref.aspect"},
        {DocumentKind::operationalControls, "control/unit", "ref", &WorkspaceIndex::units, "unit",
         "ref.unit"},
        {DocumentKind::emergencyPreparedness, "scenario/aspectRef", "ref", &WorkspaceIndex::aspects,
         "aspect", "ref.aspect"},
        {DocumentKind::monitoringResults, "parameter", "indicator", &WorkspaceIndex::indicators,
         "indicator", "ref.indicator"},
        {DocumentKind::auditProgramme, "audit/unit", "ref", &WorkspaceIndex::units, "unit",
         "ref.unit"},
        {DocumentKind::auditReport, "audit", "ref", &WorkspaceIndex::audits, "planned audit",
         "ref.audit"},
        {DocumentKind::auditReport, "auditee", "ref", &WorkspaceIndex::units, "unit", "ref.unit"},
        {DocumentKind::auditReport, "finding", "nonconformity", &WorkspaceIndex::nonconformities,
         "nonconformity", "ref.nonconformity"},
        {DocumentKind::nonconformityLog, "nonconformity", "finding", &WorkspaceIndex::findings,
         "audit finding", "ref.finding"},
    };
    const WorkspaceIndex& index = context.index;
    for (const auto& doc : index.workspace.documents) {
        for (const Reference& reference : references) {
            if (doc->kind != reference.kind) {
                continue;
            }
            for (pugi::xpath_node found : doc->root().select_nodes(reference.xpath)) {
                const pugi::xml_attribute attribute = found.node().attribute(reference.attribute);
                if (attribute && !index.find(index.*reference.space, attribute.value())) {
                    context.report.error(*doc, found.node(), reference.attribute, reference.code,
                                         std::string(reference.what) + " " +
                                             quote(attribute.value()) + " is not in the workspace");
                }
            }
        }
        // Aspects, obligations and people name units with a unit attribute, in any EMS record.
        if (kindInfo(doc->kind).ems) {
            for (pugi::xpath_node found : doc->root().select_nodes(".//*[@unit]")) {
                const pugi::xml_attribute unit = found.node().attribute("unit");
                if (!index.find(index.units, unit.value())) {
                    context.report.error(*doc, found.node(), "unit", "ref.unit",
                                         "unit " + quote(unit.value()) +
                                             " is not in the organisation");
                }
            }
        }
    }
}

// Linked either way: the aspect names the obligation, or the obligation names the aspect.
bool linkedToLegalObligation(const WorkspaceIndex& index, pugi::xml_node aspect) {
    for (pugi::xml_node ref : aspect.children("obligationRef")) {
        const Located obligation = index.find(index.obligations, ref.attribute("ref").value());
        if (obligation && std::string_view(obligation.node.attribute("kind").value()) == "legal") {
            return true;
        }
    }
    const std::string id = aspect.attribute("id").value();
    for (const auto& [obligationId, obligation] : index.obligations) {
        if (std::string_view(obligation.node.attribute("kind").value()) != "legal") {
            continue;
        }
        for (pugi::xml_node ref : obligation.node.children("aspectRef")) {
            if (id == ref.attribute("ref").value()) {
                return true;
            }
        }
    }
    return false;
}

void checkAspects(const CheckContext& context, const Document& doc) {
    Reporter& report = context.report;
    const ScoringMethod method(doc.root().child("scoringMethod"));
    for (const auto& [id, criterion] : method.criteria) {
        if (criterion.min > criterion.max) {
            report.error(doc, criterion.node, "min", "aspect.method",
                         "criterion " + quote(id) + " has min above max");
        }
    }

    for (pugi::xml_node aspect : doc.root().children("aspect")) {
        const std::string id = aspect.attribute("id").value();
        std::set<std::string, std::less<>> scored;
        bool inRange = true;
        for (pugi::xml_node score : aspect.children("score")) {
            const std::string criterion = score.attribute("criterion").value();
            const auto it = method.criteria.find(criterion);
            if (it == method.criteria.end()) {
                inRange = false;
                continue; // the schema's keyref reports it
            }
            scored.insert(criterion);
            const double value = score.attribute("value").as_double();
            if (value < it->second.min || value > it->second.max) {
                inRange = false;
                report.error(doc, score, "value", "aspect.score-range",
                             "score " + std::string(score.attribute("value").value()) + " for " +
                                 quote(criterion) + " of aspect " + quote(id) +
                                 " lies outside the method's range " +
                                 it->second.node.attribute("min").value() + "–" +
                                 it->second.node.attribute("max").value());
            }
        }
        for (const auto& [criterion, range] : method.criteria) {
            if (scored.count(criterion) == 0) {
                inRange = false;
                report.error(doc, aspect, "aspect.score-missing",
                             "aspect " + quote(id) + " has no score for " + quote(criterion));
            }
        }
        const bool declared = aspect.attribute("significant").as_bool();
        const double total = method.total(aspect);
        const bool legal = method.legalGate && linkedToLegalObligation(context.index, aspect);
        const bool computed = method.significantByScore(total) || legal;
        if (inRange && declared != computed && !aspect.child("justification")) {
            report.error(doc, aspect, "significant", "aspect.significance",
                         "aspect " + quote(id) + " is marked " +
                             (declared ? "significant" : "not significant") +
                             " but the scoring method gives " + scoreText(total) +
                             " against threshold " + scoreText(method.threshold) +
                             (legal ? " with a legal obligation linked" : "") +
                             "; give a justification or correct the scores");
        }
        if (declared && !aspect.child("controlRef") && !aspect.child("objectiveRef")) {
            report.error(doc, aspect, "aspect.uncontrolled",
                         "significant aspect " + quote(id) +
                             " has neither an operational control nor an objective");
        }
    }
}

void checkObligations(const CheckContext& context, const Document& doc) {
    if (!context.asOf) {
        return;
    }
    for (pugi::xml_node obligation : doc.root().children("obligation")) {
        const std::string id = obligation.attribute("id").value();
        const int interval = obligation.attribute("intervalMonths").as_int();
        const auto latest = latestDated(obligation, "evaluation");
        if (!latest) {
            context.report.error(doc, obligation, "obligation.not-evaluated",
                                 "compliance with " + quote(id) + " has never been evaluated");
            continue;
        }
        const Date due = latest->date.addMonths(interval);
        if (due < *context.asOf) {
            context.report.error(doc, latest->node, "date", "obligation.evaluation-overdue",
                                 "compliance with " + quote(id) + " was last evaluated " +
                                     latest->date.toString() + "; with an interval of " +
                                     std::to_string(interval) + " months it was due " +
                                     due.toString());
        }
    }
}

void checkObjectives(const CheckContext& context, const Document& doc) {
    const WorkspaceIndex& index = context.index;
    for (pugi::xml_node objective : doc.root().children("objective")) {
        const std::string id = objective.attribute("id").value();
        const bool hasGoal = objective.attribute("councilGoal");
        const bool hasParent = objective.attribute("parent");
        if (hasGoal == hasParent) {
            context.report.error(doc, objective, "objective.link",
                                 "objective " + quote(id) +
                                     " must serve either a council goal (councilGoal) or an "
                                     "overarching objective (parent), not " +
                                     (hasGoal ? "both" : "neither"));
        }
        if (hasGoal) {
            const Located goal =
                index.find(index.councilGoals, objective.attribute("councilGoal").value());
            if (goal && !goal.node.attribute("environmental").as_bool()) {
                context.report.warning(doc, objective, "councilGoal", "objective.goal",
                                       "council goal " +
                                           quote(objective.attribute("councilGoal").value()) +
                                           " is not marked environmental");
            }
        }
        // Follow the parents; more steps than objectives means a cycle.
        std::string current = objective.attribute("parent").value();
        for (std::size_t step = 0; !current.empty(); ++step) {
            if (current == id || step > index.objectives.size()) {
                context.report.error(doc, objective, "parent", "objective.cycle",
                                     "objective " + quote(id) + " is its own ancestor");
                break;
            }
            const Located parent = index.find(index.objectives, current);
            current = parent ? parent.node.attribute("parent").value() : "";
        }
    }
}

void checkNonconformities(const CheckContext& context, const Document& doc) {
    for (pugi::xml_node nc : doc.root().children("nonconformity")) {
        const std::string id = nc.attribute("id").value();
        const bool closed = std::string_view(nc.attribute("status").value()) == "closed";
        if (closed) {
            if (!nc.child("rootCause")) {
                context.report.error(doc, nc, "status", "nc.closed-without-cause",
                                     "nonconformity " + quote(id) +
                                         " is closed without a root cause");
            }
            bool verified = false;
            for (pugi::xml_node action : nc.children("action")) {
                verified =
                    verified || action.child("verification").attribute("effective").as_bool();
            }
            if (!verified) {
                context.report.error(doc, nc, "status", "nc.closed-unverified",
                                     "nonconformity " + quote(id) +
                                         " is closed without a corrective action verified as "
                                         "effective");
            }
            if (!nc.child("closed")) {
                context.report.error(doc, nc, "status", "nc.closed-date",
                                     "nonconformity " + quote(id) +
                                         " is closed but has no closing date");
            }
        } else if (context.asOf) {
            const auto due = Date::parse(nc.attribute("due").value());
            if (due && *due < *context.asOf) {
                context.report.warning(doc, nc, "due", "nc.overdue",
                                       "nonconformity " + quote(id) +
                                           " is open past its due date " + due->toString());
            }
        }
        // A finding and its nonconformity should point at each other.
        if (const pugi::xml_attribute finding = nc.attribute("finding")) {
            const Located at = context.index.find(context.index.findings, finding.value());
            if (at && at.node.attribute("nonconformity") &&
                id != at.node.attribute("nonconformity").value()) {
                context.report.error(doc, nc, "finding", "nc.finding-mismatch",
                                     "finding " + quote(finding.value()) + " names nonconformity " +
                                         quote(at.node.attribute("nonconformity").value()) +
                                         ", not " + quote(id));
            }
        }
    }
}

// A major or minor finding is a nonconformity and must be logged as one, pointing both ways.
void checkFindings(const CheckContext& context, const Document& doc) {
    for (pugi::xml_node finding : doc.root().children("finding")) {
        const std::string_view severity = finding.attribute("severity").value();
        const std::string id = finding.attribute("id").value();
        const pugi::xml_attribute nc = finding.attribute("nonconformity");
        if ((severity == "major" || severity == "minor") && !nc) {
            context.report.error(doc, finding, "severity", "finding.unlogged",
                                 "the " + std::string(severity) + " finding " + quote(id) +
                                     " names no nonconformity in the log");
            continue;
        }
        if (!nc) {
            continue;
        }
        const Located logged = context.index.find(context.index.nonconformities, nc.value());
        if (logged && id != logged.node.attribute("finding").value()) {
            context.report.error(doc, finding, "nonconformity", "nc.finding-mismatch",
                                 "nonconformity " + quote(nc.value()) + " does not name finding " +
                                     quote(id) + " back");
        }
    }
}

void checkManagementReview(const CheckContext& context, const Document& doc) {
    std::set<std::string, std::less<>> covered;
    for (pugi::xml_node input : doc.root().children("input")) {
        covered.insert(input.attribute("kind").value());
    }
    std::string missing;
    for (const std::string_view kind : requiredReviewInputs()) {
        if (covered.count(kind) == 0) {
            missing += (missing.empty() ? "" : ", ") + std::string(kind);
        }
    }
    if (!missing.empty()) {
        context.report.error(doc, doc.root().child("meeting"), "review.input-missing",
                             "the management review does not consider: " + missing);
    }
}

void checkEmergencyPreparedness(const CheckContext& context, const Document& doc) {
    const int defaultInterval = doc.root().attribute("testIntervalMonths").as_int(12);
    for (pugi::xml_node scenario : doc.root().children("scenario")) {
        const int interval = scenario.attribute("testIntervalMonths").as_int(defaultInterval);
        const auto latest = latestDated(scenario, "drill");
        const std::string id = scenario.attribute("id").value();
        if (!latest) {
            context.report.error(doc, scenario, "emergency.never-tested",
                                 "the response to " + quote(id) + " has never been tested");
        } else if (context.asOf && latest->date.addMonths(interval) < *context.asOf) {
            context.report.error(doc, scenario, "emergency.drill-overdue",
                                 "the response to " + quote(id) + " was last tested " +
                                     latest->date.toString() + "; a drill was due every " +
                                     std::to_string(interval) + " months");
        }
    }
}

void checkMonitoring(const CheckContext& context, const Document& doc) {
    for (pugi::xml_node parameter : doc.root().children("parameter")) {
        std::map<std::string, Date> dueOf;
        for (pugi::xml_node equipment : parameter.children("equipment")) {
            if (const auto due = Date::parse(equipment.attribute("calibrationDue").value())) {
                dueOf[equipment.attribute("id").value()] = *due;
            }
        }
        for (pugi::xml_node measurement : parameter.children("measurement")) {
            const auto it = dueOf.find(measurement.attribute("equipment").value());
            const auto date = Date::parse(measurement.attribute("date").value());
            if (it != dueOf.end() && date && it->second < *date) {
                context.report.warning(doc, measurement, "equipment", "monitoring.calibration",
                                       "measured with " + quote(it->first) +
                                           " after its calibration was due " +
                                           it->second.toString());
            }
        }
    }
}

void checkPolicy(const CheckContext& context, const Document& doc) {
    std::set<std::string> kinds;
    for (pugi::xml_node commitment : doc.root().children("commitment")) {
        kinds.insert(commitment.attribute("kind").value());
    }
    for (const char* required : {"protection", "compliance", "continual-improvement"}) {
        if (kinds.count(required) == 0) {
            context.report.error(doc, doc.root(), "policy.commitment-missing",
                                 std::string("the policy lacks the ") + required +
                                     " commitment ISO 14001 requires");
        }
    }
}

} // namespace

void checkEms(const CheckContext& context) {
    checkReferences(context);
    for (const auto& doc : context.index.workspace.documents) {
        switch (doc->kind) {
        case DocumentKind::aspectsRegister:
            checkAspects(context, *doc);
            break;
        case DocumentKind::complianceObligations:
            checkObligations(context, *doc);
            break;
        case DocumentKind::objectivesProgramme:
            checkObjectives(context, *doc);
            break;
        case DocumentKind::nonconformityLog:
            checkNonconformities(context, *doc);
            break;
        case DocumentKind::managementReview:
            checkManagementReview(context, *doc);
            break;
        case DocumentKind::auditReport:
            checkFindings(context, *doc);
            break;
        case DocumentKind::emergencyPreparedness:
            checkEmergencyPreparedness(context, *doc);
            break;
        case DocumentKind::monitoringResults:
            checkMonitoring(context, *doc);
            break;
        case DocumentKind::environmentalPolicy:
            checkPolicy(context, *doc);
            break;
        default:
            break;
        }
    }
}

void checkClauseReferences(const CheckContext& context) {
    const ClauseCatalogue& catalogue = ClauseCatalogue::instance();
    for (const auto& doc : context.index.workspace.documents) {
        for (pugi::xpath_node found : doc->root().select_nodes(".//clause")) {
            const pugi::xml_node clause = found.node();
            const std::string edition = clause.attribute("edition").value();
            const std::string number = clause.attribute("number").value();
            if (catalogue.find(edition, number) == nullptr) {
                context.report.error(*doc, clause, "number", "ref.clause",
                                     "ISO 14001:" + edition + " has no clause " + number);
            }
        }
    }
}

} // namespace rodtrad
