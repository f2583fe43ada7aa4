#pragma once
// `ecsguard guard [options] -- CMD ARGS...`: argv[0] is "guard". Returns the application's exit
// status (128+N when it died of signal N), or 125 when the supervisor itself could not start it.

namespace ecsguard::guard {

int run_guard_command(int argc, char** argv);

}  // namespace ecsguard::guard
