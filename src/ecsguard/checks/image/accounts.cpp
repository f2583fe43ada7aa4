// IMG-019 No accounts with empty passwords, no duplicate UIDs/GIDs, passwords not set in the
// build (Checkov CKV2_DOCKER_17, dockle DKL-LI-0001/0002).
#include <map>
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "RUN", [&](std::size_t s, std::size_t i, const auto& ins) {
    for (const auto& c : commands(run_text(ins))) {
      const std::string_view p = program(c.words);
      const Words a = arguments(c.words);
      const bool sets =
          p == "chpasswd" ||
          (p == "passwd" && !has_word(a, "-l") && !has_word(a, "-d") && !has_word(a, "--lock") &&
           !has_word(a, "--delete")) ||
          ((p == "useradd" || p == "usermod") && (has_word(a, "-p") || has_word(a, "--password")));
      if (sets) {
        ctx.fail(ins.loc, instruction_path(df, s, i),
                 msg::img019::SetsPassword{.tool = std::string(p)});
        return;
      }
    }
  });
}

// Field `field` (0-based) of each ':'-separated line: name -> value.
std::vector<std::pair<std::string, std::string>> column(std::string_view text, std::size_t field) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto line : core::split(text, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const auto cols = core::split(line, ':');
    if (cols.size() > field) out.emplace_back(std::string(cols[0]), std::string(cols[field]));
  }
  return out;
}

void duplicates(const model::ContainerImage& img, std::string_view path, std::string_view what,
                engine::CheckContext& ctx) {
  const std::string* text = img.content(path);
  if (text == nullptr) return;
  std::map<std::string, std::string> seen;
  for (const auto& [name, id] : column(*text, 2)) {
    const auto [it, fresh] = seen.emplace(id, name);
    if (!fresh) {
      ctx.fail(img.id.loc, "Files[/" + std::string(path) + "]",
               msg::img019::DuplicateId{
                   .what = std::string(what), .id = id, .first = it->second, .second = name});
    }
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  if (const std::string* shadow = img.content("etc/shadow")) {
    for (const auto& [name, hash] : column(*shadow, 1)) {
      if (hash.empty()) {
        ctx.fail(img.id.loc, "Files[/etc/shadow]", msg::img019::EmptyPassword{.account = name});
      }
    }
  }
  duplicates(img, "etc/passwd", "UID", ctx);
  duplicates(img, "etc/group", "GID", ctx);
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef accounts;
const engine::CheckDef accounts{
    .id = "IMG-019",
    .rationale = i18n::Id::kImg019Rationale,
    .remediation = {.dockerfile = "# A system account without a password (login disabled):\n"
                                  "RUN useradd --system --uid 10001 --no-create-home app"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
