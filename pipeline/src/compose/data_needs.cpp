#include "compose/data_needs.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace rodtrad {
namespace {

using Node = ElementNeeds::Node;
using States = std::vector<Node*>;

// Thrown where a template reads in a way the analysis does not follow.
struct NotFollowed {};

struct Token {
    enum class Kind {
        name,
        literal,
        number,
        variable,
        slash,
        doubleSlash,
        dot,
        doubleDot,
        at,
        openBracket,
        closeBracket,
        openParen,
        closeParen,
        comma,
        pipe,
        op,
        star,
        axis,
        end
    } kind;
    std::string text;
};

bool nameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool nameChar(char c) {
    return nameStart(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.';
}

std::vector<Token> tokenize(std::string_view x) {
    using K = Token::Kind;
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < x.size()) {
        const char c = x[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
        } else if (c == '"' || c == '\'') {
            const std::size_t close = x.find(c, i + 1);
            if (close == std::string_view::npos) {
                throw NotFollowed{};
            }
            tokens.push_back({K::literal, std::string(x.substr(i + 1, close - i - 1))});
            i = close + 1;
        } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
                   (c == '.' && i + 1 < x.size() &&
                    std::isdigit(static_cast<unsigned char>(x[i + 1])) != 0)) {
            std::size_t end = i;
            while (end < x.size() &&
                   (std::isdigit(static_cast<unsigned char>(x[end])) != 0 || x[end] == '.')) {
                ++end;
            }
            tokens.push_back({K::number, std::string(x.substr(i, end - i))});
            i = end;
        } else if (c == '$') {
            std::size_t end = i + 1;
            while (end < x.size() && nameChar(x[end])) {
                ++end;
            }
            tokens.push_back({K::variable, std::string(x.substr(i + 1, end - i - 1))});
            i = end;
        } else if (c == '/') {
            const bool twice = i + 1 < x.size() && x[i + 1] == '/';
            tokens.push_back({twice ? K::doubleSlash : K::slash, {}});
            i += twice ? 2 : 1;
        } else if (c == '.') {
            const bool twice = i + 1 < x.size() && x[i + 1] == '.';
            tokens.push_back({twice ? K::doubleDot : K::dot, {}});
            i += twice ? 2 : 1;
        } else if (c == '@' || c == '[' || c == ']' || c == '(' || c == ')' || c == ',' ||
                   c == '|' || c == '*') {
            static constexpr std::string_view singles = "@[](),|*";
            static constexpr K kinds[] = {K::at,        K::openBracket, K::closeBracket,
                                          K::openParen, K::closeParen,  K::comma,
                                          K::pipe,      K::star};
            tokens.push_back({kinds[singles.find(c)], {}});
            ++i;
        } else if (c == '=' || c == '+' || c == '-') {
            tokens.push_back({K::op, std::string(1, c)});
            ++i;
        } else if (c == '!' || c == '<' || c == '>') {
            const bool withEquals = i + 1 < x.size() && x[i + 1] == '=';
            if (c == '!' && !withEquals) {
                throw NotFollowed{};
            }
            tokens.push_back({K::op, std::string(x.substr(i, withEquals ? 2 : 1))});
            i += withEquals ? 2 : 1;
        } else if (nameStart(c)) {
            std::size_t end = i;
            while (end < x.size() && nameChar(x[end])) {
                ++end;
            }
            if (end + 1 < x.size() && x[end] == ':' && x[end + 1] == ':') {
                tokens.push_back({K::axis, std::string(x.substr(i, end - i))});
                i = end + 2;
            } else {
                tokens.push_back({K::name, std::string(x.substr(i, end - i))});
                i = end;
            }
        } else {
            throw NotFollowed{};
        }
    }
    tokens.push_back({K::end, {}});
    return tokens;
}

void keepEverything(const States& states) {
    for (Node* node : states) {
        node->everything = true;
    }
}

// Follows one XPath 1.0 expression over the needs: every location path in it adds the elements
// it reaches; an element whose value is taken keeps everything below it.
class Expression {
public:
    Expression(std::string_view text, Node* document)
        : tokens_(tokenize(text)), document_(document) {}

    // The elements the expression selects, when it is a location path (or a union of them);
    // used as a value otherwise.
    States select(const States& context) {
        States selected = expression(context, true);
        expect(Token::Kind::end);
        return selected;
    }

    void value(const States& context) {
        expression(context, false);
        expect(Token::Kind::end);
    }

private:
    using K = Token::Kind;

    const Token& peek() const { return tokens_[at_]; }
    const Token& next() { return tokens_[at_++]; }
    void expect(K kind) {
        if (next().kind != kind) {
            throw NotFollowed{};
        }
    }

    bool binaryOperator() const {
        const Token& t = peek();
        return t.kind == K::op || t.kind == K::pipe || t.kind == K::star ||
               (t.kind == K::name &&
                (t.text == "and" || t.text == "or" || t.text == "div" || t.text == "mod"));
    }

