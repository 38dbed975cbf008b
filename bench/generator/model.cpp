#include "model.h"

namespace rodtrad::bench {

std::string_view orgTypeName(OrgType type) {
    switch (type) {
    case OrgType::municipality:
        return "municipality";
    case OrgType::council:
        return "council";
    case OrgType::executiveBoard:
        return "executive-board";
    case OrgType::committee:
        return "committee";
    case OrgType::administration:
        return "administration";
    case OrgType::unit:
        return "unit";
    case OrgType::company:
        return "company";
    }
    return "unit";
}

std::string_view activityStatusName(ActivityStatus status) {
    switch (status) {
    case ActivityStatus::planned:
        return "planned";
    case ActivityStatus::ongoing:
        return "ongoing";
    case ActivityStatus::completed:
        return "completed";
    case ActivityStatus::delayed:
        return "delayed";
    case ActivityStatus::cancelled:
        return "cancelled";
    }
    return "planned";
}

std::string_view periodKindName(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::tertial:
        return "tertial";
    case PeriodKind::delar:
        return "delar";
    case PeriodKind::helar:
        return "helar";
    }
    return "helar";
}

const IndicatorTemplate& Model::indicatorTemplate(int indicator) const {
    const Indicator& at = indicators[static_cast<std::size_t>(indicator)];
    return goalTheme(at.goal).indicators[static_cast<std::size_t>(at.templateIndex)];
}

const Theme& Model::goalTheme(int goal) const {
    return themes()[static_cast<std::size_t>(goals[static_cast<std::size_t>(goal)].theme)];
}

IdText Model::goalId(int goal) const {
    const Goal& at = goals[static_cast<std::size_t>(goal)];
    IdText id;
    if (at.plan < 0) {
        id << "kf-mal-";
    } else {
        id << nodes[static_cast<std::size_t>(plans[static_cast<std::size_t>(at.plan)].node)].id
           << "-m";
    }
    return id.number(at.number, 2);
}

IdText Model::indicatorId(int indicator) const {
    const Indicator& at = indicators[static_cast<std::size_t>(indicator)];
    IdText id = goalId(at.goal);
    id << "-n";
    return id.number(at.number);
}

IdText Model::activityId(int activity) const {
    const Activity& at = activities[static_cast<std::size_t>(activity)];
    IdText id = goalId(at.goal);
    id << "-a";
    return id.number(at.number);
}

IdText Model::planId(int plan) const {
    IdText id;
    id << "vp-" << nodes[static_cast<std::size_t>(plans[static_cast<std::size_t>(plan)].node)].id
       << "-";
    return id.number(planYear);
}

IdText Model::followUpId(int plan, PeriodKind kind) const {
    IdText id;
    id << "uf-" << nodes[static_cast<std::size_t>(plans[static_cast<std::size_t>(plan)].node)].id
       << "-";
    id.number(planYear) << "-" << periodKindName(kind);
    return id;
}

IdText Model::documentNumber(int node, int year, int serial) const {
    const OrgNode& at = nodes[static_cast<std::size_t>(node)];
    IdText text;
    if (at.type == OrgType::company) {
        text << "Bolag";
    } else {
        text << domains()[static_cast<std::size_t>(at.domain)].documentPrefix;
    }
    text << " ";
    text.number(year) << "/";
    return text.number(serial, 4);
}

} // namespace rodtrad::bench
