#pragma once

#include "calendar_date.h"

#include <array>
#include <cstdint>
#include <vector>

namespace rodtrad::bench {

// The EMS records (ISO 14001) of a synthetic workspace, with their links already resolved:
// aspects to obligations, controls and objectives in both directions, findings to
// nonconformities, objectives to council goals and indicators. Indices point into the vectors
// here, into Model (goals, indicators, nodes) or into the templates of ems_vocabulary.h.

enum class ComplianceResult : std::uint8_t { compliant, partly, noncompliant };
enum class FindingSeverity : std::uint8_t { major, minor, observation, opportunity };

struct EmsAspect {
    int unit = -1;
    int templateIndex = 0;
    std::array<int, 4> scores{}; // omfattning, frekvens, lagkrav, intressenter
    bool significant = false;
    std::vector<int> obligations;
    std::vector<int> controls;
    std::vector<int> objectives;
    CalendarDate reviewDate;
};

struct ComplianceEvaluation {
    CalendarDate date;
    ComplianceResult result = ComplianceResult::compliant;
};

struct EmsObligation {
    int templateIndex = 0;
    int intervalMonths = 12;
    std::vector<int> units;
    std::vector<int> aspects;
    std::vector<ComplianceEvaluation> evaluations; // oldest first
};

struct EmsControl {
    int templateIndex = 0;
    std::vector<int> aspects;
    std::vector<int> units;
};

struct EmsObjective {
    int councilGoal = -1; // goal index; set on the objectives at the top
    int parent = -1;      // objective index
    int number = 0;       // within its council goal's objectives
    int unit = -1;        // the responsible unit
    std::vector<int> indicators;
    int actionCount = 0;
};

struct EmsScenario {
    int templateIndex = 0;
    int place = 0;
    int intervalMonths = 0; // 0: the document's interval
    std::vector<int> aspects;
    std::vector<CalendarDate> drills; // oldest first
};

struct EmsParameter {
    int templateIndex = 0;
    int unit = -1;
    int indicator = -1;
    int equipmentCount = 1;
};

struct EmsAudit {
    CalendarDate planned;
    bool held = false;
    int templateIndex = 0;
    std::vector<int> units;
    std::vector<int> auditors; // persons
    int firstFinding = 0, findingCount = 0;
};

struct EmsFinding {
    int audit = -1;
    int number = 0;
    FindingSeverity severity = FindingSeverity::observation;
    int clause = -1; // in findingClauses(), or -1
    int text = 0;
    int nonconformity = -1;
};

enum class NonconformitySource : std::uint8_t { audit, complaint, monitoring, incident, other };

struct EmsNonconformity {
    int templateIndex = 0;
    NonconformitySource source = NonconformitySource::other;
    int finding = -1;
    int unit = -1;
    CalendarDate raised;
    CalendarDate due;
    bool closed = false;
    CalendarDate actionDue;
    CalendarDate actionCompleted; // closed only
    CalendarDate verified;        // closed only; also the closing date
};

struct EmsPerson {
    int role = 0; // in roleTemplates()
    int unit = -1;
    int first = 0, last = 0; // name indices
};

struct EmsModel {
    std::vector<EmsAspect> aspects;
    std::vector<EmsObligation> obligations;
    std::vector<EmsControl> controls;
    std::vector<EmsObjective> objectives;
    std::vector<EmsScenario> scenarios;
    std::vector<EmsParameter> parameters;
    std::vector<EmsAudit> audits;
    std::vector<EmsFinding> findings;
    std::vector<EmsNonconformity> nonconformities;
    std::vector<EmsPerson> people;
    std::vector<int> scopeSites; // place indices
    int issueCount = 0;
    int partyCount = 0;
    int communicationCount = 0;
};

} // namespace rodtrad::bench
