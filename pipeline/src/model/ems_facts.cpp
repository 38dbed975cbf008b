#include "model/ems_facts.h"

#include <cstdio>

namespace rodtrad {

DocumentControl DocumentControl::read(pugi::xml_node header) {
    DocumentControl control;
    control.revision = header.child("revision").text().as_int(0);
    if (const pugi::xml_node approval = header.child("approval")) {
        control.approvedRevision = approval.attribute("revision").as_int(control.revision);
        control.approved = control.approvedRevision == control.revision;
        control.approvalDate = Date::parse(approval.attribute("date").value());
    }
    control.nextReview = Date::parse(header.child_value("nextReview"));
    return control;
}

std::optional<LatestDated> latestDated(pugi::xml_node parent, const char* child,
                                       const char* attribute) {
    std::optional<LatestDated> latest;
    for (pugi::xml_node node : parent.children(child)) {
        const auto date = Date::parse(node.attribute(attribute).value());
        if (date && (!latest || latest->date < *date)) {
            latest = LatestDated{*date, node};
        }
    }
    return latest;
}

ScoringMethod::ScoringMethod(pugi::xml_node method) {
    for (pugi::xml_node criterion : method.children("criterion")) {
        criteria[criterion.attribute("id").value()] = {
            criterion.attribute("min").as_double(), criterion.attribute("max").as_double(),
            criterion.attribute("weight").as_double(1.0), criterion};
    }
    product = std::string_view(method.child_value("combine")) == "product";
    threshold = method.child("significanceThreshold").text().as_double();
    legalGate = method.child("legalGate").text().as_bool();
}

double ScoringMethod::total(pugi::xml_node aspect) const {
    double total = product ? 1.0 : 0.0;
    for (pugi::xml_node score : aspect.children("score")) {
        const auto it = criteria.find(std::string_view(score.attribute("criterion").value()));
        if (it == criteria.end()) {
            continue;
        }
        const double value = score.attribute("value").as_double();
        // Weights scale a sum; a product method multiplies the ratings as they are.
        total = product ? total * value : total + value * it->second.weight;
    }
    return total;
}

std::span<const std::string_view> requiredReviewInputs() {
    static constexpr std::string_view inputs[] = {
        "previous-actions",    "changes-issues",      "changes-needs", "changes-aspects",
        "changes-obligations", "risks-opportunities", "objectives",    "nonconformities",
        "monitoring",          "compliance",          "audits",        "resources",
        "communications",      "improvement"};
    return inputs;
}

std::string scoreText(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace rodtrad
