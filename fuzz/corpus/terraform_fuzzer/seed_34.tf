# ------------------------------------------- service: public subnets, public IP, ECS Exec on
resource "aws_lb" "web" {
  name    = "insecure-web"
  subnets = var.public_subnets
}

resource "aws_lb_target_group" "web" {
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_ecs_service" "web" {
  name                   = "insecure-web"
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.web.arn
  launch_type            = "FARGATE"
  desired_count          = 2
  enable_execute_command = true # CTR-015

  network_configuration {
    subnets          = var.public_subnets
    security_groups  = [var.service_security_group]
    assign_public_ip = true # NET-002
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080
  }
}

resource "aws_ecs_service" "canary" {
  name          = "insecure-web-canary"
  cluster       = aws_ecs_cluster.main.id
  desired_count = 1
  deployment_controller {
    type = "EXTERNAL"
  }
}

resource "aws_ecs_task_set" "canary" {
  service         = aws_ecs_service.canary.id
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  external_id     = "canary-latest"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.public_subnets
    security_groups  = [var.service_security_group]
    assign_public_ip = true # NET-003
  }
}
