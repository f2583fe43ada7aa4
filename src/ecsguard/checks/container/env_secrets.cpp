// CTR-007 No secrets in plaintext container environment variables (Security Hub ECS.8).
//
// A finding never quotes the value: the report would otherwise spread the secret.
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ecsguard/checks/common.h"
#include "ecsguard/checks/container/util.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"
#include "ecsguard/model/unknown_reason.h"
#include "ecsguard/secrets/secrets.h"

namespace ecsguard::checks::container {

namespace {

// Security Hub ECS.8 fails on these names whatever the value, plus the STS session token; each
// with what it holds and the fix.
struct CredentialName {
  std::string_view name;
  i18n::Message (*text)(i18n::Value subject);
};
constexpr CredentialName kCredentialNames[] = {
    {"AWS_ACCESS_KEY_ID",
     [](i18n::Value s) -> i18n::Message {
       return msg::ctr007::AwsAccessKey{.subject = std::move(s)};
     }},
    {"AWS_SECRET_ACCESS_KEY",
     [](i18n::Value s) -> i18n::Message {
       return msg::ctr007::AwsSecretKey{.subject = std::move(s)};
     }},
    {"AWS_SESSION_TOKEN",
     [](i18n::Value s) -> i18n::Message {
       return msg::ctr007::AwsSessionToken{.subject = std::move(s)};
     }},
    {"ECS_ENGINE_AUTH_DATA",
     [](i18n::Value s) -> i18n::Message {
       return msg::ctr007::RegistryAuth{.subject = std::move(s)};
     }},
};

// Name tokens (lower case, '-' read as '_') that make a variable a secret when it holds a literal.
constexpr std::string_view kNameTokens[] = {"password",    "passwd",     "secret",
                                            "token",       "api_key",    "apikey",
                                            "private_key", "privatekey", "credential"};

// The secret formats, URL passwords and the entropy test come from the shared detector
// (secrets/secrets.h), the same one IMG-004 uses for Dockerfiles and images.

// A provider format or a URL with a password that the detector finds in `text` (not its
// name-based assignments nor lone random words: CTR-007 judges those on the variable itself).
std::optional<secrets::Match> secret_format(std::string_view text) {
  for (const auto& m : secrets::default_detector().scan_text(text).matches) {
    if (m.kind != secrets::Kind::kSecretAssignment && m.kind != secrets::Kind::kHighEntropy) {
      return m;
    }
  }
  return std::nullopt;
}

bool url_with_password(std::string_view v) {
  const auto m = secret_format(v);
  return m && m->kind == secrets::Kind::kUrlPassword;
}

// Values that cannot be secrets: never a finding on the variable's name alone.
bool cannot_be_secret(std::string_view raw) {
  const std::string_view v = core::trim(raw);
  if (v.empty()) return true;
  static const RE2 kNumber(R"([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)");
  static const RE2 kBool(R"((?i)true|false|yes|no|on|off)");
  static const RE2 kUrl(R"([A-Za-z][A-Za-z0-9+.-]*://\S*)");
  static const RE2 kEnvRef(R"(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)");
  // Durations and sizes: 3600s, 1h, 1h30m, 500ms, 7 days, PT1H (ISO 8601), 512MiB, 10m.
  static const RE2 kDuration(
      R"((?i)(?:\d+(?:\.\d+)?\s*(?:ns|us|µs|ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|)"
      R"(d|days?|w|weeks?|mo|months?|y|years?))+|)"
      R"(P(?:\d+[YMWD])+(?:T(?:\d+(?:\.\d+)?[HMS])+)?|PT(?:\d+(?:\.\d+)?[HMS])+)");
  static const RE2 kSize(R"((?i)\d+(?:\.\d+)?\s*(?:[kmgtp]i?b?|b|bytes?))");
  // host[:port][/path] without userinfo: a lower-case DNS name with a port or a path, or with at
  // least three labels, localhost, or an IPv4 address ("auth.example.com/token",
  // "db.internal:5432", "10.0.0.1:6379"). Never "Pa55.word": upper case, and two labels alone.
  static const RE2 kHostWithPortOrPath(
      R"((?:localhost|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]|)"
      R"(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:/\S*)?)");
  static const RE2 kHostOnly(
      R"(localhost|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.){2,}[a-z][a-z0-9-]*[a-z0-9]|)"
      R"(\d{1,3}(?:\.\d{1,3}){3})");
  // A Secrets Manager secret / SSM parameter name with slashes ("prod/db/password"): where the
  // secret is, not the secret. No '+' or '=' (base64), no whitespace.
  static const RE2 kSlashName(R"([A-Za-z0-9_.@-]+(?:/[A-Za-z0-9_.@-]+)+/?)");
  if (RE2::FullMatch(v, kNumber) || RE2::FullMatch(v, kBool)) return true;
  if (core::starts_with_i(v, "arn:")) return true;  // a reference: belongs in `secrets`
  const bool no_space = v.find_first_of(" \t\r\n") == std::string_view::npos;
  // An SSM parameter name or a file path (also relative): where the secret is, not the secret.
  if (no_space &&
      (v.front() == '/' || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/"))) {
    return true;
  }
  if (RE2::FullMatch(v, kEnvRef)) return true;
  if (RE2::FullMatch(v, kUrl) && !url_with_password(v)) return true;
  if (RE2::FullMatch(v, kDuration) || RE2::FullMatch(v, kSize)) return true;
  if (v.find('@') == std::string_view::npos && ((RE2::FullMatch(v, kHostWithPortOrPath) &&
                                                 v.find_first_of(":/") != std::string_view::npos) ||
                                                RE2::FullMatch(v, kHostOnly))) {
    return true;
  }
  if (RE2::FullMatch(v, kSlashName)) return true;
  return false;
}

// Names of settings that take a keyword ("PASSWORD_POLICY=strong", "TOKEN_MODE=strict",
// "SECRET_BACKEND=vault"): a short word there is a choice, not a secret.
bool setting_name(std::string_view name) {
  static const RE2 kSetting(
      R"((?i).*[_-](?:POLICY|PROVIDER|MODE|TYPE|LEVEL|STRATEGY|ALGORITHM|ALGO|BACKEND|METHOD|)"
      R"(FORMAT|SOURCE|STORE|KIND|SCHEME|ENGINE))");
  return RE2::FullMatch(core::trim(name), kSetting);
}

// One to three short words of letters joined by '-' or '_' ("strong", "default", "read-only").
bool short_words(std::string_view v) {
  static const RE2 kWords(R"((?i)[a-z]{2,16}(?:[-_][a-z]{2,16}){0,2})");
  return RE2::FullMatch(core::trim(v), kWords);
}

// Not a secret given the variable's (known) name.
bool not_a_secret(std::string_view value, std::string_view name) {
  return cannot_be_secret(value) || (setting_name(name) && short_words(value));
}

bool name_is_secret(std::string_view name) {
  std::string n = core::to_lower(core::trim(name));
  for (char& ch : n) {
    if (ch == '-') ch = '_';
  }
  for (const auto t : kNameTokens) {
    if (n.find(t) != std::string::npos) return true;
  }
  return false;
}

bool dynamic_secret_reference(std::string_view text) {
  return core::icontains(text, "{{resolve:secretsmanager:") ||
         core::icontains(text, "{{resolve:ssm-secure:");
}

// The parameter behind an unknown value when it is a secret by declaration: "value from NoEcho
// parameter <name>" (parse/cfn resolver) or "parameter <name> is read from SSM Parameter Store"
// with a name that says secret.
std::optional<std::string> secret_parameter(std::string_view reason) {
  static const RE2 kNoEcho(R"(value from NoEcho parameter (\S+))");
  static const RE2 kSsm(R"(^parameter (\S+) is read from SSM Parameter Store)");
  std::string name;
  if (RE2::PartialMatch(reason, kNoEcho, &name)) return name;
  if (RE2::PartialMatch(reason, kSsm, &name) && secrets::secret_name(name)) return name;
  return std::nullopt;
}

// Known segments of a partially known string.
std::vector<std::string> known_segments(const model::Str& s) {
  return model::partial::known_segments(s.value);
}

// What a variable's name says: does it name a secret, is it allowlisted? A partially known name
// ("${Prefix}_PASSWORD") is judged on its known segments; an unknown segment may complete it into
// an allowlisted name (kUnknown). A wholly unknown name (!Ref VarName) settles nothing.
struct NameVerdict {
  Tri secret_like = Tri::kNo;
  Tri allowlisted = Tri::kNo;
};

NameVerdict judge_name(const model::Str& name, const std::vector<std::string>& allowlist) {
  if (name.absent()) return {};
  if (name.known()) {
    return {name_is_secret(name.value) ? Tri::kYes : Tri::kNo,
            matches_any(allowlist, name.value) ? Tri::kYes : Tri::kNo};
  }
  if (!has_known_text(name.value)) return {Tri::kUnknown, Tri::kUnknown};
  NameVerdict v;
  for (const auto& seg : known_segments(name)) {
    if (name_is_secret(seg)) v.secret_like = Tri::kYes;
  }
  // '*' of a glob spans the unknown segments; a literal never matches them: a match holds for
  // whatever the segments turn out to be.
  if (matches_any(allowlist, name.value)) {
    v.allowlisted = Tri::kYes;
  } else if (std::any_of(allowlist.begin(), allowlist.end(),
                         [&](const std::string& p) { return glob_may_match(p, name.value); })) {
    v.allowlisted = Tri::kUnknown;
  }
  return v;
}

void check_variable(const model::TaskDefinition& td, const model::Container& c,
                    const model::KeyValue& kv, std::size_t index, engine::CheckContext& ctx) {
  const std::string cname = container_label(td, c);
  // A partially known name shows its known text ("${?}_PASSWORD"); an unknown one its position.
  const std::string var = kv.name.known() ? kv.name.value
                          : kv.name.unknown() && has_known_text(kv.name.value)
                              ? printable(kv.name.value)
                              : "#" + std::to_string(index + 1);
  const std::string prop = container_path(td, c) + ".Environment[" + var + "]";
  const auto& val = kv.value;
  const core::Loc at = val.loc.valid() ? val.loc : (kv.loc.valid() ? kv.loc : kv.name.loc);
  const auto subject = [&] { return msg::ctr007::Subject{.variable = var, .container = cname}; };

  // 1. A dynamic reference is resolved by CloudFormation into the task definition in plaintext.
  if (!val.absent() && dynamic_secret_reference(val.value)) {
    ctx.fail(at, prop, msg::ctr007::DynamicReference{.subject = subject()});
    return;
  }
  // 1b. A parameter CloudFormation resolves into the task definition in plaintext: a NoEcho one,
  // or one read from SSM Parameter Store whose name says it holds a secret.
  if (val.unknown()) {
    if (const auto param = secret_parameter(val.reason)) {
      ctx.fail(at, prop, msg::ctr007::SecretParameter{.subject = subject(), .parameter = *param});
      return;
    }
  }
  // 2. The exact Security Hub ECS.8 names (and the STS session token), whatever the value.
  if (kv.name.known()) {
    for (const auto& n : kCredentialNames) {
      if (core::iequals(core::trim(kv.name.value), n.name)) {
        ctx.fail(at, prop, n.text(subject()));
        return;
      }
    }
  }
  // 3. A value in a known secret format (also in the known parts of a partial value).
  std::vector<std::string> segments;
  if (val.known()) segments.push_back(val.value);
  if (val.unknown()) segments = known_segments(val);
  for (const auto& seg : segments) {
    if (const auto found = secret_format(seg)) {
      const auto lang =
          ctx.options().lang == i18n::Lang::kJa ? secrets::Lang::kJa : secrets::Lang::kEn;
      ctx.fail(
          at, prop,
          msg::ctr007::SecretFormat{.subject = subject(),
                                    .what = std::string(secrets::describe(found->kind, lang))});
      return;
    }
  }
  // 4. A random-looking literal.
  if (val.known() && secrets::looks_random(core::trim(val.value))) {
    ctx.fail(at, prop, msg::ctr007::HighEntropy{.subject = subject()});
    return;
  }
  // 5. Named like a secret and holding a literal.
  const NameVerdict nv = judge_name(kv.name, ctx.options().secret_name_allowlist);
  if (nv.secret_like == Tri::kNo || nv.allowlisted == Tri::kYes || val.absent()) return;
  const bool partial_name = kv.name.unknown() && nv.secret_like == Tri::kYes;
  const auto named = [&]() -> i18n::Value {
    if (partial_name) return msg::ctr007::NamedPartly{};
    return msg::ctr007::Named{};
  };
  // When an unknown part of the name may complete it into an allowlisted one.
  const auto caveat = [&]() -> i18n::Value {
    if (nv.allowlisted == Tri::kUnknown) return msg::ctr007::Caveat{};
    return "";
  };
  if (val.known()) {
    // A setting-like name ("*_MODE") is read on its known text (a partial name whose end is known).
    const std::string_view name_text =
        nv.secret_like == Tri::kUnknown ? std::string_view() : std::string_view(kv.name.value);
    if (not_a_secret(val.value, name_text)) return;
    if (nv.secret_like == Tri::kUnknown) {
      ctx.unknown(at, prop,
                  msg::ctr007::NameUnknownLiteral{.subject = subject(), .reason = kv.name.reason});
    } else if (nv.allowlisted == Tri::kUnknown) {
      ctx.unknown(at, prop,
                  msg::ctr007::NamedMaybeSecret{
                      .subject = subject(), .named = named(), .caveat = caveat()});
    } else {
      ctx.fail(at, prop, msg::ctr007::NamedLiteral{.subject = subject(), .named = named()});
    }
    return;
  }
  if (nv.secret_like == Tri::kUnknown) return;  // neither the name nor the value is known
  if (model::unknown_from_custom_resource(val)) {
    ctx.unknown(
        at, prop,
        msg::ctr007::NamedCustomResource{
            .subject = subject(), .named = named(), .reason = val.reason, .caveat = caveat()});
    return;
  }
  // Unknown: a Ref / GetAtt to a resource is a reference (an ARN, an endpoint), not a secret;
  // a parameter without default would be resolved into the task definition as plaintext.
  if (!val.refs.empty()) return;
  ctx.unknown(
      at, prop,
      msg::ctr007::NamedValueUnknown{
          .subject = subject(), .named = named(), .reason = val.reason, .caveat = caveat()});
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  if (c.environment_state == model::Presence::kUnknown) {
    ctx.unknown({}, container_path(td, c) + ".Environment", msg::ctr007::EnvironmentUnresolved{});
  }
  for (std::size_t i = 0; i < c.environment.size(); ++i) {
    check_variable(td, c, c.environment[i], i, ctx);
  }

  const auto& files = c.environment_files;
  const std::string prop = container_path(td, c) + ".EnvironmentFiles";
  if (files.unknown()) {
    ctx.unknown(files.loc, prop, files.reason);
  } else if (files.known() && !files.value.empty()) {
    ctx.warn(files.loc, prop,
             msg::ctr007::EnvironmentFiles{.container = container_label(td, c),
                                           .count = files.value.size()},
             core::Severity::kInfo);
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef env_secrets;
const engine::CheckDef env_secrets{
    .id = "CTR-007",
    .rationale = i18n::Id::kCtr007Rationale,
    .remediation =
        {
            .cdk = "taskDefinition.addContainer('App', {\n"
                   "  image,\n"
                   "  secrets: {\n"
                   "    DB_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret, 'password'),\n"
                   "  },\n"
                   "});",
            .cloudformation = "ContainerDefinitions:\n"
                              "  - Name: app\n"
                              "    Secrets:\n"
                              "      - Name: DB_PASSWORD\n"
                              "        ValueFrom: !Sub \"${DbSecret}:password::\"",
            .terraform = "container_definitions = jsonencode([{\n"
                         "  name    = \"app\"\n"
                         "  secrets = [{ name = \"DB_PASSWORD\", valueFrom = "
                         "\"${aws_secretsmanager_secret.db.arn}:password::\" }]\n"
                         "}])",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::container
