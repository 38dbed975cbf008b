#include "error.h"
#include "options.h"
#include "workspace_generator.h"

#include <iostream>

// rodtrad-gen: writes a deterministic synthetic workspace for benchmarks and load tests.
int main(int argc, char** argv) {
    using namespace rodtrad::bench;
    constexpr int exitUsageOrIo = 2;
    try {
        const GeneratorOptions options = parseOptions(argc, argv);
        if (options.help) {
            std::cout << usageText();
            return 0;
        }
        const GenerationSummary s = WorkspaceGenerator(options).run();
        std::cout << options.output.string() << ": scale " << scaleName(options.scale) << ", seed "
                  << options.seed << ": " << s.organisationUnits << " organisation units, "
                  << s.plans << " plans, " << s.goals << " goals, " << s.indicators
                  << " indicators, " << s.activities << " activities, " << s.outcomes
                  << " outcomes, " << s.files << " files, " << s.bytes << " bytes\n";
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "rodtrad-gen: " << e.what() << "\n\n" << usageText();
        return exitUsageOrIo;
    } catch (const std::exception& e) {
        std::cerr << "rodtrad-gen: " << e.what() << '\n';
        return exitUsageOrIo;
    }
}
