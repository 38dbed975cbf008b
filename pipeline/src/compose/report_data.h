#pragma once

#include "ems/coverage.h"
#include "model/period.h"
#include "rodtrad/render.h"

#include <map>
#include <memory>
#include <pugixml.hpp>

namespace rodtrad {

// What templates bind to: the rolled-up document for a period and, for the templates of the
// environmental management system, the records and the coverage matrix appended under
// /rollup/ems. Built once, it serves any number of templates (the evidence pack renders
// every record from one).
struct ReportData {
    std::unique_ptr<pugi::xml_document> document;
    Period period;
    bool ems = false;
    CoverageMatrix coverage;
    double rollupSeconds = 0;
};

// Rolls the workspace up for the period (empty: the latest followed up). Throws UsageError for
// a period that cannot be parsed or a workspace with no follow-ups.
ReportData prepareReportData(const Workspace& workspace, const std::string& period);

// Adds the EMS view judged at asOf for the edition; links names each record's PDF in an
// evidence pack. Throws UsageError for an unknown edition.
void addEmsView(ReportData& data, const Workspace& workspace, const Date& asOf,
                const std::string& edition,
                const std::map<std::string, std::string, std::less<>>& links = {});

// The day EMS templates judge at: the option, or the end of the latest followed-up period.
Date resolveAsOf(const Workspace& workspace, const std::optional<Date>& asOf);

// Renders one template over prepared data (options.period is ignored; the data's is used).
RenderResult renderTemplate(const RenderOptions& options, ReportData& data);

// Whether a template binds to the EMS view, and the record kind it renders ("" for none).
struct TemplateNeeds {
    bool ems = false;
    std::string recordKind;
};
TemplateNeeds templateNeeds(const std::string& name);

} // namespace rodtrad
