#include "compose/composer.h"

#include "layout/line_breaker.h"
#include "model/ems_facts.h"
#include "rodtrad/error.h"
#include "rollup/number_format.h"

#include <algorithm>
#include <functional>

namespace rodtrad {
namespace {

std::string langCode(Language language) {
    return language == Language::en ? "en" : "sv";
}

Align parseAlign(std::string_view text) {
    if (text == "right") {
        return Align::right;
    }
    if (text == "center") {
        return Align::center;
    }
    return Align::left;
}

// The nearest source reference (src="file#id" or "file:line") for a rolled-up node.
std::string sourceOf(pugi::xml_node node) {
    for (; node; node = node.parent()) {
        if (const pugi::xml_attribute src = node.attribute("src")) {
            return src.value();
        }
    }
    return "rollup";
}

} // namespace

Composer::Composer(pugi::xml_node templateRoot, const pugi::xml_document& rollup,
                   const Labels& labels, Language language,
                   const std::map<std::string, std::string>& variables, const FontMetrics& metrics,
                   std::vector<Diagnostic>& diagnostics)
    : template_(templateRoot), rollup_(rollup), labels_(labels), language_(language),
      metrics_(metrics), diagnostics_(diagnostics) {
    templateName_ = templateRoot.attribute("name").value();
    for (const auto& [name, value] : variables) {
        variables_.set(name.c_str(), value.c_str());
    }
    for (pugi::xml_node node : templateRoot.child("styles").children("style")) {
        Style s;
        s.font.face = std::string_view(node.attribute("face").value()) == "bold"
                          ? FontFace::bold
                          : FontFace::regular;
        s.font.size = node.attribute("size").as_double(10);
        s.color = Color::fromHex(node.attribute("color").as_string("#000000"));
        s.block.spaceBefore = node.attribute("spaceBefore").as_double(0);
        s.block.spaceAfter = node.attribute("spaceAfter").as_double(4);
        s.block.leading = node.attribute("leading").as_double(1.3);
        s.block.indent = node.attribute("indent").as_double(0);
        s.block.align = parseAlign(node.attribute("align").value());
        styles_[node.attribute("name").value()] = s;
    }
}

// "#anchor" links inside the document; anything else names a file beside it.
std::string Composer::linkTarget(pugi::xml_attribute link, pugi::xml_node context) {
    if (!link) {
        return {};
    }
    const std::string target = expand(link.value(), context);
    if (target.empty()) {
        return {};
    }
    return target.front() == '#' ? target.substr(1) : std::string(externalLinkPrefix) + target;
}

const Composer::Style& Composer::style(std::string_view name) {
    const auto it = styles_.find(name.empty() ? "body" : name);
    if (it != styles_.end()) {
        return it->second;
    }
    static const Style fallback{};
    return fallback;
}

pugi::xpath_node_set Composer::select(std::string_view xpath, pugi::xml_node context) {
    try {
        const pugi::xpath_query query(std::string(xpath).c_str(), &variables_);
        return query.evaluate_node_set(context);
    } catch (const pugi::xpath_exception& e) {
        throw Error("template " + templateName_ + ": XPath \"" + std::string(xpath) +
                    "\": " + e.what());
    }
}

std::string Composer::label(std::string_view key) {
    const auto it = labels_.find(key);
    if (it != labels_.end()) {
        return it->second;
    }
    diagnostics_.push_back({Severity::warning, "templates/labels/" + langCode(language_) + ".xml",
                            0, 0, "template.label", "no label \"" + std::string(key) + "\""});
    return std::string(key);
}

std::string Composer::evaluate(std::string_view expression, pugi::xml_node context) {
    if (expression.starts_with("#")) {
        return label(expression.substr(1));
    }
    auto valueOf = [&](std::string_view xpath) {
        try {
            const pugi::xpath_query query(std::string(xpath).c_str(), &variables_);
            return std::string(query.evaluate_string(context));
        } catch (const pugi::xpath_exception& e) {
            throw Error("template " + templateName_ + ": XPath \"" + std::string(xpath) +
                        "\": " + e.what());
        }
    };
    if (expression.starts_with("label:")) {
        const std::string key = valueOf(expression.substr(6));
        return key.empty() ? std::string() : label(key);
    }
    if (expression.starts_with("level:")) {
        const std::string level = valueOf(expression.substr(6));
        const pugi::xml_node scale = rollup_.document_element().child("plan").child("scale");
        for (pugi::xml_node entry : scale.children()) {
            if (level == entry.attribute("id").value()) {
                const pugi::xml_node text =
                    entry.find_child_by_attribute("label", "lang", langCode(language_).c_str());
                return text ? text.child_value() : entry.child("label").child_value();
            }
        }
        return level;
    }
    if (expression.starts_with("num")) {
        const std::size_t colon = expression.find(':');
        if (colon != std::string_view::npos) {
            const std::string value = valueOf(expression.substr(colon + 1));
            const auto number = parseDecimal(value);
            if (!number) {
                return value.empty() ? "\u2013" : value;
            }
            int decimals = colon > 3
                               ? std::stoi(std::string(expression.substr(3, colon - 3)))
                               : context.attribute("decimals")
                                     .as_int(context.parent().attribute("decimals").as_int(1));
            return formatNumber(*number, decimals, language_);
        }
    }
    return valueOf(expression);
}

std::string Composer::expand(std::string_view text, pugi::xml_node context) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open == std::string_view::npos) {
            out.append(text.substr(at));
            break;
        }
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            out.append(text.substr(at));
            break;
        }
        out.append(text.substr(at, open - at));
        out += evaluate(text.substr(open + 1, close - open - 1), context);
        at = close + 1;
    }
    // Template text is indented XML: fold whitespace runs to single spaces.
    std::string folded;
    bool space = false;
    for (char c : out) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !folded.empty();
            continue;
        }
        if (space) {
            folded += ' ';
            space = false;
        }
        folded += c;
    }
    return folded;
}

