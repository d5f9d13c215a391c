#include "emulator/program.h"

int main(int argc, char** argv) { return offsetctl::emulator::run_program(argc, argv); }
