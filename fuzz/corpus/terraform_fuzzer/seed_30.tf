# The service: private subnets, no public IP, behind an internet-facing HTTPS load balancer.
resource "aws_lb" "web" {
  name               = var.name
  load_balancer_type = "application"
  subnets            = var.public_subnets
}

resource "aws_lb_target_group" "web" {
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_ecs_service" "web" {
  name                   = var.name
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.web.arn
  launch_type            = "FARGATE"
  platform_version       = "LATEST"
  desired_count          = 2
  enable_execute_command = false

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.service_security_group]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 8080
  }
}