std::vector<TextRun> Composer::runs(const std::string& text, const Style& s, pugi::xml_node context,
                                    const std::string& lang, const std::string& link) {
    std::vector<TextProblem> problems;
    const std::string clean = sanitizeText(text, s.font.face, metrics_, problems);
    for (const TextProblem& problem : problems) {
        diagnostics_.push_back({Severity::error, sourceOf(context), 0, 0, "text.glyph",
                                problem.message + " in \"" + text.substr(0, 60) + "\""});
    }
    if (clean.empty()) {
        return {};
    }
    return {TextRun{clean, s.font, s.color, link, lang}};
}

void Composer::run(pugi::xml_node instructions, pugi::xml_node context) {
    for (pugi::xml_node node : instructions.children()) {
        if (node.type() == pugi::node_element) {
            instruction(node, context);
        }
    }
}

void Composer::paragraph(pugi::xml_node node, pugi::xml_node context, Block::Kind kind) {
    // Headings take the style named after their level (h1, h2, ...) unless they name one.
    const std::string defaultStyle = kind == Block::Kind::heading
                                         ? "h" + std::to_string(node.attribute("level").as_int(1))
                                         : "body";
    const Style& s = style(node.attribute("style").as_string(defaultStyle.c_str()));
    Block block;
    block.kind = kind;
    block.style = s.block;
    block.lang = node.attribute("lang").value();
    block.runs = runs(expand(node.child_value(), context), s, context, block.lang,
                      linkTarget(node.attribute("link"), context));
    if (kind == Block::Kind::heading) {
        block.level = node.attribute("level").as_int(1);
        block.anchor = expand(node.attribute("anchor").value(), context);
        block.keepWithNext = true;
        block.outline = node.attribute("outline").as_bool(true);
        block.numbered = node.attribute("numbered").as_bool(true);
    }
    if (!block.runs.empty()) {
        flow_.blocks.push_back(std::move(block));
    }
}

void Composer::richText(pugi::xml_node node, pugi::xml_node context) {
    const Style& s = style(node.attribute("style").value());
    for (pugi::xpath_node found : select(node.attribute("select").value(), context)) {
        const pugi::xml_node text = found.node();
        for (pugi::xml_node part : text.children()) {
            const std::string lang =
                part.attribute("lang").as_string(text.attribute("lang").value());
            if (std::string_view(part.name()) == "p") {
                Block block;
                block.style = s.block;
                block.runs = runs(expand(part.child_value(), part), s, text, lang);
                if (!block.runs.empty()) {
                    flow_.blocks.push_back(std::move(block));
                }
            } else if (std::string_view(part.name()) == "list") {
                for (pugi::xml_node item : part.children("item")) {
                    Block block;
                    block.kind = Block::Kind::listItem;
                    block.style = s.block;
                    block.style.spaceAfter = 2;
                    block.runs = runs(item.child_value(), s, text,
                                      item.attribute("lang").as_string(lang.c_str()));
                    if (!block.runs.empty()) {
                        flow_.blocks.push_back(std::move(block));
                    }
                }
            }
        }
    }
}

