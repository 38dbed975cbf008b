#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace rodtrad::bench {

// The fixed material the synthetic workspaces are made of: perspectives, themes with their
// goal phrases and indicator templates, the committees' areas, and Swedish word lists. It is
// one catalogue rather than a type per file because it is data, read together.

enum class Formula : std::uint8_t { sum, average, weightedAverage, max, min, own };
std::string_view formulaName(Formula formula);

// A kind of key indicator. Values are in units of 10^-decimals.
struct IndicatorTemplate {
    std::string_view name;
    std::string_view measure;
    bool higherIsBetter;
    int decimals;
    std::int64_t low, high;      // typical level
    std::int64_t floor, ceiling; // values never leave this range
    Formula formula;
    std::string_view weight; // the weight a weighted average uses
    bool genderSplit;
    std::string_view kolada; // Kolada KPI of the council-level indicator, or empty
};

struct Perspective {
    std::string_view id;
    std::string_view name;
    std::string_view description;
};

// A policy area: a council goal has one, and every goal that breaks it down inherits it.
struct Theme {
    std::string_view name;
    int perspective;
    bool environmental;
    std::span<const std::string_view> goalPhrases;
    std::span<const IndicatorTemplate> indicators;
    std::span<const std::string_view> activities;
};

// The area of a committee (nämnd) and the units under it.
struct Domain {
    std::string_view name;                          // Barn- och utbildningsnämnden
    std::string_view id;                            // bun
    std::string_view documentPrefix;                // BUN
    std::string_view administration;                // Barn- och utbildningsförvaltningen
    std::span<const std::string_view> unitPatterns; // "{}" stands for a place name
    std::string_view managerRole;
    std::string_view koladaOuPrefix; // empty: its units have no Kolada unit id
};

std::span<const Perspective> perspectives();
std::span<const Theme> themes();
// The order in which council goals take their themes, so that every scale covers them all.
std::span<const int> councilThemeOrder();
// domains()[0] is the executive board (kommunstyrelsen).
std::span<const Domain> domains();

std::span<const std::string_view> places();
std::span<const std::string_view> subunitKinds();
std::span<const std::string_view> subunitNames();
std::span<const std::string_view> companyNames();
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> compounds();
std::span<const std::string_view> goalQualifiers();
std::span<const std::string_view> causes();
std::span<const std::string_view> developments();
std::span<const std::string_view> risks();
// mitigations()[i] answers risks()[i].
std::span<const std::string_view> mitigations();
std::span<const std::string_view> outcomeComments();
std::span<const std::string_view> activityComments();
std::span<const std::string_view> ownerRoles();

} // namespace rodtrad::bench
