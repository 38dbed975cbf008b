#include "ems/ems_view.h"

#include <set>

namespace rodtrad {
namespace {

void setDate(pugi::xml_node node, const char* name, const std::optional<Date>& date) {
    if (date) {
        node.append_attribute(name) = date->toString().c_str();
    }
}

const char* boolText(bool value) {
    return value ? "true" : "false";
}

// The status words ordered from best to worst, for an objective's overall status.
int severity(std::string_view status) {
    return status == "red" ? 3 : status == "yellow" ? 2 : status == "green" ? 1 : 0;
}

class ViewWriter {
public:
    ViewWriter(pugi::xml_node rollupRoot, const Workspace::Impl& workspace,
               const CoverageMatrix& coverage, const IndicatorNodes& indicators)
        : coverage_(coverage), indicators_(indicators) {
        for (pugi::xpath_node objective : rollupRoot.select_nodes("//objective[progress]")) {
            progress_.emplace(objective.node().attribute("id").value(),
                              objective.node().child("progress"));
        }
        for (pugi::xpath_node goal : rollupRoot.select_nodes("//councilGoal")) {
            councilGoals_.emplace(goal.node().attribute("id").value(),
                                  goal.node().attribute("title").value());
        }
        // Aspects a legal obligation points at, or that point at a legal obligation.
        for (const Document* doc : workspace.ofKind(DocumentKind::complianceObligations)) {
            for (pugi::xml_node obligation : doc->root().children("obligation")) {
                if (std::string_view(obligation.attribute("kind").value()) != "legal") {
                    continue;
                }
                legalObligations_.insert(obligation.attribute("id").value());
                for (pugi::xml_node ref : obligation.children("aspectRef")) {
                    legalAspects_.insert(ref.attribute("ref").value());
                }
            }
        }
        organisation_ = rollupRoot.child("organisation");
        for (pugi::xml_node unit : organisation_.children("unit")) {
            units_.emplace(unit.attribute("id").value(), unit);
            children_[unit.attribute("parent").value()].push_back(unit);
        }
        for (const Document* doc : workspace.ofKind(DocumentKind::auditReport)) {
            auditReports_.emplace(doc->root().child("audit").attribute("ref").value(), doc->id());
        }
    }

    void aspects(pugi::xml_node root) {
        const ScoringMethod method(root.child("scoringMethod"));
        for (pugi::xml_node aspect : root.children("aspect")) {
            aspect.append_attribute("totalScore") = scoreText(method.total(aspect)).c_str();
            bool legal = legalAspects_.count(aspect.attribute("id").value()) != 0;
            for (pugi::xml_node ref : aspect.children("obligationRef")) {
                legal = legal || legalObligations_.count(ref.attribute("ref").value()) != 0;
            }
            aspect.append_attribute("legalGate") = boolText(method.legalGate && legal);
        }
    }

    void obligations(pugi::xml_node root) {
        for (pugi::xml_node obligation : root.children("obligation")) {
            const auto latest = latestDated(obligation, "evaluation");
            const int interval = obligation.attribute("intervalMonths").as_int(12);
            if (latest) {
                setDate(obligation, "lastEvaluated", latest->date);
                obligation.append_attribute("lastResult") =
                    latest->node.attribute("result").value();
                setDate(obligation, "evaluationDue", latest->date.addMonths(interval));
            }
            obligation.append_attribute("evaluationOverdue") =
                boolText(!latest || latest->date.addMonths(interval) < coverage_.asOf);
        }
    }

    void drills(pugi::xml_node root) {
        const int defaultInterval = root.attribute("testIntervalMonths").as_int(12);
        for (pugi::xml_node scenario : root.children("scenario")) {
            const int interval = scenario.attribute("testIntervalMonths").as_int(defaultInterval);
            const auto latest = latestDated(scenario, "drill");
            if (latest) {
                setDate(scenario, "lastDrill", latest->date);
                setDate(scenario, "drillDue", latest->date.addMonths(interval));
            }
            scenario.append_attribute("drillOverdue") =
                boolText(!latest || latest->date.addMonths(interval) < coverage_.asOf);
        }
    }

    void nonconformities(pugi::xml_node root) {
        for (pugi::xml_node nc : root.children("nonconformity")) {
            const auto due = Date::parse(nc.attribute("due").value());
            nc.append_attribute("overdue") =
                boolText(std::string_view(nc.attribute("status").value()) != "closed" && due &&
                         *due < coverage_.asOf);
        }
    }