void Composer::table(pugi::xml_node node, pugi::xml_node context) {
    const pugi::xpath_node_set rows = select(node.attribute("select").value(), context);
    if (rows.empty() && !node.attribute("always").as_bool()) {
        return;
    }
    const Style& s = style(node.attribute("style").as_string("table"));
    const Style& headerStyle = style(node.attribute("headerStyle").as_string("tableHeader"));
    Block block;
    block.kind = Block::Kind::table;
    block.style.spaceBefore = 4;
    block.style.spaceAfter = 8;
    block.table.font = s.font;
    TableRow header;
    for (pugi::xml_node column : node.children("column")) {
        block.table.columns.push_back(column.attribute("width").as_double(1));
        TableCell cell;
        cell.runs = runs(expand(column.attribute("header").value(), context), headerStyle, context);
        cell.align = parseAlign(column.attribute("align").value());
        header.cells.push_back(std::move(cell));
    }
    block.table.rows.push_back(std::move(header));
    for (pugi::xpath_node row : rows) {
        TableRow tableRow;
        for (pugi::xml_node column : node.children("column")) {
            TableCell cell;
            cell.runs = runs(expand(column.child_value(), row.node()), s, row.node(), {},
                             linkTarget(column.attribute("link"), row.node()));
            cell.align = parseAlign(column.attribute("align").value());
            if (const pugi::xml_attribute status = column.attribute("status")) {
                cell.status = expand(status.value(), row.node());
            }
            tableRow.cells.push_back(std::move(cell));
        }
        block.table.rows.push_back(std::move(tableRow));
    }
    flow_.blocks.push_back(std::move(block));
}

void Composer::chart(pugi::xml_node node, pugi::xml_node indicator) {
    IndicatorChart spec;
    spec.kind = std::string_view(node.attribute("kind").value()) == "line" ? ChartKind::line
                                                                           : ChartKind::bar;
    spec.name = indicator.attribute("name").value();
    spec.measure = indicator.attribute("measure").value();
    spec.higherIsBetter = std::string_view(indicator.attribute("direction").value()) != "lower";
    spec.decimals = indicator.attribute("decimals").as_int(1);
    spec.width = node.attribute("width").as_double(300);
    spec.height = node.attribute("height").as_double(150);
    std::map<int, std::optional<double>> byYear;
    for (pugi::xml_node consolidated : indicator.children("consolidated")) {
        byYear[consolidated.attribute("year").as_int()] =
            parseDecimal(consolidated.attribute("value").value());
    }
    for (pugi::xml_node outcome : indicator.children("outcome")) {
        const auto value = parseDecimal(outcome.attribute("value").value());
        auto& slot = byYear[outcome.attribute("year").as_int()];
        slot = value ? value : slot;
    }
    if (byYear.empty()) {
        return;
    }
    spec.outcomes.assign(byYear.begin(), byYear.end());
    const pugi::xml_node status = indicator.child("status");
    spec.targetYear = status.attribute("year").as_int();
    spec.status = status.attribute("value").value();
    const pugi::xml_node target =
        indicator.find_child_by_attribute("target", "year", status.attribute("year").value());
    spec.target = parseDecimal(target.attribute("value").value());
    spec.yellow = parseDecimal(target.attribute("yellow").value());
    Block block;
    block.kind = Block::Kind::figure;
    block.drawing = drawIndicatorChart(spec, metrics_, language_);
    block.style.spaceBefore = 4;
    block.style.spaceAfter = 10;
    flow_.blocks.push_back(std::move(block));
}

namespace {

std::size_t boxCount(const RedThreadNode& node) {
    std::size_t count = 1;
    for (const RedThreadNode& child : node.children) {
        count += boxCount(child);
    }
    return count;
}

// Keeps `levels` levels below the node and drops the ones deeper.
void keepLevels(RedThreadNode& node, int levels) {
    for (RedThreadNode& child : node.children) {
        if (levels <= 1) {
            child.children.clear();
        } else {
            keepLevels(child, levels - 1);
        }
    }
}

} // namespace

