#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {

// The clause structure of ISO 14001 by edition (schemas/iso14001-clauses.xml, embedded):
// numbers, short titles and what documented information each clause asks for.
struct Clause {
    std::string edition;
    std::string number;
    std::string title;                         // in English
    std::map<std::string, std::string> titles; // by language (en, sv)
    std::string documentedInformation;         // maintain, retain, both or none
    std::vector<std::string> serves;           // record kinds (root element names)
    int level = 1;                             // 1 for "4", 2 for "4.1", ...
    bool documentControl = false;              // evidenced by the document control of every record
    bool hasSubClauses = false;
};

class ClauseCatalogue {
public:
    static const ClauseCatalogue& instance();

    const Clause* find(std::string_view edition, std::string_view number) const;
    std::vector<std::string> editions() const;
    // Clauses of one edition in document order.
    const std::vector<Clause>& clauses(std::string_view edition) const;

private:
    ClauseCatalogue();
    std::map<std::string, std::vector<Clause>, std::less<>> byEdition_;
};

} // namespace rodtrad