    void objectives(pugi::xml_node root) {
        for (pugi::xml_node objective : root.children("objective")) {
            const auto goal =
                councilGoals_.find(std::string_view(objective.attribute("councilGoal").value()));
            if (goal != councilGoals_.end()) {
                objective.append_attribute("councilGoalTitle") = goal->second.c_str();
            }
            std::string worst;
            for (pugi::xml_node ref : objective.children("indicatorRef")) {
                const auto it = indicators_.find(std::string_view(ref.attribute("ref").value()));
                pugi::xml_node status = objective.append_child("indicatorStatus");
                status.append_attribute("ref") = ref.attribute("ref").value();
                if (it == indicators_.end()) {
                    continue;
                }
                const pugi::xml_node indicator = it->second;
                const pugi::xml_node value = indicator.child("status");
                status.append_attribute("name") = indicator.attribute("name").value();
                status.append_attribute("measure") = indicator.attribute("measure").value();
                status.append_attribute("decimals") = indicator.attribute("decimals").value();
                for (const char* name : {"year", "target", "outcome"}) {
                    if (const pugi::xml_attribute a = value.attribute(name)) {
                        status.append_attribute(name) = a.value();
                    }
                }
                const std::string word = value.attribute("value").value();
                status.append_attribute("status") = word.c_str();
                if (severity(word) > severity(worst)) {
                    worst = word;
                }
            }
            if (!worst.empty()) {
                objective.append_attribute("status") = worst.c_str();
            }
            const auto progress =
                progress_.find(std::string_view(objective.attribute("id").value()));
            if (progress != progress_.end()) {
                objective.append_copy(progress->second);
            }
        }
    }

    // Whether the unit or one of its ancestors is among the given ones.
    bool withinAny(std::string_view unit, const std::set<std::string, std::less<>>& units) const {
        for (std::size_t step = 0; !unit.empty() && step <= units_.size(); ++step) {
            if (units.count(unit) != 0) {
                return true;
            }
            const auto it = units_.find(unit);
            unit = it == units_.end() ? std::string_view() : it->second.attribute("parent").value();
        }
        return false;
    }

    void audits(pugi::xml_node root) {
        for (pugi::xml_node audit : root.children("audit")) {
            std::set<std::string, std::less<>> audited;
            for (pugi::xml_node unit : audit.children("unit")) {
                audited.insert(unit.attribute("ref").value());
            }
            bool partial = false;
            for (pugi::xml_node auditor : audit.children("auditor")) {
                partial = partial || withinAny(auditor.attribute("unit").value(), audited);
            }
            audit.append_attribute("auditorFromAuditedUnit") = boolText(partial);
            const auto it = auditReports_.find(audit.attribute("id").value());
            if (it != auditReports_.end()) {
                audit.append_attribute("report") = it->second.c_str();
            }
        }
    }

    static void review(pugi::xml_node root) {
        std::set<std::string, std::less<>> considered;
        for (pugi::xml_node input : root.children("input")) {
            considered.insert(input.attribute("kind").value());
        }
        for (const std::string_view kind : requiredReviewInputs()) {
            if (considered.count(kind) == 0) {
                root.append_child("missingInput").append_attribute("kind") =
                    std::string(kind).c_str();
            }
        }
    }

    void monitoring(pugi::xml_node root) {
        for (pugi::xml_node parameter : root.children("parameter")) {
            std::map<int, std::pair<Date, std::string>> lastOfYear;
            for (pugi::xml_node measurement : parameter.children("measurement")) {
                const auto date = Date::parse(measurement.attribute("date").value());
                if (!date) {
                    continue;
                }
                auto [it, added] = lastOfYear.try_emplace(date->year, *date,
                                                          measurement.attribute("value").value());
                if (!added && it->second.first < *date) {
                    it->second = {*date, measurement.attribute("value").value()};
                }
            }
            if (lastOfYear.empty()) {
                continue;
            }
            pugi::xml_node series = parameter.append_child("series");
            series.append_attribute("name") = parameter.child_value("name");
            series.append_attribute("measure") = parameter.attribute("measure").value();
            const auto indicator =
                indicators_.find(std::string_view(parameter.attribute("indicator").value()));
            const pugi::xml_node linked =
                indicator == indicators_.end() ? pugi::xml_node() : indicator->second;
            series.append_attribute("direction") =
                linked.attribute("direction").as_string("higher");
            series.append_attribute("decimals") = linked.attribute("decimals").as_string("1");
            for (const auto& [year, value] : lastOfYear) {
                pugi::xml_node outcome = series.append_child("outcome");
                outcome.append_attribute("year") = year;
                outcome.append_attribute("value") = value.second.c_str();
            }
            if (linked) {
                parameter.append_attribute("indicatorName") = linked.attribute("name").value();
                parameter.append_attribute("indicatorGoal") = linked.attribute("definedBy").value();
                series.append_copy(linked.child("status"));
                const char* year = linked.child("status").attribute("year").value();
                if (const pugi::xml_node target =
                        linked.find_child_by_attribute("target", "year", year)) {
                    series.append_copy(target);
                }
            }
        }
    }

