// IMG-007 TLS and package-signature verification are not disabled during build (Checkov
// CKV2_DOCKER_2 ... CKV2_DOCKER_16): RUN command lines and ENV values that turn them off.
#include <re2/re2.h>

#include <string>

#include "ecsguard/checks/image/util.h"
#include "ecsguard/engine/check.h"

namespace ecsguard::checks::image {

namespace {

// What turns verification off, per program: the option (exact word, or prefix when it ends
// with '=').
struct Switch {
  std::string_view program;  // "" = any program
  std::string_view option;
};

constexpr Switch kSwitches[] = {
    {"curl", "-k"},
    {"curl", "--insecure"},
    {"wget", "--no-check-certificate"},
    {"pip", "--trusted-host"},
    {"pip", "--trusted-host="},
    {"pip3", "--trusted-host"},
    {"pip3", "--trusted-host="},
    {"apt-get", "--allow-unauthenticated"},
    {"apt-get", "--force-yes"},
    {"apt", "--allow-unauthenticated"},
    {"apk", "--allow-untrusted"},
    {"rpm", "--nosignature"},
    {"rpm", "--nodigest"},
    {"rpm", "--noverify"},
    {"rpm", "--nofiledigest"},
    {"yum", "--nogpgcheck"},
    {"dnf", "--nogpgcheck"},
    {"tdnf", "--nogpgcheck"},
    {"microdnf", "--nogpgcheck"},
    {"git", "http.sslVerify=false"},
    {"git", "http.sslverify=false"},
};

bool option_matches(std::string_view word, std::string_view opt) {
  if (opt.ends_with("=")) return word.starts_with(opt);
  return word == opt;
}

// curl -k grouped with other short options ("-sSLk").
bool curl_short_k(std::string_view p, std::string_view w) {
  return p == "curl" && w.size() > 1 && w[0] == '-' && w[1] != '-' &&
         w.find('k') != std::string_view::npos;
}

// npm/yarn strict-ssl false, sslverify in yum/dnf configuration, git's env switch.
const RE2& text_pattern() {
  static const RE2 kText(R"((?i)(strict-ssl\s*(?:=|\s)\s*false|strict_ssl\s*(?:=|\s)\s*false|)"
                         R"(sslverify\s*=\s*(?:false|0|no)\b|GIT_SSL_NO_VERIFY\s*=\s*\S))");
  return kText;
}

struct EnvSwitch {
  std::string_view name;
  bool (*bad)(std::string_view);
};

bool falsy(std::string_view v) { return v == "0" || core::iequals(v, "false"); }
bool any_value(std::string_view v) { return !v.empty(); }

constexpr EnvSwitch kEnv[] = {
    {"NODE_TLS_REJECT_UNAUTHORIZED", &falsy},
    {"PYTHONHTTPSVERIFY", &falsy},
    {"NPM_CONFIG_STRICT_SSL", &falsy},
    {"GIT_SSL_NO_VERIFY", &any_value},
    {"PIP_TRUSTED_HOST", &any_value},
    {"CURL_CA_BUNDLE", [](std::string_view v) { return v.empty(); }},
};

void check_run(const model::Dockerfile& df, std::size_t s, std::size_t i,
               const model::DockerInstruction& ins, engine::CheckContext& ctx) {
  const std::string text = run_text(ins);
  for (const auto& c : commands(text)) {
    // `NAME=value cmd`: the same switches as ENV, for one command.
    for (std::size_t k = 0; k < program_index(c.words); ++k) {
      const std::string& w = c.words[k];
      const auto eq = w.find('=');
      if (eq == std::string::npos) continue;
      const std::string_view name = std::string_view(w).substr(0, eq);
      const std::string value = w.substr(eq + 1);
      for (const auto& e : kEnv) {
        if (core::iequals(name, e.name) && e.bad(value)) {
          ctx.fail(ins.loc, instruction_path(df, s, i),
                   msg::img007::EnvSetting{.name = std::string(name), .value = value});
          return;
        }
      }
    }
    const std::string_view p = program(c.words);
    const bool pip = is_pip(c);
    for (const auto& w : arguments(c.words)) {
      bool hit = curl_short_k(p, w);
      for (const auto& sw : kSwitches) {
        const bool prog = sw.program == p || (pip && sw.program == "pip");
        hit = hit || (prog && option_matches(w, sw.option));
      }
      if (hit) {
        ctx.fail(ins.loc, instruction_path(df, s, i),
                 msg::img007::RunOption{.program = std::string(pip ? "pip" : p), .option = w});
        return;
      }
    }
  }
  if (RE2::PartialMatch(text, text_pattern())) {
    ctx.fail(ins.loc, instruction_path(df, s, i), msg::img007::RunSetting{});
  }
}

void check_env(const model::Dockerfile& df, std::size_t s, std::size_t i,
               const model::DockerInstruction& ins, engine::CheckContext& ctx) {
  for (const auto& p : ins.pairs) {
    for (const auto& e : kEnv) {
      if (core::iequals(p.key, e.name) && e.bad(unquote(p.value))) {
        ctx.fail(ins.loc, instruction_path(df, s, i),
                 msg::img007::EnvSetting{.name = p.key, .value = unquote(p.value)});
      }
    }
  }
}

void run(const model::Dockerfile& df, engine::CheckContext& ctx) {
  each_instruction(df, "RUN", [&](std::size_t s, std::size_t i, const auto& ins) {
    check_run(df, s, i, ins, ctx);
  });
  each_instruction(df, "ENV", [&](std::size_t s, std::size_t i, const auto& ins) {
    check_env(df, s, i, ins, ctx);
  });
  each_instruction(df, "ARG", [&](std::size_t s, std::size_t i, const auto& ins) {
    check_env(df, s, i, ins, ctx);
  });
}

constexpr std::string_view kInputs[] = {"dockerfile"};

}  // namespace

extern const engine::CheckDef verification_disabled;
const engine::CheckDef verification_disabled{
    .id = "IMG-007",
    .rationale = i18n::Id::kImg007Rationale,
    .remediation = {.dockerfile =
                        "# Keep verification on; add the CA your proxy uses instead of -k:\n"
                        "COPY corp-ca.crt /usr/local/share/ca-certificates/\n"
                        "RUN update-ca-certificates \\\n"
                        " && curl -fsSL https://example.com/tool.tar.gz -o /tmp/tool.tar.gz"},
    .inputs = kInputs,
    .run = engine::per<model::Dockerfile, &run>,
};

}  // namespace ecsguard::checks::image
