#pragma once

#include <filesystem>
#include <string>

namespace rodtrad::workflow {

// Two read-only views of a workspace for the web UI, computed by the pipeline (load, check,
// rollup, coverage) and written as JSON with keys in the order shown below.
//
// Conventions of both views:
//   - Codes are stable and meant for programs (status, state, kind, level); every code that a
//     user sees has its words beside it in `lang` (statusText, stateText, text), taken from the
//     label catalogues the PDFs use (templates/labels) or, for goal assessments, from the plan's
//     own scale. A UI never needs to show a status by colour alone.
//   - Decimal figures (targets, outcomes, shares) are strings holding the number exactly as the
//     rolled-up document gives it, with a point ("5.2", "0.33"); their `...Text` twin is the
//     same number written for `lang` ("5,2" in Swedish, with a no-break space between
//     thousands). Counts and years are JSON numbers. A missing figure is null, never 0.
//   - Dates are "YYYY-MM-DD" or null.
//
// Both functions load the workspace and run every cross-document check first, as the
// command-line tool does (the checks judge dates at the workspace's default day, the end of the
// latest period followed up). They throw std::runtime_error (rodtrad::Error) when the workspace
// does not load or check, with the first errors in the message as
// "file:line:col: error: message [code]" (file relative to the workspace), and for a bad
// period, edition, date or language. Deterministic: the same workspace and arguments give the
// same bytes. Safe to call from several threads at once.

// The red thread for one period: perspectives → council goals (KF-mål) → the committees' goals
// → the units' goals, each goal with its indicators and activities, as the rollup computes them.
// `period` is what `rodtrad rollup --period` takes: "2025" (helår), "2025-tertial",
// "2025-delar" or "2025-helar"; "" picks the latest period the workspace follows up. `lang` is
// "sv" or "en".
//
// {
//   "period": "2025-delar", "year": 2025, "periodKind": "delar",
//   "periodText": "Delårsrapport (per 31 augusti)", "periodEnd": "2025-08-31", "lang": "sv",
//   "municipality": {"id": "uvk", "name": "Upplands Väsby kommun"},
//   "plan": {"id": "sp-2025-2027", "title": "Mål och budget 2025–2027",
//            "documentNumber": "KS 2024/0412", "from": 2025, "to": 2027},
//   "scale": [                      // the plan's assessment scale, best level first
//     {"level": "uppfyllt", "text": "Uppfyllt", "notAssessable": false}, ...,
//     {"level": "kan-inte-bedomas", "text": "Kan inte bedömas", "notAssessable": true}],
//   "perspectives": [Perspective...]   // in plan order
// }
// Perspective:
//   {"id": "kund", "type": "perspective", "name": "Kund/Medborgare",
//    "status": "none", "statusText": "",   // perspectives are not assessed
//    "fulfilment": [{"level": "uppfyllt", "text": "Uppfyllt", "goals": 1}, ...],
//                                          // its council goals by assessment level, scale order
//    "goals": [Goal...]}                   // its council goals
// Goal (council goals have type "councilGoal", the committees' and units' goals "goal"):
//   {"id": "KF1", "type": "councilGoal", "title": "...",
//    "unit": {"id": "uvk", "name": "Upplands Väsby kommun", "type": "municipality"},
//    "parent": null,                       // the goal it breaks down ("KF1" for KS-M1)
//    "status": "red",                      // green | yellow | red | not-assessable
//    "statusText": "Ej uppfyllt",          // the assessment level in words
//    "assessment": {"level": "ej-uppfyllt", "manual": false,
//                   "computed": "ej-uppfyllt", "computedText": "Ej uppfyllt",
//                   "basis": "indicators", "inputs": 3, "assessable": 2, "green": 0,
//                   "share": "0.00"},     // manual: a person's assessment overrides computed
//    "environmental": false,               // council goals only
//    "coverage": {"committees": 6, "contributing": 3, "share": "0.50",   // council goals only
//                 "committeesList": [{"unit": "ks", "name": "Kommunstyrelsen", "goals": 1}, ...]},
//    "fulfilment": {"goals": 3, "assessed": 3, "share": "0.33",         // council goals only:
//                   "levels": [{"level": "uppfyllt", "text": "Uppfyllt", "goals": 1}, ...]},
//                                          // how far the committees' goals were met
//    "activitySummary": {"total": 7, "completed": 4},   // the goal's and all goals below it
//    "indicators": [Indicator...],
//    "activities": [Activity...],          // the goal's own
//    "goals": [Goal...]}                   // the goals that break it down, with their units
// Indicator:
//   {"id": "KS-M1/KF1-NT2",                // unique in the tree: goal id / indicator id
//    "indicatorId": "KF1-NT2", "type": "indicator", "name": "...",
//    "measure": "procent",                 // unit of measure
//    "direction": "higher",                // higher | lower is better
//    "decimals": 0, "inherited": true,     // inherited: defined by a goal higher up (definedBy)
//    "definedBy": "KF1", "kolada": null,   // Kolada KPI id when the indicator has one
//    "year": 2025,                         // the period's year: target and outcome are for it
//    "target": "90", "targetText": "90", "yellowLimit": "81", "yellowLimitText": "81",
//    "outcome": "87", "outcomeText": "87",
//    "outcomeSource": "consolidated",      // reported (by the goal's unit) | consolidated |
//                                          // null (no outcome for the year)
//    "status": "yellow", "statusText": "Gul",   // green | yellow | red | not-assessable
//    "statusReason": null,                 // no-outcome | no-target when not assessable
//    "trend": "improving", "trendText": "Förbättras",  // improving|stable|worsening|unknown
//    "consolidation": {"formula": "average", "reporters": 3, "missing": 0} | null,
//    "contributors": [{"unit": "ks", "name": "Kommunstyrelsen"}, ...],
//                                          // the units whose values make up the outcome
//    "history": [{"year": 2022, "value": "77", "valueText": "77",
//                 "source": "consolidated"}, ...]}   // per year with data, ascending
// Activity:
//   {"id": "KS-M1-A1", "type": "activity", "title": "...", "owner": "...", "due": "2025-11-30",
//    "status": "ongoing", "statusText": "Pågår",  // planned|ongoing|completed|delayed|cancelled
//    "comment": "..." | null}
std::string redThreadJson(const std::filesystem::path& workspace, const std::string& period,
                          const std::string& lang);

// The ISO 14001 coverage matrix: for each clause of the edition the records that serve it and
// its gaps, judged at `asOf`, as the evidence pack's index shows it. `edition` is "2015" or
// "2026"; `asOf` is "YYYY-MM-DD" ("" means the end of the latest period followed up); `lang` is
// "sv" or "en". Objectives are judged off track by the indicator statuses of the latest period
// followed up, as in the evidence pack (none is off track when the workspace has no follow-ups).
//
// {
//   "edition": "2015", "asOf": "2025-12-31", "lang": "sv",
//   "summary": {
//     "clauses": 45,                       // every clause of the edition, headings included
//     "covered": 32,                       // state approved, draft or document-control
//     "states": [{"state": "approved", "text": "Fastställt", "clauses": 17}, ...],
//                                          // approved, draft, missing, not-documented,
//                                          // document-control, heading; all six, in that order
//     "gaps": 104,                         // all gaps of all clauses
//     "gapsByKind": [{"kind": "missing", "text": "Dokumenterad information saknas",
//                     "gaps": 0}, ...]},  // every gap kind, in the order listed below
//   "clauses": [Clause...]                 // in catalogue order
// }
// Clause:
//   {"number": "5.1", "title": "Ledarskap och åtagande", "level": 2,
//    "documentedInformation": "none", "documentedInformationText": "Inget krav",
//                                          // maintain | retain | both | none
//    "state": "approved", "stateText": "Fastställt",
//           // approved | draft | missing | not-documented | document-control | heading
//    "status": "yellow",                   // green | yellow | red | none, as the coverage
//                                          // matrix PDF colours the state: red missing, yellow
//                                          // with gaps, green approved or document-control
//                                          // without gaps
//    "records": [{"id": "sp-2025-2027", "kind": "strategicPlan",
//                 "title": "Mål och budget 2025–2027", "documentNumber": "KS 2024/0412",
//                 "revision": 3, "state": "approved", "stateText": "Fastställt",
//                                          // approved | draft
//                 "approvalDate": "2024-11-25" | null, "nextReview": "2025-06-16" | null,
//                 "reviewOverdue": true}, ...],
//    "gaps": [{"kind": "review-overdue",   // missing | not-approved | review-overdue |
//                                          // nonconformity-overdue | objective-off-track |
//                                          // obligation-not-evaluated | drill-overdue |
//                                          // audit-not-held | review-not-held
//              "text": "Översyn försenad",
//              "message": "Översyn försenad: KS 2024/0412 Mål och budget 2025–2027, 2025-06-16",
//                                          // text, then the record (number and title), item,
//                                          // detail and date it concerns
//              "record": "sp-2025-2027" | null,   // the record concerned
//              "item": null,               // the nonconformity, objective, obligation or
//                                          // emergency scenario concerned
//              "date": "2025-06-16" | null,  // what was due, or last held
//              "detail": null}, ...]}      // missing: the record kinds that would serve
//                                          // (root element names); off track: the red
//                                          // indicators
std::string coverageJson(const std::filesystem::path& workspace, const std::string& edition,
                         const std::string& asOf, const std::string& lang);

} // namespace rodtrad::workflow
