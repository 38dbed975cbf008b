#include "model/clause_catalogue.h"

#include "load/schema_set.h"

#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

namespace rodtrad {
namespace {

void collect(pugi::xml_node parent, const std::string& edition, int level,
             std::vector<Clause>& out) {
    for (pugi::xml_node node : parent.children("clause")) {
        Clause clause;
        clause.edition = edition;
        clause.number = node.attribute("number").value();
        clause.title = node.find_child_by_attribute("title", "lang", "en").child_value();
        for (pugi::xml_node title : node.children("title")) {
            clause.titles[title.attribute("lang").value()] = title.child_value();
        }
        clause.documentedInformation = node.attribute("documentedInformation").value();
        std::istringstream serves(node.attribute("serves").value());
        for (std::string kind; serves >> kind;) {
            clause.serves.push_back(kind);
        }
        clause.level = level;
        clause.documentControl = node.attribute("documentControl").as_bool();
        clause.hasSubClauses = static_cast<bool>(node.child("clause"));
        out.push_back(std::move(clause));
        collect(node, edition, level + 1, out);
    }
}

} // namespace

ClauseCatalogue::ClauseCatalogue() {
    const auto& files = embeddedSchemas();
    const auto it = files.find("iso14001-clauses.xml");
    if (it == files.end()) {
        throw std::logic_error("the clause catalogue is not embedded");
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(it->second.data(), it->second.size())) {
        throw std::logic_error("the embedded clause catalogue is not well-formed");
    }
    for (pugi::xml_node edition : doc.document_element().children("edition")) {
        collect(edition, edition.attribute("id").value(), 1,
                byEdition_[edition.attribute("id").value()]);
    }
}

const ClauseCatalogue& ClauseCatalogue::instance() {
    static const ClauseCatalogue catalogue;
    return catalogue;
}

const Clause* ClauseCatalogue::find(std::string_view edition, std::string_view number) const {
    const auto it = byEdition_.find(edition);
    if (it == byEdition_.end()) {
        return nullptr;
    }
    for (const Clause& clause : it->second) {
        if (clause.number == number) {
            return &clause;
        }
    }
    return nullptr;
}

std::vector<std::string> ClauseCatalogue::editions() const {
    std::vector<std::string> names;
    for (const auto& entry : byEdition_) {
        names.push_back(entry.first);
    }
    return names;
}

const std::vector<Clause>& ClauseCatalogue::clauses(std::string_view edition) const {
    static const std::vector<Clause> none;
    const auto it = byEdition_.find(edition);
    return it == byEdition_.end() ? none : it->second;
}

} // namespace rodtrad