    // A path from a variable, a parenthesized expression or a function's result is not followed.
    void notFollowedByAPath() const {
        if (peek().kind == K::slash || peek().kind == K::doubleSlash ||
            peek().kind == K::openBracket) {
            throw NotFollowed{};
        }
    }

    struct Operand {
        States states;
        bool path = false;
        bool endsInElement = false;
    };

    // A node set (asNodeSet: a selection or a test of existence) or a value.
    States expression(const States& context, bool asNodeSet) {
        std::vector<Operand> operands{operand(context)};
        bool unionOnly = true;
        while (binaryOperator()) {
            unionOnly = unionOnly && peek().kind == K::pipe;
            next();
            operands.push_back(operand(context));
        }
        const bool nodeSet = asNodeSet && unionOnly;
        States selected;
        for (const Operand& o : operands) {
            if (o.path && o.endsInElement && !nodeSet) {
                keepEverything(o.states);
            }
            selected.insert(selected.end(), o.states.begin(), o.states.end());
        }
        return selected;
    }

    Operand operand(const States& context) {
        const Token& t = peek();
        switch (t.kind) {
        case K::op:
            if (t.text != "-") {
                throw NotFollowed{};
            }
            next();
            operand(context);
            return {};
        case K::literal:
        case K::number:
            next();
            return {};
        case K::variable:
            next();
            notFollowedByAPath();
            return {};
        case K::openParen: {
            next();
            expression(context, false);
            expect(K::closeParen);
            notFollowedByAPath();
            return {};
        }
        case K::name:
            if (tokens_[at_ + 1].kind == K::openParen && !nodeType(t.text)) {
                functionCall(context);
                return {};
            }
            return path(context);
        case K::slash:
        case K::doubleSlash:
        case K::dot:
        case K::doubleDot:
        case K::at:
        case K::star:
        case K::axis:
            return path(context);
        default:
            throw NotFollowed{};
        }
    }

    static bool nodeType(std::string_view name) {
        return name == "node" || name == "text" || name == "comment" ||
               name == "processing-instruction";
    }

    void functionCall(const States& context) {
        const std::string name = next().text;
        expect(K::openParen);
        // These read which nodes there are, not what they hold.
        const bool nodeSetArguments = name == "count" || name == "not" || name == "boolean" ||
                                      name == "local-name" || name == "name";
        if (peek().kind != K::closeParen) {
            expression(context, nodeSetArguments);
            while (peek().kind == K::comma) {
                next();
                expression(context, nodeSetArguments);
            }
        }
        expect(K::closeParen);
        notFollowedByAPath();
    }

    void predicates(const States& states) {
        while (peek().kind == K::openBracket) {
            next();
            expression(states, true);
            expect(K::closeBracket);
        }
    }

    Operand path(const States& context) {
        Operand result;
        result.path = true;
        States current = context;
        bool descendants = false;
        if (peek().kind == K::slash || peek().kind == K::doubleSlash) {
            descendants = next().kind == K::doubleSlash;
            current = {document_};
            if (!descendants && !startsStep()) {
                result.states = current;
                result.endsInElement = true;
                return result;
            }
        }
        while (true) {
            result.endsInElement = true;
            const Token& t = next();
            if (t.kind == K::axis) {
                if (t.text == "self") {
                    step(current, false, true);
                } else if (t.text == "child") {
                    step(current, descendants, false);
                } else if (t.text == "attribute") {
                    attributeStep(current, descendants);
                    result.endsInElement = false;
                } else {
                    throw NotFollowed{};
                }
            } else if (t.kind == K::dot) {
                if (descendants) {
                    keepEverything(current);
                }
            } else if (t.kind == K::doubleDot) {
                if (descendants) {
                    keepEverything(current);
                }
                States parents;
                for (Node* node : current) {
                    if (node->parent == nullptr || node->parent == document_ || node->anyDepth) {
                        throw NotFollowed{};
                    }
                    parents.push_back(const_cast<Node*>(node->parent));
                }
                current = std::move(parents);
            } else if (t.kind == K::at) {
                attributeStep(current, descendants);
                result.endsInElement = false;
            } else {
                --at_;
                step(current, descendants, false);
            }
            descendants = false;
            predicates(current);
            if (peek().kind == K::slash) {
                next();
            } else if (peek().kind == K::doubleSlash) {
                next();
                descendants = true;
            } else {
                break;
            }
        }
        std::sort(current.begin(), current.end());
        current.erase(std::unique(current.begin(), current.end()), current.end());
        result.states = std::move(current);
        return result;
    }

    bool startsStep() const {
        const K k = peek().kind;
        return k == K::name || k == K::star || k == K::at || k == K::dot || k == K::doubleDot ||
               k == K::axis;
    }

    // Attributes are kept with their element; of any descendant, only with everything.
    void attributeStep(const States& current, bool descendants) {
        const Token& t = next();
        if (t.kind != K::name && t.kind != K::star) {
            throw NotFollowed{};
        }
        if (descendants) {
            keepEverything(current);
        }
    }

