// Test and benchmark driver: `guard_harness [guard options] -- CMD ARGS...` behaves exactly like
// `ecsguard guard ...` (the CLI's guard subcommand calls the same function).
#include <vector>

#include "ecsguard/guard/cli.h"

int main(int argc, char** argv) {
  std::vector<char*> args;
  static char name[] = "guard";
  args.push_back(name);
  for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  return ecsguard::guard::run_guard_command(static_cast<int>(args.size()) - 1, args.data());
}
