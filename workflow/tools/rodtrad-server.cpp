#include "rodtrad/workflow/server_cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return rodtrad::workflow::runServerCommandLine(argc, argv, std::cout, std::cerr);
}
