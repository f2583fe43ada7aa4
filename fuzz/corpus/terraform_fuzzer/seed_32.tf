variable "name" {
  type    = string
  default = "hardened-web"
}

variable "region" {
  type    = string
  default = "ap-northeast-1"
}

# The Git commit the image was built from (the pipeline passes -var image_tag=...).
variable "image_tag" {
  type    = string
  default = "62ae3e498ebd296ff16fd3653c9f9d277ad01765"
}

variable "task_role_arn" {
  type = string
}

variable "execution_role_arn" {
  type = string
}

variable "rotation_lambda_arn" {
  type = string
}

variable "certificate_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnets" {
  type = list(string)
}

variable "private_subnets" {
  type = list(string)
}

variable "service_security_group" {
  type = string
}
