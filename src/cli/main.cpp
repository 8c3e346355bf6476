#include "app.hpp"

int main(int argc, char** argv) { return kneeplan::cli::run(argc, argv); }
