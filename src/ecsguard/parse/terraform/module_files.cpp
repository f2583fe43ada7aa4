#include "ecsguard/parse/terraform/module_files.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "ecsguard/parse/sniff.h"
#include "ecsguard/parse/terraform/hcl/parser.h"

namespace ecsguard::parse::terraform {

namespace {

namespace fs = std::filesystem;

bool is_tf(std::string_view name) { return sniff::has_suffix(name, {".tf"}); }

// Terraform loads terraform.tfvars first, then *.auto.tfvars in lexical order.
bool is_auto_tfvars(std::string_view name) {
  return name == "terraform.tfvars" || sniff::has_suffix(name, {".auto.tfvars"});
}

std::unique_ptr<ModuleFile> read_sibling(const FrontendInput& in, const std::string& name,
                                         ModuleFiles& out) {
  auto loaded = in.loader->load(in.source.fs_path, in.source.display, name);
  if (!loaded.ok()) {
    core::Error e = std::move(loaded).error();
    e.message = "Terraform module file " + name + " " + e.message;
    out.errors.push_back(std::move(e));
    return nullptr;
  }
  auto f = std::make_unique<ModuleFile>();
  LoadedFile file = std::move(loaded).value();
  f->text = std::move(file.text);
  f->fs_path = std::move(file.fs_path);
  f->display = std::move(file.display);
  // Syntax errors in a sibling are reported when that file is built itself.
  f->ast = hcl::parse_hcl(f->text, file.file, hcl::Limits::from(in.limits)).file;
  return f;
}

}  // namespace

ModuleFiles module_files(const FrontendInput& in, hcl::File self) {
  ModuleFiles out;
  auto first = std::make_unique<ModuleFile>();
  first->fs_path = in.source.fs_path;
  first->display = in.source.display;
  first->ast = std::move(self);
  out.files.push_back(std::move(first));
  if (in.loader == nullptr || in.source.fs_path.empty()) return out;
  std::error_code ec;
  out.dir = fs::canonical(fs::path(in.source.fs_path).parent_path(), ec).generic_string();
  const std::string own = fs::path(in.source.fs_path).filename().string();
  std::vector<std::string> names = in.loader->list_folder(in.source.fs_path);
  std::vector<std::string> tfvars;
  std::size_t read = 0;
  for (const std::string& name : names) {
    if (name == own) continue;
    if (is_tf(name) && read >= kMaxModuleFiles) {
      out.errors.push_back(core::make_error(
          core::Errc::kSkipped,
          "the folder has more than " + std::to_string(kMaxModuleFiles) +
              " Terraform files; only the first are read as this file's module context",
          core::Loc{in.source.file, 1, 1}));
      break;
    }
    if (is_tf(name)) {
      ++read;
      if (auto f = read_sibling(in, name, out)) out.files.push_back(std::move(f));
    } else if (is_auto_tfvars(name)) {
      tfvars.push_back(name);
    }
  }
  std::stable_partition(tfvars.begin(), tfvars.end(),
                        [](const std::string& n) { return n == "terraform.tfvars"; });
  for (const std::string& name : tfvars) {
    if (read++ >= kMaxModuleFiles) break;
    if (auto f = read_sibling(in, name, out)) out.tfvars.push_back(std::move(f));
  }
  return out;
}

ModuleFiles child_module_files(const FrontendInput& in, const std::string& source) {
  ModuleFiles out;
  if (in.loader == nullptr || in.source.fs_path.empty()) return out;
  const fs::path relative = fs::path(source).lexically_normal();
  out.dir = in.loader->resolve(in.source.fs_path, relative.generic_string());
  if (out.dir.empty()) return out;
  // list_folder() lists the folder of the path it is given: a name inside the module's folder.
  const std::vector<std::string> names = in.loader->list_folder(out.dir + "/.");
  std::size_t read = 0;
  for (const std::string& name : names) {
    if (!is_tf(name) || read++ >= kMaxModuleFiles) continue;
    if (auto f = read_sibling(in, (relative / name).generic_string(), out)) {
      out.files.push_back(std::move(f));
    }
  }
  return out;
}

model::ScopeId module_scope(const std::string& dir, core::FileId fallback) noexcept {
  if (dir.empty()) return fallback;
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (const char c : dir) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h | 0x80000000u;
}

}  // namespace ecsguard::parse::terraform
