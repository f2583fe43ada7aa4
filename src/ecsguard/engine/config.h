#pragma once
// Options checks read (declared once here, with their defaults and documentation). Configuration
// reaches a check only through CheckContext::config(), never through globals.
#include <string>
#include <vector>

#include "ecsguard/core/severity.h"
#include "ecsguard/i18n/lang.h"

namespace ecsguard::engine {

struct CheckOptions {
  // The language finding messages are written in (--lang, else LC_ALL/LC_MESSAGES/LANG).
  i18n::Lang lang = i18n::Lang::kEn;
  // CTR-002: paths a read-only container usually needs writable.
  std::vector<std::string> writable_paths = {"/tmp"};
  // CTR-006: containers allowed SYS_PTRACE (runtime security sensors such as ecsguard guard).
  std::vector<std::string> runtime_sensor_containers = {};
  // CTR-007: environment names never treated as secrets on the name alone (glob, '*' wildcard):
  // they name where a secret is or how it is used (a file, a path, a URL, a header, a policy...),
  // not the secret. Their values are still checked for secret formats and high entropy.
  std::vector<std::string> secret_name_allowlist = {
      "*_SECRET_ARN", "*_TOKEN_URL", "*_ARN",    "*_SECRET_NAME", "*_SECRET_ID",
      "*_FILE",       "*_PATH",      "*_URL",    "*_TTL",         "*_HEADER",
      "*_ENDPOINT",   "*_NAME",      "*_POLICY", "*_PROVIDER"};
  // CTR-010: latest Fargate platform versions per family.
  std::string latest_platform_linux = "1.4.0";
  std::string latest_platform_windows = "1.0.0";
  // CTR-012: require customer managed KMS keys for Fargate ephemeral storage.
  bool require_cmk_ephemeral_storage = false;
  // CTR-015: services allowed to enable ECS Exec (logical ids or service names).
  std::vector<std::string> exec_exempt_services = {};
  // REG-004: the lifecycle policy keeps at most this many images (talk: 5).
  int lifecycle_keep_images = 5;
  // REG-008: registries task definition images may come from (host globs, '*' wildcard), from
  // `approved-registries:` of .ecsguard.yaml; empty = not configured.
  std::vector<std::string> approved_registries = {};
  // REG-006: accounts trusted for cross-account pulls.
  std::vector<std::string> trusted_account_ids = {};
  // REG-009: tags treated as immutable-worthy (ECMAScript-free RE2 syntax).
  std::string commit_tag_pattern = "^[0-9a-f]{7,40}$";
  // Version tags: three or more numeric parts (v1.12.2.1), optionally a suffix (-prod, +build).
  std::string semver_tag_pattern = R"(^v?\d+\.\d+\.\d+(\.\d+)*([-+_][0-9A-Za-z._-]+)?$)";
  std::vector<std::string> moving_tags = {"latest", "main",   "master", "develop",
                                          "dev",    "stable", "prod",   "release"};
  // LOG-012: minimum CloudWatch Logs retention in days (CloudWatch.16).
  int log_retention_min_days = 365;
  // CTR-002: per-image writable paths: when a container's image matches `image_glob` ('*'
  // wildcard), `paths` replaces writable_paths for it.
  struct WritablePathOverride {
    std::string image_glob;
    std::vector<std::string> paths;
  };
  std::vector<WritablePathOverride> writable_path_overrides = {};
  // CTR-002: paths the ECS Exec (SSM) agent writes in a read-only container (add e.g.
  // "/managed-agents"); a writable mount at one of them or at a parent directory covers it.
  std::vector<std::string> exec_writable_paths = {"/var/lib/amazon/ssm", "/var/log/amazon/ssm"};
  // CTR-009: secrets exempt from rotation (third-party API keys): logical ids or secret names
  // (glob, '*' wildcard).
  std::vector<std::string> rotation_exempt_secrets = {};
  // CTR-009: longest rotation interval in days (SecretsManager.4).
  int secret_rotation_max_days = 90;
  // CTR-015: the scanned stacks are a production environment: ECS Exec enabled on a service not
  // in exec_exempt_services FAILs; false (development stacks) reports it as WARN.
  bool production_environment = true;
  // REG-006: the AWS accounts the scanned stacks deploy to. A repository policy principal in one of
  // these (or in trusted_account_ids) is never cross-account. When both lists are empty, literal
  // account ids in principals are not judged (the scan cannot tell its own account).
  std::vector<std::string> own_account_ids = {};
  // LOG-013: the account setting defaultLogDriverMode assumed when a container sets no `mode`
  // (AWS default since 2025-06-25: non-blocking; before: blocking).
  std::string default_log_driver_mode = "non-blocking";
  // LOG-013: containers whose logs are audit-critical (glob on the container name or on
  // "<task definition>/<container>", '*' wildcard). A container is also audit-critical when it has
  // the Docker label named by audit_critical_label with value "true".
  std::vector<std::string> audit_critical_containers = {};
  std::string audit_critical_label = "audit-critical";
};

}  // namespace ecsguard::engine
