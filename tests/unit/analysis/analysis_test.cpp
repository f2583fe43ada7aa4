// analysis/: one answer per shared question (launch compatibility, exposure, usage), from the
// typed edges of the link pass.
#include "ecsguard/analysis/analysis.h"

#include <gtest/gtest.h>

#include <string>

#include "model_builders.h"

namespace ecsguard::testing {
namespace {

using core::Tri;

model::Service service(std::string name, unsigned line, model::Str td, model::Str cluster = {}) {
  model::Service s;
  s.id = rid("AWS::ECS::Service", std::move(name), line);
  s.task_definition = std::move(td);
  s.cluster = std::move(cluster);
  return s;
}

model::CapacityProviderItem provider(model::Str name) {
  model::CapacityProviderItem item;
  item.provider = std::move(name);
  return item;
}

TEST(Launch, RequiresCompatibilitiesAlone) {
  auto td = task_definition("Td", 1);
  EXPECT_EQ(analysis::fargate_compatible(td), Tri::kNo);  // absent: EC2
  td.requires_compatibilities = model::StrList::of({str("EC2"), str("FARGATE")});
  EXPECT_EQ(analysis::fargate_compatible(td), Tri::kYes);
  EXPECT_EQ(analysis::fargate_only(td), Tri::kNo);
  td.requires_compatibilities = model::StrList::of({str("fargate")});  // case-sensitive
  EXPECT_EQ(analysis::fargate_compatible(td), Tri::kNo);
  td.requires_compatibilities = model::StrList::of({unknown("parameter")});
  EXPECT_EQ(analysis::fargate_compatible(td), Tri::kUnknown);
  EXPECT_EQ(analysis::fargate_only(td), Tri::kUnknown);
  td.containers_only = true;
  EXPECT_EQ(analysis::fargate_compatible(td), Tri::kUnknown);
  EXPECT_EQ(analysis::why_compatibilities_unknown(td),
            analysis::CompatibilitiesUnknown::kContainersOnly);
}

// A task definition without requiresCompatibilities runs on Fargate when a service launches it
// there: by launch type, by its own strategy, or by its cluster's default strategy set through an
// association. The answer is memoised and the same for every caller.
TEST(Launch, ServicesAndClusterDefaultsDecide) {
  model::Stack s;
  s.add(task_definition("ByType", 1));
  s.add(task_definition("ByCluster", 10));
  s.add(task_definition("Unlaunched", 20));
  model::Cluster cluster;
  cluster.id = rid("AWS::ECS::Cluster", "Cluster", 30);
  cluster.cluster_name = str("prod");
  s.add(cluster);
  model::ClusterCapacityProviderAssociation assoc;
  assoc.id = rid("AWS::ECS::ClusterCapacityProviderAssociations", "Assoc", 35);
  assoc.cluster = ref("Cluster", 36);
  assoc.default_capacity_provider_strategy.push_back(provider(str("FARGATE_SPOT")));
  s.add(assoc);
  auto by_type = service("TypeSvc", 40, ref("ByType", 41));
  by_type.launch_type = str("FARGATE");
  s.add(by_type);
  s.add(service("NameSvc", 50, ref("ByCluster", 51), str("prod")));  // cluster by its name
  auto unknown_launch = service("ParamSvc", 60, ref("Unlaunched", 61));
  unknown_launch.launch_type = unknown("parameter LaunchType has no default");
  s.add(unknown_launch);

  analysis::Analysis a(s);
  EXPECT_EQ(a.launch(s.task_definitions[0]).fargate, Tri::kYes);
  EXPECT_EQ(a.launch(s.task_definitions[1]).fargate, Tri::kYes);
  const auto& unknown_answer = a.launch(s.task_definitions[2]);
  EXPECT_EQ(unknown_answer.fargate, Tri::kUnknown);
  EXPECT_EQ(unknown_answer.why_unknown, analysis::TaskLaunch::Why::kService);
  EXPECT_EQ(unknown_answer.who, "ParamSvc");
  EXPECT_EQ(&a.launch(s.task_definitions[2]), &unknown_answer);  // memoised
  EXPECT_EQ(analysis::cluster_runs_fargate_tasks(a.links(), s.clusters[0]), Tri::kYes);
}

TEST(Links, ReverseEdgesAndNames) {
  model::Stack s;
  s.add(task_definition("Td", 1));
  s.add(service("A", 10, ref("Td", 11)));
  s.add(service("B", 20, ref("Other", 21)));
  model::LogGroup lg;
  lg.id = rid("AWS::Logs::LogGroup", "Logs", 30);
  lg.log_group_name = str("/ecs/app");
  s.add(lg);
  auto c = container("app", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", 40);
  c.image_ref = model::parse_image_ref(c.image.value);
  model::KeyValue group;
  group.name = str("awslogs-group");
  group.value = str("/ecs/app");
  c.log_configuration.state = model::Presence::kKnown;
  c.log_configuration.options.push_back(group);
  s.task_definitions[0].containers.push_back(c);
  s.add(repository("Repo", "app", 50));

  const analysis::Links links(s);
  ASSERT_EQ(links.services_of(s.task_definitions[0]).size(), 1u);
  EXPECT_EQ(links.services_of(s.task_definitions[0])[0]->id.name, "A");
  EXPECT_EQ(links.task_definition_of(s.services[1]), nullptr);
  EXPECT_TRUE(analysis::used(links, s.task_definitions[0]));
  EXPECT_TRUE(analysis::used(links, s.log_groups[0]));
  EXPECT_TRUE(analysis::used(links, s.repositories[0]));
  EXPECT_EQ(links.repository_of(s.task_definitions[0], s.task_definitions[0].containers[0]),
            &s.repositories[0]);
}

// Internet exposure through a listener rule and the load balancer's default scheme; an unknown
// scheme is unknown, never "internal".
TEST(Exposure, ListenerRuleToDefaultSchemeLoadBalancer) {
  model::Stack s;
  s.add(task_definition("Td", 1));
  auto svc = service("Web", 10, ref("Td", 11));
  model::LoadBalancerRef lbref;
  lbref.container_name = str("app");
  lbref.target_group = ref("Tg", 12);
  svc.load_balancers.push_back(lbref);
  s.add(svc);
  model::LoadBalancer lb;
  lb.id = rid("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", 20);
  s.add(lb);
  model::Listener listener;
  listener.id = rid("AWS::ElasticLoadBalancingV2::Listener", "Http", 30);
  listener.load_balancer = ref("Alb", 31);
  s.add(listener);
  model::Listener rule;
  rule.id = rid("AWS::ElasticLoadBalancingV2::ListenerRule", "Rule", 40);
  rule.listener = ref("Http", 41);
  rule.target_groups.push_back(ref("Tg", 42));
  s.add(rule);

  analysis::Analysis a(s);
  EXPECT_EQ(a.exposure(s.task_definitions[0]).facing, Tri::kYes);
  EXPECT_EQ(a.exposure(s.task_definitions[0]).service, &s.services[0]);
  EXPECT_EQ(analysis::fronted_by_load_balancer(a.links(), s.task_definitions[0],
                                               container("app", "nginx", 50)),
            Tri::kYes);
  EXPECT_EQ(analysis::fronted_by_load_balancer(a.links(), s.task_definitions[0],
                                               container("sidecar", "nginx", 60)),
            Tri::kNo);

  s.load_balancers[0].scheme = unknown("parameter Scheme");
  analysis::Analysis again(s);
  EXPECT_EQ(again.exposure(s.task_definitions[0]).facing, Tri::kUnknown);
  s.load_balancers[0].scheme = str("internal");
  EXPECT_EQ(analysis::service_internet_facing(s, s.services[0]), Tri::kNo);
  s.services[0].network.assign_public_ip = toggle(str("ENABLED"));
  EXPECT_EQ(analysis::service_internet_facing(s, s.services[0]), Tri::kYes);
}

}  // namespace
}  // namespace ecsguard::testing
