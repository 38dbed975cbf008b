#include "insight.h"

#include "compose/report_data.h"
#include "ems/coverage.h"
#include "layout/chart.h"
#include "load/workspace_impl.h"
#include "model/clause_catalogue.h"
#include "model/period.h"
#include "rodtrad/check.h"
#include "rodtrad/error.h"
#include "rodtrad/workspace.h"
#include "rollup/number_format.h"
#include "util/json_writer.h"

#include <array>
#include <locale>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>
#include <vector>

namespace rodtrad {

// The report templates and label catalogues compiled into the pipeline (templates/).
const std::map<std::string_view, std::string_view>& embeddedTemplates();

namespace workflow {
namespace {

namespace fs = std::filesystem;

// How many of a refused workspace's errors the message quotes.
constexpr std::size_t quotedErrors = 5;

// The words of one language: the label catalogue the PDFs use, templates/labels/<lang>.xml and
// every file under templates/labels/<lang>/, merged as the renderer merges them.
class Words {
public:
    static const Words& of(const std::string& lang) {
        static const Words sv("sv");
        static const Words en("en");
        if (lang == "sv") {
            return sv;
        }
        if (lang == "en") {
            return en;
        }
        throw UsageError("lang must be sv or en, not \"" + lang + "\"");
    }

    const std::string& code() const { return code_; }
    Language language() const { return code_ == "en" ? Language::en : Language::sv; }

    // The label, or the key itself when the catalogue has none (as the templates show it).
    std::string operator()(std::string_view key) const {
        const auto it = labels_.find(key);
        return it != labels_.end() ? it->second : std::string(key);
    }

private:
    explicit Words(std::string code) : code_(std::move(code)) {
        const std::string main = "labels/" + code_ + ".xml";
        const std::string more = "labels/" + code_ + "/";
        for (const auto& [file, text] : embeddedTemplates()) {
            if (file != main && !(file.starts_with(more) && file.ends_with(".xml"))) {
                continue;
            }
            pugi::xml_document doc;
            doc.load_buffer(text.data(), text.size());
            for (pugi::xml_node label : doc.document_element().children("label")) {
                labels_[label.attribute("key").value()] = label.child_value();
            }
        }
    }

    std::string code_;
    std::map<std::string, std::string, std::less<>> labels_;
};

// Loads and checks the workspace as the command-line tool does before computing from it.
std::unique_ptr<Workspace> loadChecked(const fs::path& directory) {
    std::vector<Diagnostic> diagnostics;
    std::unique_ptr<Workspace> workspace = Workspace::load(directory, LoadOptions{}, diagnostics);
    checkWorkspace(*workspace, CheckOptions{}, diagnostics);
    sortDiagnostics(diagnostics);
    const std::size_t errors = countErrors(diagnostics);
    if (errors == 0) {
        return workspace;
    }
    // The service computes from a temporary copy: its path means nothing to the reader, the
    // document's file name does.
    const std::string prefix = (directory / "").generic_string();
    std::string message = "the workspace has " + std::to_string(errors) + " error" +
                          (errors == 1 ? "" : "s") + "; fix them before computing from it:";
    std::size_t quoted = 0;
    for (Diagnostic d : diagnostics) {
        if (d.severity != Severity::error) {
            continue;
        }
        if (quoted == quotedErrors) {
            message += "\n... and " + std::to_string(errors - quoted) + " more";
            break;
        }
        if (d.file.starts_with(prefix)) {
            d.file.erase(0, prefix.size());
        }
        message += "\n" + formatDiagnostic(d);
        ++quoted;
    }
    throw InputError(message);
}

// Writers for the fields both views share.
class Fields {
public:
    Fields(JsonWriter& w, const Words& words) : w_(w), words_(words) {}

    // A text attribute, or null when the element does not have it.
    void optional(std::string_view name, pugi::xml_attribute attribute) {
        w_.key(name);
        if (attribute) {
            w_.value(attribute.value());
        } else {
            w_.null();
        }
    }

    void optionalText(std::string_view name, std::string_view text) {
        w_.key(name);
        if (text.empty()) {
            w_.null();
        } else {
            w_.value(text);
        }
    }

    void optionalDate(std::string_view name, const std::optional<Date>& date) {
        w_.key(name);
        if (date) {
            w_.value(date->toString());
        } else {
            w_.null();
        }
    }

