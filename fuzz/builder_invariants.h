#pragma once
// Model invariants checked by the builder fuzz targets (cfn_resolver_fuzzer, taskdef_fuzzer): a
// violation aborts, which libFuzzer and the replay driver report as a crash.
//   * every built resource is located in the fuzzed file;
//   * every written (known or unknown) field has a location: a finding must point somewhere;
//   * every unknown field says why;
//   * every ECS API model violation (CTR-018) is located in the fuzzed file, at most the cap;
//   * every build error has a message, and a located one points into the fuzzed file.
#include <cstdio>
#include <cstdlib>

#include "ecsguard/model/stack.h"
#include "ecsguard/parse/build.h"
#include "ecsguard/parse/ecs_model/validate.h"
#include "fuzz_invariants.h"

namespace ecsguard::fuzz {

[[noreturn]] inline void model_violated(const char* what, const char* field, const core::Loc& at) {
  std::fprintf(stderr, "builder invariant violated: %s (%s at %u:%u file %u)\n", what, field,
               at.line, at.column, at.file);
  std::abort();
}

template <class T>
void check_value(const model::Value<T>& v, const char* field) {
  if (v.absent()) return;
  if (!v.loc.valid() || v.loc.file != kFuzzFile)
    model_violated("written value without location", field, v.loc);
  if (v.unknown() && v.reason.empty()) model_violated("unknown value without reason", field, v.loc);
}

inline void check_list(const model::StrList& v, const char* field) {
  check_value(v, field);
  if (v.known()) {
    for (const auto& s : v.value) check_value(s, field);
  }
}

inline void check_id(const model::ResourceId& id) {
  if (!id.loc.valid() || id.loc.file != kFuzzFile)
    model_violated("resource without location", id.type.c_str(), id.loc);
}

inline void check_container(const model::Container& c) {
  check_value(c.name, "name");
  check_value(c.image, "image");
  check_value(c.user, "user");
  check_value(c.essential, "essential");
  check_value(c.privileged, "privileged");
  check_value(c.readonly_root_filesystem, "readonlyRootFilesystem");
  check_value(c.cpu, "cpu");
  check_value(c.memory, "memory");
  check_value(c.memory_reservation, "memoryReservation");
  for (const auto& kv : c.environment) {
    check_value(kv.name, "environment.name");
    check_value(kv.value, "environment.value");
  }
  for (const auto& kv : c.docker_labels) check_value(kv.value, "dockerLabels");
  check_list(c.environment_files, "environmentFiles");
  for (const auto& s : c.secrets) check_value(s.value_from, "secrets.valueFrom");
  for (const auto& m : c.mount_points) check_value(m.read_only, "mountPoints.readOnly");
  check_value(c.log_configuration.driver, "logDriver");
  for (const auto& kv : c.log_configuration.options) check_value(kv.value, "options");
  check_list(c.health_check.command, "healthCheck.command");
  check_list(c.capabilities_add, "capabilities.add");
  check_list(c.capabilities_drop, "capabilities.drop");
  check_value(c.init_process_enabled, "initProcessEnabled");
  check_list(c.docker_security_options, "dockerSecurityOptions");
  check_value(c.repository_credentials, "repositoryCredentials");
  check_list(c.entry_point, "entryPoint");
  check_list(c.command, "command");
  for (const auto& p : c.port_mappings) check_value(p.container_port, "containerPort");
}

inline void check_stack(const model::Stack& st) {
  for (const auto& td : st.task_definitions) {
    check_id(td.id);
    check_value(td.family, "family");
    check_value(td.network_mode, "networkMode");
    check_list(td.requires_compatibilities, "requiresCompatibilities");
    check_value(td.cpu, "cpu");
    check_value(td.memory, "memory");
    check_value(td.task_role_arn, "taskRoleArn");
    check_value(td.execution_role_arn, "executionRoleArn");
    for (const auto& v : td.volumes) {
      check_value(v.host_source_path, "host.sourcePath");
      check_value(v.efs.transit_encryption, "transitEncryption");
      check_value(v.efs.iam, "authorizationConfig.iam");
    }
    for (const auto& c : td.containers) check_container(c);
    if (td.api_violations.size() > parse::ecs_model::kMaxViolations)
      model_violated("more ECS model violations than the cap", "api_violations", td.id.loc);
    for (const auto& v : td.api_violations) {
      if (!v.loc.valid() || v.loc.file != kFuzzFile)
        model_violated("ECS model violation without location", v.path.c_str(), v.loc);
    }
  }
  for (const auto& s : st.services) {
    check_id(s.id);
    check_value(s.task_definition, "TaskDefinition");
    check_value(s.enable_execute_command, "EnableExecuteCommand");
    check_value(s.network.assign_public_ip, "AssignPublicIp");
    check_list(s.network.security_groups, "SecurityGroups");
    for (const auto& p : s.capacity_provider_strategy) check_value(p.provider, "CapacityProvider");
  }
  for (const auto& t : st.task_sets) check_value(t.network.assign_public_ip, "AssignPublicIp");
  for (const auto& c : st.clusters) {
    check_id(c.id);
    check_value(c.container_insights, "containerInsights");
  }
  for (const auto& r : st.repositories) {
    check_id(r.id);
    check_value(r.scan_on_push, "ScanOnPush");
    check_value(r.image_tag_mutability, "ImageTagMutability");
    for (const auto& x : r.mutability_exclusions) check_value(x.filter, "exclusion filter");
    for (const auto& rule : r.lifecycle_policy.rules) {
      check_value(rule.tag_status, "tagStatus");
      check_value(rule.count_number, "countNumber");
    }
    for (const auto& s : r.repository_policy.statements) {
      check_value(s.effect, "Effect");
      for (const auto& p : s.principals) check_value(p.value, "Principal");
      check_list(s.actions, "Action");
      for (const auto& c : s.conditions) check_list(c.values, "Condition");
    }
  }
  for (const auto& g : st.log_groups) check_value(g.retention_in_days, "RetentionInDays");
  for (const auto& l : st.listeners) {
    for (const auto& tg : l.target_groups) check_value(tg, "TargetGroupArn");
  }
}

inline void check_build(const parse::Fragment& out) {
  for (const auto& e : out.errors) {
    if (e.message.empty()) model_violated("error without message", "", e.where);
    if (e.where.valid() && e.where.file != kFuzzFile)
      model_violated("error in another file", "", e.where);
  }
  check_stack(out.stack);
}

}  // namespace ecsguard::fuzz