    // Names the organisation units a record refers to (unit="..." or ref="..." naming a unit),
    // so that templates need no lookups of their own.
    void unitNames(pugi::xml_node root) {
        for (pugi::xpath_node found : root.select_nodes("descendant-or-self::*[@unit or @ref]")) {
            pugi::xml_node node = found.node();
            const char* id = node.attribute("unit") ? node.attribute("unit").value()
                                                    : node.attribute("ref").value();
            const auto unit = units_.find(std::string_view(id));
            if (unit != units_.end() && !node.attribute("unitName")) {
                node.append_attribute("unitName") = unit->second.attribute("name").value();
            }
        }
    }

    // Every unit below the units a scope includes, in organisation order, with its parent.
    void scopeUnits(pugi::xml_node root) {
        std::set<std::string, std::less<>> included;
        for (pugi::xml_node ref : root.children("includedUnit")) {
            included.insert(ref.attribute("ref").value());
        }
        std::set<std::string, std::less<>> inScope;
        std::vector<std::string_view> pending(included.begin(), included.end());
        while (!pending.empty()) {
            const std::string_view id = pending.back();
            pending.pop_back();
            const auto children = children_.find(id);
            if (children == children_.end()) {
                continue;
            }
            for (pugi::xml_node child : children->second) {
                if (inScope.insert(child.attribute("id").value()).second) {
                    pending.push_back(child.attribute("id").value());
                }
            }
        }
        for (pugi::xml_node unit : organisation_.children("unit")) {
            const char* id = unit.attribute("id").value();
            if (inScope.count(id) == 0 || included.count(id) != 0) {
                continue;
            }
            pugi::xml_node out = root.append_child("scopeUnit");
            for (const char* name : {"id", "name", "type", "parent"}) {
                out.append_attribute(name) = unit.attribute(name).value();
            }
            const auto parent = units_.find(std::string_view(unit.attribute("parent").value()));
            if (parent != units_.end()) {
                out.append_attribute("parentName") = parent->second.attribute("name").value();
            }
        }
    }

private:
    pugi::xml_node organisation_;
    std::map<std::string, pugi::xml_node, std::less<>> units_;
    std::map<std::string, std::vector<pugi::xml_node>, std::less<>> children_;
    const CoverageMatrix& coverage_;
    const IndicatorNodes& indicators_;
    std::set<std::string, std::less<>> legalObligations_;
    std::set<std::string, std::less<>> legalAspects_;
    std::map<std::string, std::string, std::less<>> auditReports_;
    std::map<std::string, std::string, std::less<>> councilGoals_;
    std::map<std::string, pugi::xml_node, std::less<>> progress_;
};

void setControl(pugi::xml_node node, const CoverageRecord& record) {
    node.append_attribute("state") = record.control.approved ? "approved" : "draft";
    setDate(node, "approvalDate", record.control.approvalDate);
    setDate(node, "nextReview", record.control.nextReview);
}

void writeCoverage(pugi::xml_node ems, const CoverageMatrix& coverage,
                   const std::map<std::string, std::string, std::less<>>& links) {
    pugi::xml_node out = ems.append_child("coverage");
    out.append_attribute("edition") = coverage.edition.c_str();
    out.append_attribute("asOf") = coverage.asOf.toString().c_str();
    out.append_attribute("gaps") = static_cast<unsigned long long>(coverage.gapCount());
    std::map<std::string_view, const std::string*> documentNumbers;
    for (const CoverageRecord& record : coverage.records) {
        documentNumbers.emplace(record.id, &record.documentNumber);
    }
    for (const ClauseCoverage& clause : coverage.clauses) {
        pugi::xml_node node = out.append_child("clause");
        node.append_attribute("number") = clause.clause->number.c_str();
        node.append_attribute("title") = clause.clause->title.c_str();
        node.append_attribute("level") = clause.clause->level;
        node.append_attribute("documentedInformation") =
            clause.clause->documentedInformation.c_str();
        node.append_attribute("state") = clause.state.c_str();
        node.append_attribute("gaps") = static_cast<unsigned long long>(clause.gaps.size());
        for (const auto& [language, title] : clause.clause->titles) {
            pugi::xml_node t = node.append_child("title");
            t.append_attribute("lang") = language.c_str();
            t.text() = title.c_str();
        }
        for (std::size_t index : clause.records) {
            const CoverageRecord& record = coverage.records[index];
            pugi::xml_node r = node.append_child("record");
            r.append_attribute("ref") = record.id.c_str();
            r.append_attribute("kind") = record.kind.c_str();
            r.append_attribute("title") = record.title.c_str();
            r.append_attribute("documentNumber") = record.documentNumber.c_str();
            setControl(r, record);
            r.append_attribute("file") = record.document->relativePath.c_str();
            if (const auto it = links.find(record.id); it != links.end()) {
                r.append_attribute("href") = it->second.c_str();
            }
        }
        for (const CoverageGap& gap : clause.gaps) {
            pugi::xml_node g = node.append_child("gap");
            g.append_attribute("kind") = std::string(gapKey(gap.kind)).c_str();
            if (!gap.record.empty()) {
                g.append_attribute("record") = gap.record.c_str();
                const auto number = documentNumbers.find(gap.record);
                if (number != documentNumbers.end()) {
                    g.append_attribute("documentNumber") = number->second->c_str();
                }
            }
            if (!gap.item.empty()) {
                g.append_attribute("item") = gap.item.c_str();
            }
            setDate(g, "date", gap.date);
            if (!gap.detail.empty()) {
                g.append_attribute("detail") = gap.detail.c_str();
            }
        }
    }
}

} // namespace

void appendEmsView(pugi::xml_node rollupRoot, const Workspace::Impl& workspace,
                   const CoverageMatrix& coverage,
                   const std::map<std::string, std::string, std::less<>>& links) {
    const IndicatorNodes indicators = firstIndicators(rollupRoot);
    ViewWriter writer(rollupRoot, workspace, coverage, indicators);
    pugi::xml_node ems = rollupRoot.append_child("ems");
    ems.append_attribute("asOf") = coverage.asOf.toString().c_str();
    ems.append_attribute("edition") = coverage.edition.c_str();
    for (const CoverageRecord& record : coverage.records) {
        if (!kindInfo(record.document->kind).ems) {
            continue;
        }
        pugi::xml_node node = ems.append_child("record");
        node.append_attribute("kind") = record.kind.c_str();
        node.append_attribute("id") = record.id.c_str();
        node.append_attribute("file") = record.document->relativePath.c_str();
        node.append_attribute("title") = record.title.c_str();
        node.append_attribute("documentNumber") = record.documentNumber.c_str();
        if (record.control.revision > 0) {
            node.append_attribute("revision") = record.control.revision;
        }
        setControl(node, record);
        node.append_attribute("reviewOverdue") = boolText(record.reviewOverdue);
        if (const auto it = links.find(record.id); it != links.end()) {
            node.append_attribute("href") = it->second.c_str();
        }
        const pugi::xml_node copy = node.append_copy(record.document->root());
        writer.unitNames(copy);
        switch (record.document->kind) {
        case DocumentKind::emsScope:
            writer.scopeUnits(copy);
            break;
        case DocumentKind::aspectsRegister:
            writer.aspects(copy);
            break;
        case DocumentKind::complianceObligations:
            writer.obligations(copy);
            break;
        case DocumentKind::emergencyPreparedness:
            writer.drills(copy);
            break;
        case DocumentKind::nonconformityLog:
            writer.nonconformities(copy);
            break;
        case DocumentKind::objectivesProgramme:
            writer.objectives(copy);
            break;
        case DocumentKind::auditProgramme:
            writer.audits(copy);
            break;
        case DocumentKind::managementReview:
            ViewWriter::review(copy);
            break;
        case DocumentKind::monitoringResults:
            writer.monitoring(copy);
            break;
        default:
            break;
        }
    }
    writeCoverage(ems, coverage, links);
}

} // namespace rodtrad