    // A decimal as the rolled-up document gives it, and the same number in the language's
    // notation under name + "Text"; both null when it is missing.
    void decimal(std::string_view name, pugi::xml_attribute attribute, int decimals) {
        const auto number = parseDecimal(attribute.value());
        w_.key(name);
        if (!attribute || !number) {
            w_.null();
        } else {
            w_.value(attribute.value());
        }
        w_.key(std::string(name) + "Text");
        if (!attribute || !number) {
            w_.null();
        } else {
            w_.value(formatNumber(*number, decimals, words_.language()));
        }
    }

    void count(std::string_view name, pugi::xml_attribute attribute) {
        w_.field(name, attribute.as_llong());
    }

private:
    JsonWriter& w_;
    const Words& words_;
};

// Writes the red thread from the rolled-up document (schemas/rollup.xsd).
class RedThreadWriter {
public:
    RedThreadWriter(JsonWriter& w, const Words& words, pugi::xml_node rollup)
        : w_(w), words_(words), fields_(w, words), rollup_(rollup) {
        for (pugi::xml_node unit : rollup.child("organisation").children("unit")) {
            unitNames_.emplace(unit.attribute("id").value(), unit.attribute("name").value());
        }
        const pugi::xml_node scale = rollup.child("plan").child("scale");
        for (pugi::xml_node level : scale.children()) {
            const std::string_view name = level.name();
            if (name == "level" || name == "notAssessable") {
                scale_.push_back(level);
            }
        }
    }

    void write() {
        const pugi::xml_node plan = rollup_.child("plan");
        const pugi::xml_node municipality = rollup_.child("municipality");
        w_.beginObject();
        w_.field("period", rollup_.attribute("period").value());
        w_.field("year", rollup_.attribute("year").as_int());
        w_.field("periodKind", rollup_.attribute("kind").value());
        w_.field("periodText", words_(rollup_.attribute("kind").value()));
        w_.field("periodEnd", rollup_.attribute("periodEnd").value());
        w_.field("lang", words_.code());
        w_.key("municipality");
        w_.beginObject();
        w_.field("id", municipality.attribute("unit").value());
        w_.field("name", municipality.attribute("name").value());
        w_.endObject();
        w_.key("plan");
        w_.beginObject();
        w_.field("id", plan.attribute("id").value());
        w_.field("title", plan.attribute("title").value());
        w_.field("documentNumber", plan.attribute("documentNumber").value());
        w_.field("from", plan.attribute("from").as_int());
        w_.field("to", plan.attribute("to").as_int());
        w_.endObject();
        w_.key("scale");
        w_.beginArray();
        for (pugi::xml_node level : scale_) {
            w_.beginObject();
            w_.field("level", level.attribute("id").value());
            w_.field("text", levelText(level));
            w_.field("notAssessable", std::string_view(level.name()) == "notAssessable");
            w_.endObject();
        }
        w_.endArray();
        w_.key("perspectives");
        w_.beginArray();
        for (pugi::xml_node perspective : rollup_.children("perspective")) {
            writePerspective(perspective);
        }
        w_.endArray();
        w_.endObject();
    }

private:
    // A level of the plan's scale in the language, else in the first language it has.
    static std::string scaleLabel(pugi::xml_node level, const std::string& lang) {
        const pugi::xml_node text = level.find_child_by_attribute("label", "lang", lang.c_str());
        return text ? text.child_value() : level.child("label").child_value();
    }

    std::string levelText(pugi::xml_node level) const { return scaleLabel(level, words_.code()); }

    std::string levelText(std::string_view id) const {
        for (pugi::xml_node level : scale_) {
            if (id == level.attribute("id").value()) {
                return levelText(level);
            }
        }
        return std::string(id);
    }

    std::string unitName(std::string_view id) const {
        const auto it = unitNames_.find(id);
        return it != unitNames_.end() ? it->second : std::string(id);
    }

    // Goals counted by assessment level, in the order of the scale.
    void writeLevels(const std::map<std::string, long long, std::less<>>& goalsByLevel) {
        w_.beginArray();
        for (pugi::xml_node level : scale_) {
            const std::string_view id = level.attribute("id").value();
            const auto it = goalsByLevel.find(id);
            w_.beginObject();
            w_.field("level", id);
            w_.field("text", levelText(level));
            w_.field("goals", it != goalsByLevel.end() ? it->second : 0);
            w_.endObject();
        }
        w_.endArray();
    }

