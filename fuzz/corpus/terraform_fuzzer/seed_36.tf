# One admin role as task AND execution role (IAM checks are not implemented yet).
variable "admin_role_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "public_subnets" {
  type = list(string)
}

variable "service_security_group" {
  type = string
}
