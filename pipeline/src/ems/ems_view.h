#pragma once

#include "ems/coverage.h"

#include <pugixml.hpp>

namespace rodtrad {

// Appends to a rolled-up document what the environmental management system templates bind
// to, under /rollup/ems (asOf, edition):
//   record (kind, id, file, title, documentNumber, revision, state approved|draft,
//           approvalDate, nextReview, reviewOverdue) holding a copy of the record, with
//           derived facts added as attributes and elements the source never has:
//     any element with unit="ID" or ref="ID" naming an organisation unit: unitName
//     emsScope: scopeUnit (id, name, type, parent, parentName) for every unit below the
//               included units, in organisation order
//     aspect: totalScore, legalGate (true when a legal obligation makes it significant)
//     obligation: lastEvaluated, lastResult, evaluationDue, evaluationOverdue
//     scenario: lastDrill, drillDue, drillOverdue
//     nonconformity: overdue
//     objective: councilGoalTitle, status (the worst of its indicators), one
//                indicatorStatus (ref, name, measure, year, target, outcome, status) each, and
//                the rolled-up progress (year, share, ...) when the rollup has one
//     audit (in the programme): report (the id of its audit report), auditorFromAuditedUnit
//                (true when an auditor belongs to an audited unit or a unit below one)
//     managementReview: missingInput (kind) for each required input not considered
//     parameter (monitoring): indicatorName, indicatorGoal (the linked indicator's), series (name,
//     measure, direction, decimals) with outcome
//                (year, value: the year's last measurement), and the linked indicator's status
//                and target, in the shape the chart instruction draws
//   coverage (edition, asOf, gaps): clause (number, title in English, level,
//            documentedInformation, state, gaps) with title (lang) in each language, record (ref,
//            kind, title, documentNumber, state, approvalDate, nextReview, file, href) and gap
//            (kind, record, item, date, detail).
// `links` maps a document's header id to the file that holds its evidence in an evidence pack
// (its PDF, or its source); when given, record elements carry it as href.
void appendEmsView(pugi::xml_node rollupRoot, const Workspace::Impl& workspace,
                   const CoverageMatrix& coverage,
                   const std::map<std::string, std::string, std::less<>>& links = {});

} // namespace rodtrad
