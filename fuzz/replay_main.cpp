// Replay driver for fuzz targets built without libFuzzer: runs LLVMFuzzerTestOneInput over every
// regular file named on the command line or found (recursively, in sorted order) under a named
// directory. A crash, sanitizer report or assertion in the target fails the run; so does finding
// no input at all (an empty seed corpus would otherwise pass while testing nothing).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

// NOLINTBEGIN(readability-identifier-naming): the libFuzzer entry points
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
// NOLINTEND(readability-identifier-naming)

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) inputs.push_back(it->path());
      }
    } else if (fs::is_regular_file(arg, ec)) {
      inputs.push_back(arg);
    } else {
      static_cast<void>(std::fprintf(stderr, "replay: %s: not a file or directory\n", argv[i]));
      return 2;
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    static_cast<void>(std::fprintf(stderr, "replay: no inputs\n"));
    return 2;
  }
  for (const fs::path& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      static_cast<void>(std::fprintf(stderr, "replay: cannot read %s\n", p.c_str()));
      return 2;
    }
    // A copy in a buffer of exactly the input size, so ASan sees any read past its end.
    std::vector<std::uint8_t> buf(data.begin(), data.end());
    LLVMFuzzerTestOneInput(buf.data(), buf.size());
  }
  std::printf("replayed %zu inputs\n", inputs.size());
  return 0;
}