void Composer::redThread(pugi::xml_node node, pugi::xml_node perspective) {
    const pugi::xml_node scale = rollup_.document_element().child("plan").child("scale");
    int top = 0;
    int bottom = 1 << 30;
    for (pugi::xml_node level : scale.children("level")) {
        top = std::max(top, level.attribute("rank").as_int());
        bottom = std::min(bottom, level.attribute("rank").as_int());
    }
    const int maxDepth = node.attribute("depth").as_int(4);
    std::function<RedThreadNode(pugi::xml_node, int)> build = [&](pugi::xml_node goal, int depth) {
        RedThreadNode n;
        n.id = goal.attribute("id").value();
        n.title = goal.attribute("title").as_string(goal.attribute("name").value());
        const std::string level = goal.child("assessment").attribute("level").value();
        n.level = level;
        n.label = level.empty() ? std::string() : evaluate("level:assessment/@level", goal);
        const pugi::xml_node entry = scale.find_child_by_attribute("level", "id", level.c_str());
        const int rank = entry.attribute("rank").as_int();
        n.status = level.empty()    ? ""
                   : !entry         ? "not-assessable"
                   : rank == top    ? "green"
                   : rank == bottom ? "red"
                                    : "yellow";
        if (depth < maxDepth) {
            for (pugi::xml_node child : goal.children(depth == 0 ? "councilGoal" : "goal")) {
                n.children.push_back(build(child, depth + 1));
            }
        }
        return n;
    };
    // A figure shows at most figureBoxes goals: more would not be readable on a page. A larger
    // tree is drawn one council goal at a time, its deepest levels left to the goal tables and,
    // if its goals are still too many, the rest counted in a last box.
    constexpr std::size_t figureBoxes = 60;
    std::vector<RedThreadNode> figures;
    RedThreadNode tree = build(perspective, 0);
    const int firstLevel = boxCount(tree) <= figureBoxes ? 0 : 1;
    if (firstLevel == 0) {
        figures.push_back(std::move(tree));
    } else {
        for (RedThreadNode& councilGoal : tree.children) {
            for (int depth = maxDepth - 2; depth >= 1 && boxCount(councilGoal) > figureBoxes;
                 --depth) {
                keepLevels(councilGoal, depth);
            }
            if (councilGoal.children.size() >= figureBoxes) {
                const std::size_t more = councilGoal.children.size() - (figureBoxes - 2);
                keepLevels(councilGoal, 1);
                councilGoal.children.resize(figureBoxes - 2);
                RedThreadNode rest;
                rest.title = language_ == Language::en ? "… and " + std::to_string(more) + " more"
                                                       : "… och " + std::to_string(more) + " till";
                councilGoal.children.push_back(std::move(rest));
            }
            figures.push_back(std::move(councilGoal));
        }
    }
    for (const RedThreadNode& figure : figures) {
        Block block;
        block.kind = Block::Kind::figure;
        block.drawing = drawRedThread(figure, node.attribute("width").as_double(480), metrics_,
                                      language_, firstLevel);
        block.style.spaceBefore = 6;
        block.style.spaceAfter = 10;
        flow_.blocks.push_back(std::move(block));
    }
}

void Composer::keyValueTable(const std::vector<std::pair<std::string, std::string>>& rows,
                             pugi::xml_node context) {
    const Style& s = style("table");
    Block block;
    block.kind = Block::Kind::table;
    block.style.spaceBefore = 12;
    block.table.columns = {1, 2};
    block.table.headerRows = 0;
    for (const auto& [key, value] : rows) {
        if (value.empty()) {
            continue;
        }
        TableRow r;
        r.cells.push_back({runs(label(key), style("tableHeader"), context), Align::left, ""});
        r.cells.push_back({runs(value, s, context), Align::left, ""});
        block.table.rows.push_back(std::move(r));
    }
    flow_.blocks.push_back(std::move(block));
}

void Composer::approval(pugi::xml_node node, pugi::xml_node context) {
    const pugi::xpath_node_set found = select(node.attribute("select").value(), context);
    if (found.empty()) {
        return;
    }
    const pugi::xml_node approval = found.first().node();
    keyValueTable({{"approvedBy", approval.attribute("by").value()},
                   {"approvalDate", approval.attribute("date").value()},
                   {"revision", approval.attribute("revision").value()},
                   {"decision", approval.attribute("reference").value()}},
                  approval);
}

