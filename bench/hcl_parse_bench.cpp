// Parse-speed benchmark driver for the HCL parser (bench/hcl_bench.sh): reads the list of .tf
// files on standard input, then reads and parses every file `rounds` times in this one process
// and prints one JSON line: files, bytes, rounds, seconds per round (best and median), files
// that failed to parse. Reading is inside the timed loop, as it is for the Node.js side.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ecsguard/parse/terraform/hcl/parser.h"

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::vector<std::string> paths;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty()) paths.push_back(line);
  }
  std::vector<double> times;
  std::size_t bytes = 0;
  std::size_t failed = 0;
  std::size_t nodes_seen = 0;
  for (int r = 0; r < rounds; ++r) {
    bytes = 0;
    failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream buf;
      buf << in.rdbuf();
      const std::string text = buf.str();
      bytes += text.size();
      const auto parsed = ecsguard::parse::terraform::hcl::parse_hcl(text, 1);
      if (!parsed.ok()) ++failed;
      nodes_seen += parsed.file.body.attributes.size() + parsed.file.body.blocks.size();
    }
    times.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::vector<double> sorted = times;
  std::sort(sorted.begin(), sorted.end());
  std::printf(
      "{\"files\":%zu,\"bytes\":%zu,\"rounds\":%d,\"best_s\":%.6f,\"median_s\":%.6f,"
      "\"failed\":%zu,\"items\":%zu}\n",
      paths.size(), bytes, rounds, sorted.front(), sorted[sorted.size() / 2], failed,
      nodes_seen / static_cast<std::size_t>(rounds));
  return 0;
}
