#pragma once
// The task's identity for alerts: ECS task metadata endpoint v4 ($ECS_CONTAINER_METADATA_URI_V4,
// container name, image, image digest, task ARN, cluster) when present, otherwise what the
// container itself knows (cgroup id or hostname). Fetched off the tracer's path.
#include <chrono>
#include <string>
#include <string_view>

#include "ecsguard/core/error.h"
#include "ecsguard/guard/eval.h"

namespace ecsguard::guard {

// Container response of the v4 endpoint (`GET $ECS_CONTAINER_METADATA_URI_V4`).
core::Result<ContainerInfo> parse_ecs_metadata(std::string_view json_text);

// GET with a bounded timeout; http only (the endpoint is link-local http).
core::Result<ContainerInfo> fetch_ecs_metadata(const std::string& uri,
                                               std::chrono::milliseconds timeout);

// Without the endpoint: container id from /proc/self/cgroup, else the hostname.
ContainerInfo local_container_info();

// "repo/name:tag" / "repo/name@sha256:..." -> repository, tag, digest.
void split_image(std::string_view image, ContainerInfo& out);

}  // namespace ecsguard::guard