    // A name test, a wildcard or a node type test, to children or (descendants) to any depth.
    void step(States& current, bool descendants, bool self) {
        const Token& t = next();
        if (t.kind == K::star ||
            (t.kind == K::name && nodeType(t.text) && tokens_[at_].kind == K::openParen)) {
            if (t.kind == K::name) {
                expect(K::openParen);
                expect(K::closeParen);
                if (t.text == "text" && !descendants) {
                    return; // an element's own text is kept with it
                }
            }
            if (!self) {
                keepEverything(current);
            }
            return;
        }
        if (t.kind != K::name) {
            throw NotFollowed{};
        }
        if (self) {
            return;
        }
        States reached;
        for (Node* node : current) {
            reached.push_back(descendants ? node->descendant(t.text) : node->child(t.text));
        }
        current = std::move(reached);
    }

    std::vector<Token> tokens_;
    std::size_t at_ = 0;
    Node* document_;
};

class Analysis {
public:
    explicit Analysis(ElementNeeds& needs) : needs_(needs) {}

    void run(pugi::xml_node templateRoot) {
        const States root{needs_.document()->child("rollup")};
        for (const char* part : {"info", "furniture"}) {
            for (pugi::xml_attribute a : templateRoot.child(part).attributes()) {
                text(a.value(), root);
            }
        }
        if (templateRoot.child("parameters")) {
            keepEverything({root.front()->child("organisation")});
        }
        instructions(templateRoot.child("body"), root);
    }

private:
    States select(const char* xpath, const States& context) {
        return Expression(xpath, needs_.document()).select(context);
    }

    void value(std::string_view xpath, const States& context) {
        Expression(xpath, needs_.document()).value(context);
    }

    // "{...}" in template text, as Composer::evaluate reads it.
    void text(std::string_view text, const States& context) {
        std::size_t at = 0;
        while (true) {
            const std::size_t open = text.find('{', at);
            const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
            if (close == std::string_view::npos) {
                return;
            }
            expression(text.substr(open + 1, close - open - 1), context);
            at = close + 1;
        }
    }

    void expression(std::string_view e, const States& context) {
        if (e.starts_with("#")) {
            return;
        }
        if (e.starts_with("label:")) {
            e.remove_prefix(6);
        } else if (e.starts_with("level:")) {
            e.remove_prefix(6);
            scale();
        } else if (e.starts_with("num") && e.find(':') != std::string_view::npos) {
            e.remove_prefix(e.find(':') + 1);
        }
        value(e, context);
    }

    // The plan's assessment scale, which level names and red-thread colours come from.
    void scale() {
        needs_.document()->child("rollup")->child("plan")->child("scale")->everything = true;
    }

    void instructions(pugi::xml_node parent, const States& context) {
        for (pugi::xml_node node : parent.children()) {
            if (node.type() == pugi::node_element) {
                instruction(node, context);
            }
        }
    }

    void instruction(pugi::xml_node node, const States& context) {
        const std::string_view name = node.name();
        if (name == "paragraph" || name == "heading" || name == "item") {
            text(node.child_value(), context);
            text(node.attribute("anchor").value(), context);
            text(node.attribute("link").value(), context);
        } else if (name == "richText") {
            keepEverything(select(node.attribute("select").value(), context));
        } else if (name == "forEach") {
            const States items = select(node.attribute("select").value(), context);
            if (node.attribute("variable")) {
                expression(node.attribute("value").as_string("."), items);
            }
            instructions(node, items);
        } else if (name == "if") {
            select(node.attribute("test").value(), context);
            instructions(node, context);
        } else if (name == "table") {
            const States rows = select(node.attribute("select").value(), context);
            for (pugi::xml_node column : node.children("column")) {
                text(column.attribute("header").value(), context);
                text(column.child_value(), rows);
                text(column.attribute("link").value(), rows);
                text(column.attribute("status").value(), rows);
            }
        } else if (name == "chart") {
            for (Node* indicator : context) {
                for (const char* part : {"consolidated", "outcome", "status", "target"}) {
                    indicator->child(part);
                }
            }
        } else if (name == "redThread") {
            scale();
            const int depth = node.attribute("depth").as_int(4);
            for (Node* perspective : context) {
                Node* level = perspective->child("councilGoal");
                for (int d = 1; d <= depth; ++d) {
                    level->child("assessment");
                    if (d < depth) {
                        level = level->child("goal");
                    }
                }
            }
        } else if (name == "approval") {
            select(node.attribute("select").value(), context);
        } else if (name == "documentControl") {
            keepEverything(select(node.attribute("select").value(), context));
            needs_.document()->child("rollup")->child("ems");
        } else if (name != "toc" && name != "pageBreak" && name != "spacer") {
            throw NotFollowed{};
        }
    }

    ElementNeeds& needs_;
};

} // namespace

ElementNeeds dataNeedsOf(pugi::xml_node templateRoot) {
    ElementNeeds needs;
    try {
        Analysis(needs).run(templateRoot);
    } catch (const NotFollowed&) {
        return ElementNeeds::whole();
    }
    return needs;
}

} // namespace rodtrad