void Composer::documentControl(pugi::xml_node node, pugi::xml_node context) {
    const pugi::xpath_node_set found = select(node.attribute("select").value(), context);
    if (found.empty()) {
        return;
    }
    const pugi::xml_node header = found.first().node();
    const pugi::xml_node approval = header.child("approval");
    const DocumentControl control = DocumentControl::read(header);
    const auto asOf =
        Date::parse(rollup_.document_element().child("ems").attribute("asOf").value());
    std::string state = label(control.approved ? "approved" : "notApproved");
    if (asOf && control.reviewOverdue(*asOf)) {
        state += "; " + label("reviewOverdue");
    }
    const std::string edition =
        variables_.get("edition") != nullptr ? variables_.get("edition")->get_string() : "2015";
    std::string clauses;
    for (pugi::xml_node clause : header.children("clause")) {
        if (edition == clause.attribute("edition").value()) {
            clauses +=
                (clauses.empty() ? "" : ", ") + std::string(clause.attribute("number").value());
        }
    }
    std::string approvedBy = approval.attribute("by").value();
    keyValueTable(
        {{"documentNumber", header.child_value("documentNumber")},
         {"revision", header.child_value("revision")},
         {"documentOwner", header.child_value("owner")},
         {"approvedBy", approvedBy},
         {"approvalDate", approval.attribute("date").value()},
         {"decision", approval.attribute("reference").value()},
         {"approvedRevision", approval.attribute("revision").value()},
         {"nextReview", header.child_value("nextReview")},
         {"documentState", state},
         {"clauses", clauses.empty() ? std::string() : "ISO 14001:" + edition + " " + clauses}},
        header);
}

void Composer::instruction(pugi::xml_node node, pugi::xml_node context) {
    const std::string_view name = node.name();
    if (name == "paragraph") {
        paragraph(node, context, Block::Kind::paragraph);
    } else if (name == "heading") {
        paragraph(node, context, Block::Kind::heading);
    } else if (name == "item") {
        paragraph(node, context, Block::Kind::listItem);
    } else if (name == "richText") {
        richText(node, context);
    } else if (name == "forEach") {
        // variable="name" value="xpath" binds $name to each item's value, so the body can
        // refer back to it from anywhere in the document (XPath 1.0 has no current()).
        const char* variable = node.attribute("variable").value();
        for (pugi::xpath_node found : select(node.attribute("select").value(), context)) {
            if (*variable != '\0') {
                variables_.set(
                    variable,
                    evaluate(node.attribute("value").as_string("."), found.node()).c_str());
            }
            run(node, found.node());
        }
    } else if (name == "if") {
        if (!select(node.attribute("test").value(), context).empty()) {
            run(node, context);
        }
    } else if (name == "table") {
        table(node, context);
    } else if (name == "chart") {
        chart(node, context);
    } else if (name == "redThread") {
        redThread(node, context);
    } else if (name == "approval") {
        approval(node, context);
    } else if (name == "documentControl") {
        documentControl(node, context);
    } else if (name == "toc") {
        Block block;
        block.kind = Block::Kind::toc;
        flow_.tocTitle = label("contents");
        flow_.blocks.push_back(std::move(block));
    } else if (name == "pageBreak") {
        Block block;
        block.kind = Block::Kind::pageBreak;
        flow_.blocks.push_back(std::move(block));
    } else if (name == "spacer") {
        Block block;
        block.kind = Block::Kind::spacer;
        block.height = node.attribute("height").as_double(12);
        flow_.blocks.push_back(std::move(block));
    }
}

Flow Composer::compose() {
    const pugi::xml_node root = rollup_.document_element();
    const pugi::xml_node page = template_.child("page");
    flow_.page.marginTop = page.attribute("marginTop").as_double(flow_.page.marginTop);
    flow_.page.marginBottom = page.attribute("marginBottom").as_double(flow_.page.marginBottom);
    flow_.page.marginLeft = page.attribute("marginLeft").as_double(flow_.page.marginLeft);
    flow_.page.marginRight = page.attribute("marginRight").as_double(flow_.page.marginRight);
    flow_.language = language_;
    const pugi::xml_node info = template_.child("info");
    flow_.info.title = expand(info.attribute("title").value(), root);
    flow_.info.author = expand(info.attribute("author").value(), root);
    flow_.info.subject = expand(info.attribute("subject").value(), root);
    flow_.info.keywords = expand(info.attribute("keywords").value(), root);
    flow_.info.date = expand(info.attribute("date").value(), root);
    flow_.info.language = language_ == Language::en ? "en" : "sv-SE";
    const pugi::xml_node furniture = template_.child("furniture");
    flow_.furniture.headerLeft = expand(furniture.attribute("headerLeft").value(), root);
    flow_.furniture.headerRight = expand(furniture.attribute("headerRight").value(), root);
    flow_.furniture.footerLeft = expand(furniture.attribute("footerLeft").value(), root);
    flow_.furniture.pageLabel = label("pageOf");
    run(template_.child("body"), root);
    return std::move(flow_);
}

} // namespace rodtrad