    void writePerspective(pugi::xml_node perspective) {
        w_.beginObject();
        w_.field("id", perspective.attribute("id").value());
        w_.field("type", "perspective");
        w_.field("name", perspective.attribute("name").value());
        w_.field("status", "none");
        w_.field("statusText", "");
        std::map<std::string, long long, std::less<>> goalsByLevel;
        for (pugi::xml_node goal : perspective.children("councilGoal")) {
            ++goalsByLevel[goal.child("assessment").attribute("level").value()];
        }
        w_.key("fulfilment");
        writeLevels(goalsByLevel);
        w_.key("goals");
        w_.beginArray();
        for (pugi::xml_node goal : perspective.children("councilGoal")) {
            writeGoal(goal);
        }
        w_.endArray();
        w_.endObject();
    }

    void writeGoal(pugi::xml_node goal) {
        const bool council = std::string_view(goal.name()) == "councilGoal";
        const std::string id = goal.attribute("id").value();
        const pugi::xml_node assessment = goal.child("assessment");
        w_.beginObject();
        w_.field("id", id);
        w_.field("type", council ? "councilGoal" : "goal");
        w_.field("title", goal.attribute("title").value());
        w_.key("unit");
        w_.beginObject();
        w_.field("id", goal.attribute("unit").value());
        w_.field("name", goal.attribute("unitName").value());
        w_.field("type", goal.attribute("unitType").value());
        w_.endObject();
        fields_.optional("parent", goal.attribute("parent"));
        w_.field("status", assessment.attribute("status").value());
        w_.field("statusText", levelText(assessment.attribute("level").value()));
        w_.key("assessment");
        w_.beginObject();
        w_.field("level", assessment.attribute("level").value());
        w_.field("manual", assessment.attribute("manual").as_bool());
        w_.field("computed", assessment.attribute("computed").value());
        w_.field("computedText", levelText(assessment.attribute("computed").value()));
        w_.field("basis", assessment.attribute("basis").value());
        fields_.count("inputs", assessment.attribute("inputs"));
        fields_.count("assessable", assessment.attribute("assessable"));
        fields_.count("green", assessment.attribute("green"));
        fields_.optional("share", assessment.attribute("share"));
        w_.endObject();
        if (council) {
            writeCouncilParts(goal);
        }
        const pugi::xml_node summary = goal.child("activitySummary");
        w_.key("activitySummary");
        w_.beginObject();
        fields_.count("total", summary.attribute("total"));
        fields_.count("completed", summary.attribute("completed"));
        w_.endObject();
        w_.key("indicators");
        w_.beginArray();
        for (pugi::xml_node indicator : goal.children("indicator")) {
            writeIndicator(id, indicator);
        }
        w_.endArray();
        w_.key("activities");
        w_.beginArray();
        for (pugi::xml_node activity : goal.children("activity")) {
            writeActivity(activity);
        }
        w_.endArray();
        w_.key("goals");
        w_.beginArray();
        for (pugi::xml_node child : goal.children("goal")) {
            writeGoal(child);
        }
        w_.endArray();
        w_.endObject();
    }

