terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "image" {
  type        = string
  default     = "nginx:1.25"
  description = "Container image"
}

variable "ports" {
  type    = list(number)
  default = [80, 443]
}

locals {
  name = "web-${terraform.workspace}"
  tags = merge(var.tags, { Name = local.name })
}

resource "aws_ecs_task_definition" "web" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = var.image
      essential = true
      portMappings = [for p in var.ports : {
        containerPort = p
        hostPort      = p
      }]
      readonlyRootFilesystem = false
      environment = [
        { name = "MODE", value = "prod" },
      ]
    }
  ])
}

resource "aws_security_group" "web" {
  name = "${local.name}-sg"

  dynamic "ingress" {
    for_each = toset(var.ports)
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ecs_service" "web" {
  count           = var.enabled ? 1 : 0
  name            = local.name
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = var.count > 0 && !var.paused ? var.count * 2 - 1 : 0
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = data.aws_subnets.private.ids
    security_groups  = [aws_security_group.web.id]
    assign_public_ip = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web[0].arn
    container_name   = "web"
    container_port   = 80
  }
  depends_on = [aws_iam_role_policy_attachment.exec]
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

output "arns" {
  value = aws_ecs_service.web[*].id
}

output "legacy" {
  value = aws_ecs_service.web.0.id
}

output "grouped" {
  value = { for s in var.services : s.team => s.name... if s.enabled }
}

output "splat_attr" {
  value = var.list.*.name
}

output "provider_fn" {
  value = provider::aws::arn_parse("arn:aws:iam::123456789012:role/x").account_id
}

module "x" {
  source = "./modules/x"
  args   = concat(var.a, ["b"]...)
  neg    = -5
  not    = !false
  math   = (1 + 2) * 3 % 4 / 5 - -6
  cmp    = 1 < 2 || 3 >= 4 && 5 != 6 == true
  keys = {
    "quoted" : 1
    bare = 2
    (var.dynamic) = 3
    a.b           = 4
    7             = 5
  }
  multi = [
    1, # one
    2, // two
    /* three */ 3,
  ]
}
