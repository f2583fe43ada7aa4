resource "aws_ecs_task_definition" "a" {
  family = "a" // ecsguard:skip=CTR-001:x
}
# ecsguard:skip=CTR-002:exp:2020-02-30:y
