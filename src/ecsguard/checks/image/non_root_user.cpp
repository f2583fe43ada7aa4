// IMG-001 Final image runs as a non-root user (numeric UID preferred) (hadolint DL3002, Checkov
// CKV_DOCKER_3/8, Trivy AVD-DS-0002). Dockerfile: the effective USER of the final stage (through
// its parent stages), else the base image's user from a table of well-known bases. Image
// archive: config.User.
#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

// "root", "0", "root:<group>", "0:<group>".
bool is_root(std::string_view user) {
  const std::string_view u = core::trim(user.substr(0, user.find(':')));
  return u == "root" || (!u.empty() && u.find_first_not_of('0') == std::string_view::npos);
}

bool numeric(std::string_view user) {
  const std::string_view u = core::trim(user.substr(0, user.find(':')));
  return !u.empty() && u.find_first_not_of("0123456789") == std::string_view::npos;
}

enum class BaseUser : unsigned char { kRoot, kNonRoot, kUnknown };

// Docker Official Images (and their public.ecr.aws/docker/library mirrors) run as root;
// distroless :nonroot and chiseled images do not.
BaseUser base_user(std::string_view base) {
  const ImageRef ref = model::parse_image_ref(base);
  if (ref.placeholder) return BaseUser::kUnknown;
  if ((ref.has_tag && (ref.tag.find("nonroot") != std::string::npos ||
                       ref.tag.find("chiseled") != std::string::npos)) ||
      core::icontains(ref.repository, "nonroot")) {
    return BaseUser::kNonRoot;
  }
  const bool official =
      (ref.registry == "docker.io" &&
       (ref.repository.find('/') == std::string::npos || ref.repository.starts_with("library/"))) ||
      (ref.registry == "public.ecr.aws" && ref.repository.starts_with("docker/library/"));
  if (!official) return BaseUser::kUnknown;
  std::string_view name = ref.repository;
  name.remove_prefix(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
  constexpr std::string_view kRootImages[] = {
      "node",           "python",         "ruby",       "golang",      "eclipse-temurin",
      "openjdk",        "amazoncorretto", "alpine",     "debian",      "ubuntu",
      "nginx",          "httpd",          "php",        "amazonlinux", "centos",
      "fedora",         "busybox",        "rockylinux", "almalinux",   "oraclelinux",
      "buildpack-deps", "maven",          "gradle",     "rust",        "perl",
      "tomcat",         "haproxy",        "redis",      "postgres",    "mysql",
      "mariadb",        "mongo",          "elixir",     "erlang",      "dotnet"};
  for (const auto r : kRootImages) {
    if (name == r) return BaseUser::kRoot;
  }
  return BaseUser::kUnknown;
}

void dockerfile(const model::Dockerfile& df, engine::CheckContext& ctx) {
  const model::DockerStage* fin = df.final_stage();
  if (fin == nullptr) return;
  const std::size_t last = df.stages.size() - 1;
  const std::string prop =
      "Stages[" + (fin->name.empty() ? "#" + std::to_string(last + 1) : fin->name) + "].USER";
  const auto& u = fin->user;
  if (u.unknown()) {
    ctx.unknown(u.loc, prop, u.reason);
    return;
  }
  if (u.known()) {
    if (is_root(u.value)) {
      ctx.fail(u.loc, prop, msg::img001::RootUser{.user = u.value});
    } else if (!numeric(u.value)) {
      ctx.warn(u.loc, prop, msg::img001::NamedUser{.user = u.value});
    }
    return;
  }
  // No USER: the base image's user applies.
  std::size_t root = last;
  while (df.stages[root].parent && *df.stages[root].parent < root) root = *df.stages[root].parent;
  const auto& st = df.stages[root];
  if (st.instructions.front().op != "FROM") return;  // a snippet without FROM: no base to judge
  const core::Loc at = fin->instructions.front().loc;
  if (st.scratch) {
    ctx.fail(at, prop, msg::img001::NoUserScratch{});
    return;
  }
  const std::string base = st.base.known() ? st.base.value : printable(st.base.value);
  switch (st.base.known() ? base_user(base) : BaseUser::kUnknown) {
    case BaseUser::kRoot:
      ctx.fail(at, prop, msg::img001::NoUserRootBase{.base = base});
      break;
    case BaseUser::kNonRoot:
      break;
    case BaseUser::kUnknown:
      ctx.warn(at, prop, msg::img001::NoUserUnknownBase{.base = base});
      break;
  }
}

void archive(const model::ContainerImage& img, engine::CheckContext& ctx) {
  if (img.user.empty() || is_root(img.user)) {
    ctx.fail(img.id.loc, "Config.User",
             msg::img001::ImageRoot{.user = img.user.empty() ? "root" : img.user});
  } else if (!numeric(img.user)) {
    ctx.warn(img.id.loc, "Config.User", msg::img001::NamedUser{.user = img.user});
  }
}

constexpr std::string_view kInputs[] = {"dockerfile", "image-archive"};

}  // namespace

extern const engine::CheckDef non_root_user;
const engine::CheckDef non_root_user{
    .id = "IMG-001",
    .rationale = i18n::Id::kImg001Rationale,
    .remediation = {.dockerfile = "RUN groupadd --system --gid 10001 app \\\n"
                                  " && useradd --system --uid 10001 --gid app app\n"
                                  "USER 10001:10001"},
    .inputs = kInputs,
    .run = engine::whole_stack<&dockerfile_and_image<&dockerfile, &archive>>,
};

}  // namespace ecsguard::checks::image