    // The two-step view of a council goal: how many committees contribute goals to it, then how
    // far their goals were met.
    void writeCouncilParts(pugi::xml_node goal) {
        w_.field("environmental", goal.attribute("environmental").as_bool());
        const pugi::xml_node coverage = goal.child("coverage");
        w_.key("coverage");
        w_.beginObject();
        fields_.count("committees", coverage.attribute("committees"));
        fields_.count("contributing", coverage.attribute("contributing"));
        fields_.optional("share", coverage.attribute("share"));
        w_.key("committeesList");
        w_.beginArray();
        for (pugi::xml_node committee : coverage.children("committee")) {
            w_.beginObject();
            w_.field("unit", committee.attribute("unit").value());
            w_.field("name", committee.attribute("name").value());
            fields_.count("goals", committee.attribute("goals"));
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
        const pugi::xml_node fulfilment = goal.child("fulfilment");
        std::map<std::string, long long, std::less<>> goalsByLevel;
        for (pugi::xml_node level : fulfilment.children("level")) {
            goalsByLevel[level.attribute("id").value()] = level.attribute("goals").as_llong();
        }
        w_.key("fulfilment");
        w_.beginObject();
        fields_.count("goals", fulfilment.attribute("goals"));
        fields_.count("assessed", fulfilment.attribute("assessed"));
        fields_.optional("share", fulfilment.attribute("share"));
        w_.key("levels");
        writeLevels(goalsByLevel);
        w_.endObject();
    }

    void writeIndicator(const std::string& goalId, pugi::xml_node indicator) {
        const int decimals = indicator.attribute("decimals").as_int();
        const pugi::xml_node status = indicator.child("status");
        const int year = status.attribute("year").as_int();
        pugi::xml_node target;
        for (pugi::xml_node candidate : indicator.children("target")) {
            if (candidate.attribute("year").as_int() == year) {
                target = candidate;
            }
        }
        // A unit's own reported value stands for its subtree; the consolidation of the units
        // below counts only when it reported none (as the rollup decides the status).
        struct YearValue {
            pugi::xml_attribute value;
            const char* source = nullptr;
            pugi::xml_node consolidated;
        };
        std::map<int, YearValue> byYear;
        for (pugi::xml_node outcome : indicator.children("outcome")) {
            if (outcome.attribute("value")) {
                byYear[outcome.attribute("year").as_int()] = {
                    outcome.attribute("value"), "reported", {}};
            }
        }
        for (pugi::xml_node consolidated : indicator.children("consolidated")) {
            YearValue& entry = byYear[consolidated.attribute("year").as_int()];
            entry.consolidated = consolidated;
            if (!entry.value && consolidated.attribute("value")) {
                entry.value = consolidated.attribute("value");
                entry.source = "consolidated";
            }
        }
        const auto current = byYear.find(year);
        const YearValue none;
        const YearValue& now = current != byYear.end() ? current->second : none;

        w_.beginObject();
        w_.field("id", goalId + "/" + indicator.attribute("id").value());
        w_.field("indicatorId", indicator.attribute("id").value());
        w_.field("type", "indicator");
        w_.field("name", indicator.attribute("name").value());
        w_.field("measure", indicator.attribute("measure").value());
        w_.field("direction", indicator.attribute("direction").value());
        w_.field("decimals", decimals);
        w_.field("inherited", indicator.attribute("inherited").as_bool());
        w_.field("definedBy", indicator.attribute("definedBy").value());
        fields_.optional("kolada", indicator.attribute("kolada"));
        w_.field("year", year);
        fields_.decimal("target", status.attribute("target"), decimals);
        fields_.decimal("yellowLimit", target.attribute("yellow"), decimals);
        fields_.decimal("outcome", status.attribute("outcome"), decimals);
        w_.key("outcomeSource");
        if (status.attribute("outcome") && now.source != nullptr) {
            w_.value(now.source);
        } else {
            w_.null();
        }
        w_.field("status", status.attribute("value").value());
        w_.field("statusText", words_(status.attribute("value").value()));
        fields_.optional("statusReason", status.attribute("reason"));
        const pugi::xml_node trend = indicator.child("trend");
        w_.field("trend", trend.attribute("value").value());
        w_.field("trendText", words_(trend.attribute("value").value()));
        const bool consolidatedNow =
            now.consolidated &&
            (now.source == nullptr || std::string_view(now.source) != "reported");
        w_.key("consolidation");
        if (now.consolidated) {
            w_.beginObject();
            w_.field("formula", now.consolidated.attribute("formula").value());
            fields_.count("reporters", now.consolidated.attribute("reporters"));
            fields_.count("missing", now.consolidated.attribute("missing"));
            w_.endObject();
        } else {
            w_.null();
        }
        w_.key("contributors");
        w_.beginArray();
        if (consolidatedNow) {
            std::istringstream from(now.consolidated.attribute("from").value());
            for (std::string unit; from >> unit;) {
                w_.beginObject();
                w_.field("unit", unit);
                w_.field("name", unitName(unit));
                w_.endObject();
            }
        }
        w_.endArray();
        w_.key("history");
        w_.beginArray();
        for (const auto& [historyYear, entry] : byYear) {
            if (!entry.value) {
                continue;
            }
            w_.beginObject();
            w_.field("year", historyYear);
            fields_.decimal("value", entry.value, decimals);
            w_.field("source", entry.source);
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
    }

    void writeActivity(pugi::xml_node activity) {
        w_.beginObject();
        w_.field("id", activity.attribute("id").value());
        w_.field("type", "activity");
        w_.field("title", activity.attribute("title").value());
        w_.field("owner", activity.attribute("owner").value());
        w_.field("due", activity.attribute("due").value());
        w_.field("status", activity.attribute("status").value());
        w_.field("statusText", words_(activity.attribute("status").value()));
        fields_.optional("comment", activity.attribute("comment"));
        w_.endObject();
    }

    JsonWriter& w_;
    const Words& words_;
    Fields fields_;
    pugi::xml_node rollup_;
    std::map<std::string, std::string, std::less<>> unitNames_;
    std::vector<pugi::xml_node> scale_;
};

constexpr std::array coverageStates{"approved",         "draft",  "missing", "not-documented",
                                    "document-control", "heading"};

constexpr std::array gapKinds{
    GapKind::missing,           GapKind::notApproved,
    GapKind::reviewOverdue,     GapKind::nonconformityOverdue,
    GapKind::objectiveOffTrack, GapKind::obligationNotEvaluated,
    GapKind::drillOverdue,      GapKind::auditNotHeld,
    GapKind::reviewNotHeld,
};

// The colour the coverage matrix PDF gives a clause's state.
std::string_view clauseStatus(const ClauseCoverage& clause) {
    if (clause.state == "missing") {
        return "red";
    }
    if (!clause.gaps.empty()) {
        return "yellow";
    }
    if (clause.state == "approved" || clause.state == "document-control") {
        return "green";
    }
    return "none";
}

bool covered(const ClauseCoverage& clause) {
    return clause.state == "approved" || clause.state == "draft" ||
           clause.state == "document-control";
}

class CoverageWriter {
public:
    CoverageWriter(JsonWriter& w, const Words& words, const CoverageMatrix& matrix)
        : w_(w), words_(words), fields_(w, words), matrix_(matrix) {
        for (const CoverageRecord& record : matrix.records) {
            recordsById_.emplace(record.id, &record);
        }
    }

    void write() {
        w_.beginObject();
        w_.field("edition", matrix_.edition);
        w_.field("asOf", matrix_.asOf.toString());
        w_.field("lang", words_.code());
        writeSummary();
        w_.key("clauses");
        w_.beginArray();
        for (const ClauseCoverage& clause : matrix_.clauses) {
            writeClause(clause);
        }
        w_.endArray();
        w_.endObject();
    }

private:
    void writeSummary() {
        std::map<std::string, long long, std::less<>> byState;
        std::map<GapKind, long long> byKind;
        long long coveredClauses = 0;
        for (const ClauseCoverage& clause : matrix_.clauses) {
            ++byState[clause.state];
            coveredClauses += covered(clause) ? 1 : 0;
            for (const CoverageGap& gap : clause.gaps) {
                ++byKind[gap.kind];
            }
        }
        w_.key("summary");
        w_.beginObject();
        w_.field("clauses", static_cast<long long>(matrix_.clauses.size()));
        w_.field("covered", coveredClauses);
        w_.key("states");
        w_.beginArray();
        for (std::string_view state : coverageStates) {
            const auto it = byState.find(state);
            w_.beginObject();
            w_.field("state", state);
            w_.field("text", words_("state-" + std::string(state)));
            w_.field("clauses", it != byState.end() ? it->second : 0);
            w_.endObject();
        }
        w_.endArray();
        w_.field("gaps", static_cast<long long>(matrix_.gapCount()));
        w_.key("gapsByKind");
        w_.beginArray();
        for (GapKind kind : gapKinds) {
            w_.beginObject();
            w_.field("kind", gapKey(kind));
            w_.field("text", gapText(kind));
            w_.field("gaps", byKind[kind]);
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
    }

    std::string gapText(GapKind kind) const { return words_("gap-" + std::string(gapKey(kind))); }

    void writeClause(const ClauseCoverage& coverage) {
        const Clause& clause = *coverage.clause;
        const auto title = clause.titles.find(words_.code());
        w_.beginObject();
        w_.field("number", clause.number);
        w_.field("title", title != clause.titles.end() ? title->second : clause.title);
        w_.field("level", clause.level);
        w_.field("documentedInformation", clause.documentedInformation);
        w_.field("documentedInformationText", words_(clause.documentedInformation));
        w_.field("state", coverage.state);
        w_.field("stateText", words_("state-" + coverage.state));
        w_.field("status", clauseStatus(coverage));
        w_.key("records");
        w_.beginArray();
        for (std::size_t index : coverage.records) {
            writeRecord(matrix_.records[index]);
        }
        w_.endArray();
        w_.key("gaps");
        w_.beginArray();
        for (const CoverageGap& gap : coverage.gaps) {
            writeGap(gap);
        }
        w_.endArray();
        w_.endObject();
    }

    void writeRecord(const CoverageRecord& record) {
        const std::string state = record.control.approved ? "approved" : "draft";
        w_.beginObject();
        w_.field("id", record.id);
        w_.field("kind", record.kind);
        w_.field("title", record.title);
        w_.field("documentNumber", record.documentNumber);
        w_.field("revision", record.control.revision);
        w_.field("state", state);
        w_.field("stateText", words_("state-" + state));
        fields_.optionalDate("approvalDate", record.control.approvalDate);
        fields_.optionalDate("nextReview", record.control.nextReview);
        w_.field("reviewOverdue", record.reviewOverdue);
        w_.endObject();
    }

    // The gap in words as the coverage matrix PDF lists it: what is wrong, then the record, the
    // item, the detail and the date it concerns.
    std::string gapMessage(const CoverageGap& gap) const {
        std::vector<std::string> parts;
        if (!gap.record.empty()) {
            const auto it = recordsById_.find(gap.record);
            const CoverageRecord* record = it != recordsById_.end() ? it->second : nullptr;
            parts.push_back(record != nullptr && !record->documentNumber.empty()
                                ? record->documentNumber + " " + record->title
                                : gap.record);
        }
        for (const std::string& part : {gap.item, gap.detail}) {
            if (!part.empty()) {
                parts.push_back(part);
            }
        }
        if (gap.date) {
            parts.push_back(gap.date->toString());
        }
        std::string message = gapText(gap.kind);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            message += (i == 0 ? ": " : ", ") + parts[i];
        }
        return message;
    }

    void writeGap(const CoverageGap& gap) {
        w_.beginObject();
        w_.field("kind", gapKey(gap.kind));
        w_.field("text", gapText(gap.kind));
        w_.field("message", gapMessage(gap));
        fields_.optionalText("record", gap.record);
        fields_.optionalText("item", gap.item);
        fields_.optionalDate("date", gap.date);
        fields_.optionalText("detail", gap.detail);
        w_.endObject();
    }

    JsonWriter& w_;
    const Words& words_;
    Fields fields_;
    const CoverageMatrix& matrix_;
    std::map<std::string, const CoverageRecord*, std::less<>> recordsById_;
};

} // namespace

std::string redThreadJson(const fs::path& workspace, const std::string& period,
                          const std::string& lang) {
    const Words& words = Words::of(lang);
    std::optional<Period> chosen;
    if (!period.empty()) {
        chosen = Period::parse(period);
        if (!chosen) {
            throw UsageError("period must be YEAR, YEAR-tertial, YEAR-delar or YEAR-helar, not \"" +
                             period + "\"");
        }
    }
    const std::unique_ptr<Workspace> loaded = loadChecked(workspace);
    if (!chosen) {
        chosen = latestFollowUpPeriod(loaded->impl());
        if (!chosen) {
            throw UsageError("the workspace has no follow-ups to take the period from; give one");
        }
    }
    const ReportData data = prepareReportData(*loaded, chosen->id());
    std::ostringstream out;
    out.imbue(std::locale::classic());
    JsonWriter w(out);
    RedThreadWriter(w, words, data.document->document_element()).write();
    return out.str();
}

std::string coverageJson(const fs::path& workspace, const std::string& edition,
                         const std::string& asOf, const std::string& lang) {
    const Words& words = Words::of(lang);
    if (ClauseCatalogue::instance().clauses(edition).empty()) {
        throw UsageError("edition must be 2015 or 2026, not \"" + edition + "\"");
    }
    std::optional<Date> day;
    if (!asOf.empty()) {
        day = Date::parse(asOf);
        if (!day) {
            throw UsageError("asOf must be a date YYYY-MM-DD, not \"" + asOf + "\"");
        }
    }
    const std::unique_ptr<Workspace> loaded = loadChecked(workspace);
    if (!day) {
        day = loaded->defaultAsOf();
        if (!day) {
            throw UsageError("the workspace has no follow-ups to take the date from; give asOf");
        }
    }
    // Objectives are judged by the indicators of the latest period followed up, as in the
    // evidence pack. Without follow-ups no indicator has an outcome, so none is off track.
    IndicatorStatuses statuses;
    if (const auto latest = latestFollowUpPeriod(loaded->impl())) {
        const ReportData data = prepareReportData(*loaded, latest->id());
        statuses = indicatorStatuses(data.document->document_element());
    }
    const CoverageMatrix matrix = computeCoverage(loaded->impl(), edition, *day, statuses);
    std::ostringstream out;
    out.imbue(std::locale::classic());
    JsonWriter w(out);
    CoverageWriter(w, words, matrix).write();
    return out.str();
}

} // namespace workflow
} // namespace rodtrad
