#pragma once
// Discovery of check fixtures: tests/checks/<layer>/<ID>/(fail|pass)*.(yaml|yml|json|template|tf|
// Dockerfile).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace ecsguard::testing {

struct Fixture {
  std::string layer;
  std::string check_id;
  std::filesystem::path path;
  bool expect_fail = false;  // fail* (with a .expected sibling) vs pass*
};

inline bool is_fixture_input(const std::filesystem::path& p) {
  const auto ext = p.extension().string();
  const auto name = p.filename().string();
  // .tf: a Terraform fixture; the other .tf fixtures of its folder are its module's context
  // (variables, locals) but contribute no resources to it, as in the corpus's layout.
  return (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template" || ext == ".tf" ||
          ext == ".Dockerfile") &&
         (name.rfind("fail", 0) == 0 || name.rfind("pass", 0) == 0);
}

inline std::vector<Fixture> all_fixtures(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<Fixture> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& layer : fs::directory_iterator(root)) {
    if (!layer.is_directory()) continue;
    for (const auto& check : fs::directory_iterator(layer.path())) {
      if (!check.is_directory()) continue;
      for (const auto& f : fs::directory_iterator(check.path())) {
        if (!f.is_regular_file() || !is_fixture_input(f.path())) continue;
        Fixture fx;
        fx.layer = layer.path().filename().string();
        fx.check_id = check.path().filename().string();
        fx.path = f.path();
        fx.expect_fail = f.path().filename().string().rfind("fail", 0) == 0;
        out.push_back(std::move(fx));
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Fixture& a, const Fixture& b) { return a.path < b.path; });
  return out;
}

}  // namespace ecsguard::testing
