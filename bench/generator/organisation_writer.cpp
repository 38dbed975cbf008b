#include "document_header.h"
#include "document_writers.h"

namespace rodtrad::bench {
namespace {

void writeUnit(XmlWriter& xml, const Model& model, int index) {
    const OrgNode& node = model.nodes[static_cast<std::size_t>(index)];
    xml.start("unit");
    xml.attribute("id", node.id);
    xml.attribute("type", orgTypeName(node.type));
    if (node.type == OrgType::municipality) {
        xml.attribute("kolada", "0199");
    }
    if (!node.koladaOu.empty()) {
        xml.attribute("koladaOu", node.koladaOu);
    }
    xml.element("name", node.name);
    if (!node.manager.empty()) {
        xml.element("manager", node.manager);
    }
    for (const int child : node.children) {
        writeUnit(xml, model, child);
    }
    xml.end();
}

} // namespace

void writeOrganisation(XmlWriter& xml, const Model& model, const std::filesystem::path& file) {
    xml.open(file);
    xml.start("organisation");
    xml.attribute("xmlns", organisationNamespace);
    DocumentHeader header;
    header.id = "organisation";
    header.title = "Ekbacka kommunkoncern";
    header.unit = "kommunen";
    const IdText number = model.documentNumber(model.executiveBoardNode, Model::planYear, 1);
    header.documentNumber = number;
    header.owner = "Kommundirektören";
    writeHeader(xml, header);
    writeUnit(xml, model, 0);
    xml.close();
}

} // namespace rodtrad::bench
