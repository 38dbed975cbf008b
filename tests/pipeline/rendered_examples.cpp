#include "rendered_examples.h"

#include "rodtrad/diagnostic.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>

namespace rodtrad::test {

namespace fs = std::filesystem;

const std::vector<std::pair<std::string, std::string>>& emsRecordTemplates() {
    static const std::vector<std::pair<std::string, std::string>> templates = {
        {"ems-scope", ""},
        {"environmental-policy", ""},
        {"ems-context", ""},
        {"aspects-register", ""},
        {"compliance-obligations", ""},
        {"objectives-programme", ""},
        {"operational-controls", ""},
        {"emergency-preparedness", ""},
        {"monitoring-results", ""},
        {"audit-programme", ""},
        {"audit-report", "revisionsrapport-ir-2025-04"},
        {"nonconformity-log", ""},
        {"management-review", ""},
        {"competence-records", ""},
        {"communication-log", ""}};
    return templates;
}

std::vector<Case> cases() {
    std::vector<Case> all;
    RenderOptions strategic;
    strategic.templateName = "strategic-plan";
    strategic.period = "2025-helar";
    strategic.keepLayoutDump = true;
    all.push_back({"strategic-plan", strategic});
    RenderOptions followUp = strategic;
    followUp.templateName = "follow-up-report";
    all.push_back({"follow-up-report", followUp});
    RenderOptions operational = strategic;
    operational.templateName = "operational-plan";
    operational.unit = "tn";
    all.push_back({"operational-plan-tn", operational});
    RenderOptions english = followUp;
    english.language = "en";
    english.final = true;
    all.push_back({"follow-up-report-en-final", english});
    // Every record of the environmental management system, through its own template.
    for (const auto& [templateName, document] : emsRecordTemplates()) {
        RenderOptions ems = strategic;
        ems.templateName = templateName;
        ems.document = document;
        all.push_back({templateName, ems, true});
    }
    RenderOptions matrix = strategic;
    matrix.templateName = "coverage-matrix";
    all.push_back({"coverage-matrix", matrix, true});
    RenderOptions englishRecord = strategic;
    englishRecord.templateName = "aspects-register";
    englishRecord.language = "en";
    englishRecord.final = true;
    all.push_back({"aspects-register-en-final", englishRecord, true});
    return all;
}

const Workspace& exampleWorkspace() {
    static const auto workspace = [] {
        std::vector<Diagnostic> diagnostics;
        return Workspace::load(example, {}, diagnostics);
    }();
    return *workspace;
}

namespace {

std::string capture(const std::string& shellCommand) {
    std::array<char, 4096> buffer{};
    std::string output;
    FILE* pipe = popen(shellCommand.c_str(), "r");
    if (pipe == nullptr) {
        return "cannot run " + shellCommand;
    }
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
        output.append(buffer.data(), n);
    }
    pclose(pipe);
    return output;
}

} // namespace

std::string run(const std::string& command) {
    return capture(command + " 2>&1");
}

std::string runOutput(const std::string& command, std::string& errors) {
    const fs::path errorFile =
        fs::temp_directory_path() / ("rodtrad-errors-" + std::to_string(::getpid()));
    std::string output = capture(command + " 2>" + errorFile.string());
    std::ifstream in(errorFile, std::ios::binary);
    errors.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    fs::remove(errorFile);
    return output;
}

std::string runErrors(const std::string& command) {
    return capture(command + " 2>&1 >/dev/null");
}

const Rendered& rendered(const Case& c) {
    // Kept for the process; the files go when it ends.
    static struct Cache : std::map<std::string, Rendered> {
        ~Cache() {
            for (const auto& [name, r] : *this) {
                std::error_code ignored;
                fs::remove(r.file, ignored);
            }
        }
    } cache;
    auto it = cache.find(c.name);
    if (it == cache.end()) {
        Rendered r{renderDocument(exampleWorkspace(), c.options),
                   fs::temp_directory_path() /
                       ("rodtrad-" + c.name + "-" + std::to_string(::getpid()) + ".pdf")};
        std::ofstream(r.file, std::ios::binary) << r.result.pdf;
        it = cache.emplace(c.name, std::move(r)).first;
    }
    return it->second;
}

} // namespace rodtrad::test
