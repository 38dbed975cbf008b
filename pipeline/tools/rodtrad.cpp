#include "rodtrad/cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return rodtrad::runCommandLine(argc, argv, std::cout, std::cerr);
}
