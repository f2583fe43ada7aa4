// IMG-011 Minimal final image: no build tooling installed or code compiled in the final stage of
// a single-stage build; a slim/distroless base preferred (hadolint DL3067/DL3001, dockle
// CIS-DI-0003).
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

bool build_tool(std::string_view pkg) {
  pkg = pkg.substr(0, pkg.find('='));
  constexpr std::string_view kTools[] = {"gcc",      "g++",     "make",  "build-essential",
                                         "git",      "clang",   "cmake", "build-base",
                                         "musl-dev", "libc-dev"};
  for (const auto t : kTools) {
    if (pkg == t) return true;
  }
  return pkg.ends_with("-dev") || pkg.ends_with("-devel");
}

bool compiles(const Command& c) {
  const std::string_view p = program(c.words);
  const Words a = arguments(c.words);
  const std::string_view sub = subcommand(a);
  return (p == "go" && sub == "build") ||
         (p == "mvn" && (has_word(a, "package") || has_word(a, "install"))) ||
         ((p == "npm" || p == "yarn" || p == "pnpm") && sub == "run" && has_word(a, "build")) ||
         (p == "cargo" && sub == "build") || (p == "gradle" && has_word(a, "build")) ||
         (p == "./gradlew" && has_word(a, "build")) ||
         (p == "dotnet" && (sub == "publish" || sub == "build"));
}

bool full_os(const std::string& base) {
  const ImageRef ref = model::parse_image_ref(base);
  std::string_view name = ref.repository;
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  const bool slim = ref.tag.find("slim") != std::string::npos ||
                    ref.tag.find("alpine") != std::string::npos ||
                    ref.tag.find("distroless") != std::string::npos ||
                    ref.tag.find("minimal") != std::string::npos;
  return !slim &&
         (name == "ubuntu" || name == "debian" || name == "centos" || name == "amazonlinux" ||
          name == "fedora" || name == "rockylinux" || name == "almalinux");
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  if (df.stages.empty()) return;
  const std::size_t last = df.stages.size() - 1;
  const bool single = df.stages.size() == 1;
  const auto& st = df.stages[last];
  for (std::size_t i = 0; i < st.instructions.size(); ++i) {
    const auto& ins = st.instructions[i];
    if (ins.op != "RUN") continue;
    for (const auto& c : commands(run_text(ins))) {
      const Words a = arguments(c.words);
      const std::string_view sub = subcommand(a);
      if (sub == "install" || sub == "add") {
        for (const auto& w : a) {
          if (!w.starts_with("-") && w != sub && build_tool(w)) {
            ctx.fail(ins.loc, instruction_path(df, last, i), msg::img011::BuildTool{.package = w});
          }
        }
      }
      if (single && compiles(c)) {
        ctx.fail(ins.loc, instruction_path(df, last, i), msg::img011::Compiles{});
      }
    }
  }
  std::size_t root = last;
  while (df.stages[root].parent && *df.stages[root].parent < root) root = *df.stages[root].parent;
  const auto& base = df.stages[root].base;
  if (base.known() && full_os(base.value)) {
    ctx.warn(st.instructions.front().loc, instruction_path(df, last, 0),
             msg::img011::FullOs{.image = base.value}, core::Severity::kLow);
  }
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef minimal_image;
const engine::CheckDef minimal_image{
    .id = "IMG-011",
    .rationale = i18n::Id::kImg011Rationale,
    .remediation = {.dockerfile = "FROM golang:1.22 AS build\n"
                                  "RUN go build -o /out/app ./cmd/app\n"
                                  "FROM gcr.io/distroless/static-debian12:nonroot\n"
                                  "COPY --from=build /out/app /app\n"
                                  "ENTRYPOINT [\"/app\"]"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
